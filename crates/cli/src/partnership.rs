//! `harbour partnership`: the Family Safeguarding partnership report from the store and the
//! partnership data set (`metrics::partnership`): the figures loaded into the store, or a file
//! given with `--data`.

use crate::{Database, Failure, csv_field, open_store, write_out};
use anyhow::{Context as _, anyhow};
use clap::ValueEnum;
use metrics::partnership::{PartnerFigure, partnership_report, read_partnership};
use model::Date;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use store::AsAt;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    db: Database,
    /// A partnership data set to use instead of the one loaded into the store:
    /// `child_id,measure,month,value` (see `metrics::partnership`).
    #[arg(long)]
    data: Option<PathBuf>,
    /// The report's day; defaults to 31 March of the latest loaded collection year.
    #[arg(long)]
    as_at: Option<Date>,
    /// Months before and after the month each family's involvement began.
    #[arg(long, default_value_t = 12)]
    months: u32,
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long, default_value = "latest")]
    store_as_at: AsAt,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
}

pub(crate) async fn run(args: Args) -> Result<(), Failure> {
    let given = match &args.data {
        Some(path) => Some(read_file(path)?),
        None => None,
    };
    let store = open_store(&args.db.database).await?;
    let snapshot = store
        .dataset_as_at(args.store_as_at)
        .await
        .context("cannot read the store")?;
    let as_at = crate::reporting_date(&store, &snapshot, args.as_at).await?;
    let figures = match &given {
        Some(figures) => figures.as_slice(),
        None => {
            if snapshot.dataset.partner_figures.is_empty() {
                eprintln!(
                    "note: no partnership data set is loaded (load partnership.csv with \
                     `harbour load`, or pass --data FILE): the partners' measures are 0"
                );
            }
            snapshot.dataset.partner_figures.as_slice()
        }
    };
    let r = partnership_report(&snapshot.dataset, figures, as_at, args.months);
    let change = |p: Option<f64>| p.map(|v| format!("{v:.1}")).unwrap_or_default();
    let text = match args.format {
        Format::Csv => {
            let mut out = String::from("measure,before,after,change_pct\n");
            let _ = writeln!(out, "Families compared,{},,", r.families);
            for (name, n) in ["domestic abuse", "mental health", "substance use"]
                .iter()
                .zip(r.adult_workers)
            {
                let _ = writeln!(
                    out,
                    "{},{n},,",
                    csv_field(&format!("Families with a {name} worker"))
                );
            }
            for m in &r.measures {
                let _ = writeln!(
                    out,
                    "{},{},{},{}",
                    csv_field(m.measure),
                    m.before,
                    m.after,
                    change(m.change_pct())
                );
            }
            out
        }
        Format::Json => {
            let measures: Vec<serde_json::Value> = r
                .measures
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "measure": m.measure, "before": m.before, "after": m.after,
                        "change_pct": m.change_pct(),
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "as_at": as_at.to_string(), "months": r.months, "families": r.families,
                "adult_workers": {
                    "domestic_abuse": r.adult_workers[0],
                    "mental_health": r.adult_workers[1],
                    "substance_use": r.adult_workers[2],
                },
                "measures": measures,
            });
            serde_json::to_string_pretty(&doc).context("cannot write JSON")? + "\n"
        }
    };
    write_out(args.out.as_deref(), &text)?;
    Ok(())
}

/// Reads a partnership data set given with `--data`, whole or refused (exit 1).
fn read_file(path: &Path) -> Result<Vec<PartnerFigure>, Failure> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    read_partnership(&name, &bytes).map_err(|problems| Failure {
        code: 1,
        error: anyhow!(
            "{name} was refused:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    })
}
