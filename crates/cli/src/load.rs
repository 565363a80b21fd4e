//! `harbour load`: finds the returns, extracts, population tables and practice-assurance files
//! among the given paths, reads them through `ingest` (the code path the web upload shares), and
//! hands them to the store as one all-or-nothing batch (one transaction).

use crate::Failure;
use anyhow::Context as _;
use ingest::IngestError;
use model::CollectionYear;
use std::path::PathBuf;
use store::LoadOutcome;

pub(crate) async fn run(
    store: &store::Store,
    paths: &[PathBuf],
    year: Option<CollectionYear>,
) -> Result<(), Failure> {
    let files = ingest::discover(paths).map_err(failure)?;
    let bar = crate::counter(files.len() as u64, "reading");
    let prepared = ingest::prepare(&files, year, loaded_by(), &mut |_| bar.inc(1));
    bar.finish_and_clear();
    let mut prepared = prepared.map_err(failure)?;
    for note in &prepared.notes {
        eprintln!("{note}");
    }
    // Assurance records are checked before anything is stored, so that a problem in them
    // refuses the whole load; they are then stored in the load's one transaction.
    let assurance_records = ingest::attach_assurance(
        store,
        &mut prepared,
        &loaded_by(),
        store::Channel::Cli,
        "harbour load",
    )
    .await
    .map_err(failure)?;
    let children = prepared.children;
    let batch = prepared.batch;
    let file_count = batch.files.len();
    eprintln!(
        "storing {children} children from {file_count} file(s){} in {} (all or nothing)",
        if batch.assurance.is_some() {
            format!(" and {assurance_records} assurance record(s)")
        } else {
            String::new()
        },
        store.name()
    );
    match store
        .load(batch)
        .await
        .context("the load failed; nothing was stored")?
    {
        LoadOutcome::AlreadyLoaded => {
            eprintln!(
                "already loaded: these {file_count} file(s){} are in the store; nothing changed",
                if assurance_records > 0 {
                    " and their assurance records"
                } else {
                    ""
                }
            );
        }
        LoadOutcome::Loaded {
            load_id,
            rows,
            assurance,
        } => {
            eprintln!("load {load_id}: {file_count} file(s), {children} children");
            for (table, n) in rows {
                eprintln!("  {table:<28} {n:>9}");
            }
            match assurance {
                store::EditOutcome::Changed { change_id, records } => {
                    print_assurance_change(change_id, records)
                }
                store::EditOutcome::Unchanged if assurance_records > 0 => {
                    eprintln!("assurance records: already stored, nothing changed")
                }
                store::EditOutcome::Unchanged => {}
            }
        }
        LoadOutcome::AssuranceOnly { change_id, records } => {
            if file_count > 0 {
                eprintln!(
                    "these {file_count} file(s) are in the store already; only the assurance \
                     records changed"
                );
            }
            print_assurance_change(change_id, records);
        }
    }
    Ok(())
}

/// Says how many assurance records of each kind a load's change gave a new version.
fn print_assurance_change(
    change_id: i64,
    records: std::collections::BTreeMap<store::AssuranceKind, usize>,
) {
    eprintln!("assurance change {change_id}:");
    for (kind, n) in records {
        eprintln!("  {:<28} {n:>9}", kind.as_str());
    }
}

/// Prints a refusal's problems and gives the exit code: 1 for bad input, 2 for a file or store
/// that cannot be read.
pub(crate) fn failure(e: IngestError) -> Failure {
    match e {
        IngestError::Refused {
            message,
            problems,
            total,
        } => {
            for p in &problems {
                eprintln!("{p}");
            }
            if total > problems.len() {
                eprintln!("… and {} more", total - problems.len());
            }
            Failure {
                code: 1,
                error: anyhow::anyhow!(message),
            }
        }
        IngestError::Io(message) => Failure {
            code: 2,
            error: anyhow::anyhow!(message),
        },
        e @ IngestError::Store(_) => Failure {
            code: 2,
            error: anyhow::anyhow!(e),
        },
    }
}

/// Who is loading: the operating-system user.
pub(crate) fn loaded_by() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned())
}
