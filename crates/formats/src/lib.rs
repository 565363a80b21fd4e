//! Readers and writers for the files councils exchange: the CIN census XML, the SSDA903 CSVs and
//! the case-management extracts (workers, teams, allocations, Family Safeguarding involvement).
//!
//! Readers stream and keep each record's location, so that every problem names its file and its
//! place (line and column for XML; table, row and line for CSV). A file that cannot be read at
//! all (not XML, missing columns, unreadable) is a [`FormatError`]; a record that can be read but
//! holds a bad value (a date that does not exist, an unknown code, a missing required value)
//! becomes a [`Problem`] and the value is left empty. The DfE validation rules are not here: they
//! live in their own crate and work on the model.

pub mod cin;
pub mod extract;
pub mod population;
pub mod postcodes;
pub mod providers;
pub mod ssda903;
pub mod text;

use std::fmt;
use std::path::{Path, PathBuf};

/// Where something is in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A place in an XML file: 1-based line and column of the element or value, and the element
    /// path with 1-based indices, e.g. `/Message/Children/Child[3]/CINdetails[1]/CINreferralDate`.
    Xml {
        file: PathBuf,
        line: u64,
        column: u64,
        path: String,
    },
    /// A row of a CSV table: `row` is the 0-based data row (header excluded, as the DfE
    /// validators count), `line` the 1-based physical line in the file.
    Csv {
        file: PathBuf,
        table: String,
        row: u64,
        line: u64,
    },
    /// The file as a whole.
    File { file: PathBuf },
}

impl Location {
    pub fn file(&self) -> &Path {
        match self {
            Location::Xml { file, .. } | Location::Csv { file, .. } | Location::File { file } => {
                file
            }
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Xml {
                file,
                line,
                column,
                path,
            } => {
                write!(
                    f,
                    "{}: line {line}, column {column} ({path})",
                    file.display()
                )
            }
            Location::Csv {
                file,
                table,
                row,
                line,
            } => {
                write!(
                    f,
                    "{}: line {line} (table {table}, row {row})",
                    file.display()
                )
            }
            Location::File { file } => write!(f, "{}", file.display()),
        }
    }
}

/// What kind of structural problem a value has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProblemKind {
    /// A date that is not a real date in the format the return uses.
    BadDate,
    /// A code that is not in the DfE code set for the field.
    UnknownCode,
    /// A value the format requires is missing.
    MissingValue,
    /// A value that is not of the field's type (a number, a 0/1 flag, …).
    BadValue,
    /// An element or column the reader does not know, or in the wrong place.
    Unexpected,
}

impl ProblemKind {
    /// A short stable name, used as the rule code of structural findings.
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::BadDate => "format:bad-date",
            ProblemKind::UnknownCode => "format:unknown-code",
            ProblemKind::MissingValue => "format:missing-value",
            ProblemKind::BadValue => "format:bad-value",
            ProblemKind::Unexpected => "format:unexpected",
        }
    }
}

/// A value that could not be read. The record is kept with the value left empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub location: Location,
    /// The DfE field name, e.g. `CINreferralDate` or `DECOM`.
    pub field: String,
    /// The child the record belongs to, when known.
    pub child_id: Option<String>,
    /// What is wrong, in a sentence a performance analyst understands, quoting the bad value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]: {}",
            self.location,
            self.field,
            self.kind.code(),
            self.message
        )
    }
}

/// A file that cannot be read at all. Each names the file, the place where there is one (line
/// and column, or line), and the cause in plain words.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("{}: cannot read the file: {source}", file.display())]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: line {line}, column {column}: not well-formed XML: {message}", file.display())]
    Xml {
        file: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    #[error("{}: line {line}, column {column}: {message}", file.display())]
    Structure {
        file: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    /// The bytes are not UTF-8 text (see [`text::check_text`]).
    #[error("{}: line {line}, column {column}: {message}", file.display())]
    Encoding {
        file: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    /// A recognised table whose header row (on `line`) lacks some of its columns.
    #[error("{}: line {line}: the {table} table is missing the column(s) {}", file.display(), columns.join(", "))]
    MissingColumns {
        file: PathBuf,
        table: String,
        line: u64,
        columns: Vec<String>,
    },
    #[error("{}: line {line}: {message}", file.display())]
    Csv {
        file: PathBuf,
        line: u64,
        message: String,
    },
    #[error("{}: {message}", file.display())]
    Unrecognised { file: PathBuf, message: String },
}

/// What a reader returns: the records it could read and the problems it found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Read<T> {
    pub data: T,
    pub problems: Vec<Problem>,
}
