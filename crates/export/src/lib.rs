//! The child-journey tables written as files for analysts: one Parquet or CSV file per table,
//! flat, typed and documented, readable as they are by DuckDB, pandas, R or a spreadsheet.
//!
//! [`write_tables`] writes the 29 tables of a [`model::Dataset`] (the same tables, with the same
//! row counts, as the store's) into a directory. [`TABLES`] describes every table and column and
//! is the one source of truth: the writers check each row against it and `docs/export.md` is
//! generated from it ([`markdown`]).
//!
//! ```no_run
//! # fn main() -> Result<(), export::ExportError> {
//! let dataset = model::Dataset::default();
//! for written in export::write_tables(&dataset, "out".as_ref(), export::Format::Parquet)? {
//!     println!("{}: {} rows", written.path.display(), written.rows);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # A set lands whole
//!
//! Each file is first written under a temporary name in the target directory and synced; only
//! when every table has been written are they renamed into place, one by one. A failure while
//! writing leaves the earlier files as they were and removes the temporary ones; the error names
//! the table and file. A rename can only fail midway through the set on a broken file system,
//! and the error says how many tables were replaced by then.
//!
//! # Parquet without Arrow
//!
//! The Parquet files are written with the `parquet` crate's low-level API
//! (`SerializedFileWriter`, a schema from `parquet::schema::types`, one typed column writer per
//! column) and `default-features = false` plus `snap`, so neither Arrow nor the other codecs are
//! built. Dates are `INT32` annotated `DATE`, text `BYTE_ARRAY` annotated `STRING`, flags
//! `BOOLEAN`, numbers `INT64`; optional columns are `OPTIONAL`, the rest `REQUIRED`.
//!
//! Build cost on the 2-core development machine, shared with other builds at the time (load
//! average 2 to 3): with the rest of the workspace's dependencies built, `parquet` and the crates
//! only it brings took 1 min 06 s wall and 100 CPU-s for a clean debug build, peak RSS 0.64 GB
//! (`parquet` 34 s, `zerocopy-derive` and `zerocopy` 30 s, `num-bigint` 11 s, `chrono` 8 s,
//! `libm` 6 s, the rest — `snap`, `half`, `ahash`, `twox-hash`, `seq-macro`, … — 2 s or less
//! each). This crate from nothing (with `model`, `jiff`, `csv`, `thiserror`, `syn`) took
//! 2 min 44 s wall under a load average of 5. Exporting 5,000 synthetic children (91,485 rows)
//! takes about 0.3 s as Parquet (1.2 MB) and 0.1 to 0.2 s as CSV (3.4 MB), in debug and release
//! builds alike.

mod csv_file;
mod docs;
mod parquet_file;
mod rows;
mod schema;

pub use docs::markdown;
pub use schema::{ColumnDoc, ColumnType, TABLES, TableDoc, table};

use model::Dataset;
use rows::{ROWS, RowSink, WriteError};
use std::fs::{self, File};
use std::path::{Path, PathBuf};

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row; dates `YYYY-MM-DD`, flags `true`/`false`,
    /// missing values empty.
    Csv,
    /// Apache Parquet, Snappy-compressed, with typed columns.
    Parquet,
}

impl Format {
    /// The file extension, without the dot: `csv` or `parquet`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }
}

/// A table written to a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The table's name, as in [`TABLES`].
    pub table: &'static str,
    /// The file, `DIR/TABLE.csv` or `DIR/TABLE.parquet`.
    pub path: PathBuf,
    /// Rows written (the CSV header not counted).
    pub rows: u64,
}

/// Why an export failed. Each variant names the directory or the table and file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The directory could not be created; nothing was written.
    #[error("{}: cannot create the export directory: {source}", path.display())]
    Directory {
        /// The directory asked for.
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A table could not be written (or its file synced). Its temporary file and those of the
    /// tables before it were removed; no file of the export was replaced.
    #[error(
        "{}: cannot write the {table} table: {source}; no file of the export was replaced",
        path.display()
    )]
    Write {
        /// The table's name, as in [`TABLES`].
        table: &'static str,
        /// The file the table was to be written to.
        path: PathBuf,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A finished table could not be moved into place: the tables before it were replaced, the
    /// others not, and the temporary files left were removed.
    #[error(
        "{}: cannot move the finished {table} table into place: {source}; the {replaced} tables \
         before it were replaced and the others were not, so the directory holds a mixed export",
        path.display()
    )]
    Rename {
        /// The table's name, as in [`TABLES`].
        table: &'static str,
        /// The file the table was to be moved to.
        path: PathBuf,
        /// How many tables of the export had been moved into place before this one.
        replaced: usize,
        #[source]
        source: std::io::Error,
    },
}

/// Writes every table of [`TABLES`] from `ds` into `dir` (created if missing) as
/// `TABLE.csv` or `TABLE.parquet`, replacing files of an earlier export, and returns what was
/// written in the order of [`TABLES`].
///
/// Rows follow the dataset's order; call [`Dataset::normalise`] first for the canonical order.
/// See the crate documentation for how a failure leaves the directory.
pub fn write_tables(ds: &Dataset, dir: &Path, format: Format) -> Result<Vec<Written>, ExportError> {
    fs::create_dir_all(dir).map_err(|source| ExportError::Directory {
        path: dir.to_owned(),
        source,
    })?;

    // Every table under a temporary name first, so that a failure replaces nothing.
    let mut staged: Vec<(Written, PathBuf)> = Vec::with_capacity(TABLES.len());
    for (table, (_, rows)) in TABLES.iter().zip(ROWS) {
        let path = dir.join(format!("{}.{}", table.name, format.extension()));
        let temp = dir.join(format!(
            ".{}.{}.{}.tmp",
            table.name,
            format.extension(),
            std::process::id()
        ));
        match write_table(table, rows, ds, &temp, format) {
            Ok(n) => staged.push((
                Written {
                    table: table.name,
                    path,
                    rows: n,
                },
                temp,
            )),
            Err(source) => {
                let _ = fs::remove_file(&temp);
                for (_, t) in &staged {
                    let _ = fs::remove_file(t);
                }
                return Err(ExportError::Write {
                    table: table.name,
                    path,
                    source,
                });
            }
        }
    }

    let mut written = Vec::with_capacity(staged.len());
    let mut staged = staged.into_iter();
    while let Some((w, temp)) = staged.next() {
        if let Err(source) = fs::rename(&temp, &w.path) {
            let _ = fs::remove_file(&temp);
            for (_, t) in staged {
                let _ = fs::remove_file(t);
            }
            return Err(ExportError::Rename {
                table: w.table,
                path: w.path,
                replaced: written.len(),
                source,
            });
        }
        written.push(w);
    }
    // The renames are durable once the directory is synced (only possible on Unix); a failure
    // here leaves a complete export that a crash might not keep, so it is not an error.
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(written)
}

/// Writes one table to `path` and syncs it; returns the number of rows.
fn write_table(
    table: &'static TableDoc,
    rows: fn(&Dataset, &mut dyn RowSink) -> Result<(), WriteError>,
    ds: &Dataset,
    path: &Path,
    format: Format,
) -> Result<u64, WriteError> {
    let file = File::create(path)?;
    let (file, n) = match format {
        Format::Csv => {
            let mut sink = csv_file::CsvTable::create(table, file)?;
            rows(ds, &mut sink)?;
            sink.finish()?
        }
        Format::Parquet => {
            let mut sink = parquet_file::ParquetTable::create(table, file)?;
            rows(ds, &mut sink)?;
            sink.finish()?
        }
    };
    file.sync_all()?;
    Ok(n)
}

#[cfg(test)]
mod tests;
