//! `harbour load`: finds the returns and extracts among the given paths, reads them through
//! `ingest` (the code path the web upload shares), and hands them to the store as one
//! all-or-nothing batch.

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
    let prepared = prepared.map_err(failure)?;
    for note in &prepared.notes {
        eprintln!("{note}");
    }
    let children = prepared.children;
    let batch = prepared.batch;
    let file_count = batch.files.len();
    eprintln!(
        "storing {children} children from {file_count} file(s) in {} (all or nothing)",
        store.name()
    );
    match store
        .load(batch)
        .await
        .context("the load failed; nothing was stored")?
    {
        LoadOutcome::AlreadyLoaded => {
            eprintln!(
                "already loaded: these {file_count} file(s) are in the store; nothing changed"
            );
        }
        LoadOutcome::Loaded { load_id, rows } => {
            eprintln!("load {load_id}: {file_count} file(s), {children} children");
            for (table, n) in rows {
                eprintln!("  {table:<28} {n:>9}");
            }
        }
    }
    Ok(())
}

/// Prints a refusal's problems and gives the exit code: 1 for bad input, 2 for a file that
/// cannot be read.
fn failure(e: IngestError) -> Failure {
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
    }
}

/// Who is loading: the operating-system user.
pub(crate) fn loaded_by() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned())
}
