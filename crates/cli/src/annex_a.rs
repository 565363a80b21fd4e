//! `harbour annex-a`: Ofsted's Annex A from the store, or an Annex A workbook checked.

use crate::{Database, Failure, open_store, write_out};
use anyhow::{Context as _, anyhow};
use model::Date;
use std::path::PathBuf;
use std::time::Instant;
use store::{AccessEntry, AsAt, Channel};

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: Database,
    /// The inspection date: each list's window ends on it (YYYY-MM-DD).
    #[arg(long, required_unless_present = "check")]
    inspection_date: Option<Date>,
    /// The workbook to write (.xlsx), one sheet per list.
    #[arg(long, required_unless_present = "check")]
    out: Option<PathBuf>,
    /// Also write the ChAT-style analysis of the lists as JSON to this file.
    #[arg(long)]
    analysis: Option<PathBuf>,
    /// The stored data as it stood after a load (its number), at a date or a timestamp.
    #[arg(long, default_value = "latest")]
    store_as_at: AsAt,
    /// Check an Annex A workbook instead: every finding (sheet, row, column, rule) on stdout;
    /// exit 1 when any is an error.
    #[arg(long, value_name = "FILE.xlsx", conflicts_with_all = ["out", "analysis"])]
    check: Option<PathBuf>,
}

pub(crate) async fn run(args: Args) -> Result<(), Failure> {
    if let Some(path) = &args.check {
        let out = annex_a::read_workbook(path, args.inspection_date);
        let mut text = String::new();
        for f in &out.findings {
            text.push_str(&format!("{}: {f}\n", path.display()));
        }
        write_out(None, &text)?;
        let rows: usize = out.lists.iter().map(|l| l.rows.len()).sum();
        eprintln!(
            "{}: {} lists, {rows} rows, {} children; {} findings ({} errors)",
            path.display(),
            out.lists.len(),
            out.dataset.children.len(),
            out.findings.len(),
            out.errors()
        );
        if out.errors() > 0 {
            return Err(Failure {
                code: 1,
                error: anyhow!("the workbook has errors"),
            });
        }
        return Ok(());
    }
    let (Some(date), Some(out)) = (args.inspection_date, args.out.as_ref()) else {
        return Err(anyhow!("--inspection-date and --out are needed").into());
    };
    let started = Instant::now();
    let store = open_store(&args.db.database).await?;
    let snapshot = store
        .dataset_as_at(args.store_as_at)
        .await
        .context("cannot read the store")?;
    let Some(load_id) = snapshot.load_id else {
        return Err(anyhow!("the store held no data at that point: load data first").into());
    };
    let read = started.elapsed();
    let t = Instant::now();
    let annex = annex_a::build(&snapshot.dataset, date);
    let built = t.elapsed();
    let children = annex.children();
    // Logged before the file is written: child-level data leaves the store.
    store
        .log_access(&[AccessEntry {
            actor: crate::load::loaded_by(),
            channel: Channel::Cli,
            action: "harbour annex-a".into(),
            subject: format!(
                "Annex A for an inspection on {date}: {children} children in {} rows, data as at load {load_id}, to {}",
                annex.rows(),
                out.display()
            ),
            child_id: None,
        }])
        .await
        .context("cannot write the access log, so nothing was written")?;
    let t = Instant::now();
    annex_a::xlsx::write(&annex, out).with_context(|| format!("cannot write {}", out.display()))?;
    let written = t.elapsed();
    if let Some(path) = &args.analysis {
        let json = serde_json::to_string_pretty(&annex_a::analyse(&annex))
            .context("cannot serialise the analysis")?;
        std::fs::write(path, json).with_context(|| format!("cannot write {}", path.display()))?;
    }
    for l in &annex.lists {
        let spec = l.spec();
        eprint!(
            "list {:>2} {:<32} {:>7} rows",
            spec.number,
            spec.title,
            l.rows.len()
        );
        if !l.empty_fields.is_empty() {
            let names: Vec<_> = l.empty_fields.iter().map(|(h, _)| *h).collect();
            eprint!("; left empty (not held): {}", names.join("; "));
        }
        if l.note.is_some() {
            eprint!("; not held by Harbour: empty");
        }
        eprintln!();
    }
    eprintln!(
        "wrote {} ({} rows, {children} children) in {:.2} s: store read {:.2} s, lists {:.2} s, workbook {:.2} s",
        out.display(),
        annex.rows(),
        started.elapsed().as_secs_f64(),
        read.as_secs_f64(),
        built.as_secs_f64(),
        written.as_secs_f64()
    );
    Ok(())
}
