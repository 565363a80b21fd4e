//! 300 synthetic children exported as Parquet and as CSV, read back by DuckDB as they are
//! (`read_parquet`, `read_csv` with auto-detection): row counts, column types (dates are `DATE` in
//! Parquet), the same values in both formats, and joins on the keys (`duckdb_check.py`).
//!
//! DuckDB runs from the Python virtual environment that `scripts/duckdb-venv.sh` creates at
//! `$HARBOUR_DUCKDB_VENV` (default `~/.cache/harbour-duckdb`). When it is missing, the test fails
//! under CI (env `CI` set) and otherwise prints a note and passes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn venv_python() -> Option<PathBuf> {
    let venv = match std::env::var_os("HARBOUR_DUCKDB_VENV") {
        Some(v) => PathBuf::from(v),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".cache/harbour-duckdb"),
    };
    let python = venv.join("bin/python");
    python.is_file().then_some(python)
}

#[test]
fn duckdb_reads_both_formats_as_written() {
    let Some(python) = venv_python() else {
        let message = "the DuckDB Python environment is missing, so the export was not read back";
        if std::env::var_os("CI").is_some() {
            panic!(
                "{message} (CI is set, so this is a failure; scripts/duckdb-venv.sh creates it)"
            );
        }
        eprintln!("note: {message}; skipping (run scripts/duckdb-venv.sh to create it)");
        return;
    };

    let council = synth::generate(&synth::SynthConfig {
        children: 300,
        seed: 5,
        ..Default::default()
    });
    let stdout = export_and_check(&python, &council.dataset);
    eprintln!("300 synthetic children: {stdout}");
    // An empty export too: a Parquet file with no row group and a CSV file of a header only.
    let stdout = export_and_check(&python, &model::Dataset::default());
    eprintln!("empty dataset: {stdout}");
}

/// Writes `ds` in both formats and runs `duckdb_check.py` on them; returns what it printed.
fn export_and_check(python: &Path, ds: &model::Dataset) -> String {
    let root = tempfile::tempdir().unwrap();
    let parquet =
        export::write_tables(ds, &root.path().join("parquet"), export::Format::Parquet).unwrap();
    let csv = export::write_tables(ds, &root.path().join("csv"), export::Format::Csv).unwrap();
    assert_eq!(parquet.len(), export::TABLES.len());
    for (p, c) in parquet.iter().zip(&csv) {
        assert_eq!((p.table, p.rows), (c.table, c.rows));
    }

    // What DuckDB must find: each table's row count and its columns with their types.
    let mut spec = String::new();
    for (table, written) in export::TABLES.iter().zip(&parquet) {
        let columns: Vec<String> = table
            .columns
            .iter()
            .map(|c| format!("{}:{}", c.name, c.ty.sql_name()))
            .collect();
        writeln!(
            spec,
            "{}\t{}\t{}",
            table.name,
            written.rows,
            columns.join(",")
        )
        .unwrap();
    }
    let spec_path = root.path().join("spec.tsv");
    std::fs::write(&spec_path, spec).unwrap();

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/duckdb_check.py");
    let out = Command::new(python)
        .arg(&script)
        .arg(root.path())
        .arg(&spec_path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "DuckDB found problems ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout.trim_end().to_owned()
}
