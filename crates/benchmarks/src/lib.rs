//! Benchmarks: what England, a region and a council's statistical neighbours published for an
//! indicator, with the source of every figure.
//!
//! The DfE publishes its children's social care statistics on Explore Education Statistics
//! (EES) as CSV files with one row per place and year: `time_period`, `time_identifier`,
//! `geographic_level`, the place's codes and names, filter columns and indicator columns whose
//! cells are numbers or symbols. This crate reads those files into [`Benchmark`]s:
//!
//! - [`ees`] reads an EES CSV through a [`Mapping`] that says which column (and which filter
//!   values) gives which Harbour indicator. The mappings shipped with the crate are in
//!   `data/ees_mappings.csv` ([`Mapping::shipped`]); see [`ees`] for which datasets they cover
//!   and why the others are not there.
//! - [`neighbours`] reads a statistical-neighbour list and [`compare`]s a council with the mean
//!   of its neighbours, its region and England.
//! - [`shipped`] has the latest England values found in the research, each with its source and
//!   year, in `data/england_latest.csv` ([`england_latest`]).
//!
//! Symbols are kept as symbols: a suppressed cell is [`Symbol::Suppressed`] with no value, never
//! a zero. Every problem in a file is a [`DataError`] naming the file, line, column and cause.
//!
//! The crate does no statistics of its own beyond the unweighted neighbour mean, and knows
//! nothing of children, storage or HTTP.

#![warn(missing_docs)]

pub mod ees;
pub mod neighbours;
pub mod shipped;

use std::fmt;

pub use ees::{Filter, IndicatorColumn, Mapping, read_ees, read_ees_csv};
pub use neighbours::{
    CompareError, Comparison, NeighbourList, NeighbourValue, StatisticalNeighbours, compare,
};
pub use shipped::england_latest;

/// Harbour's indicator ids, the only ids a [`Benchmark`] may carry.
pub const INDICATOR_IDS: [&str; 29] = [
    "referrals_per_10k",
    "rereferrals_12m_pct",
    "referrals_nfa_pct",
    "assessments_45wd_pct",
    "s47_per_10k",
    "icpc_per_10k",
    "icpc_15wd_pct",
    "cp_plans_per_10k",
    "cp_starts_per_10k",
    "cp_second_or_subsequent_pct",
    "cp_ended_2y_plus_pct",
    "cp_visits_in_timescale_pct",
    "cp_reviews_in_timescale_pct",
    "cp_starts_from_cin_pct",
    "cla_per_10k",
    "cla_per_10k_excl_uasc",
    "cla_starts_per_10k",
    "cla_starts_from_cp_or_cin",
    "cla_3plus_placements_pct",
    "cla_long_term_stability_pct",
    "cla_visits_in_timescale_pct",
    "cla_missing_pct",
    "care_leavers_eet_pct",
    "care_leavers_suitable_accommodation_pct",
    "adoption_a1_days",
    "adoption_a10_days",
    "adoption_a2_days",
    "audits_good_or_better_pct",
    "fsm_open_children",
];

/// The `'static` form of a Harbour indicator id, or `None` if `id` is not one of
/// [`INDICATOR_IDS`].
pub fn indicator_id(id: &str) -> Option<&'static str> {
    INDICATOR_IDS.iter().copied().find(|known| *known == id)
}

/// The place a figure is for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Geography {
    /// England as a whole (EES `geographic_level` "National").
    England,
    /// A region of England (EES "Regional"), e.g. `E12000006` "East of England".
    Region {
        /// The ONS code, EES `region_code`.
        code: String,
        /// EES `region_name`.
        name: String,
    },
    /// A local authority (EES "Local authority").
    LocalAuthority {
        /// The ONS code, EES `new_la_code`, e.g. `E10000015`.
        code: String,
        /// The DfE three-digit number, EES `old_la_code`, e.g. `919`.
        old_code: String,
        /// EES `la_name`.
        name: String,
        /// The ONS code of the authority's region (EES `region_code`), used to find the
        /// regional figure beside it; `None` when the file did not give one.
        region_code: Option<String>,
    },
}

impl Geography {
    /// Whether this is the local authority with `code`, new (`E10000015`) or old (`919`).
    pub fn is_local_authority(&self, code: &str) -> bool {
        match self {
            Geography::LocalAuthority {
                code: new,
                old_code,
                ..
            } => new == code || old_code == code,
            _ => false,
        }
    }

    /// Whether this is the region with ONS code `code`.
    pub fn is_region(&self, code: &str) -> bool {
        matches!(self, Geography::Region { code: c, .. } if c == code)
    }
}

impl fmt::Display for Geography {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Geography::England => f.write_str("England"),
            Geography::Region { code, name } => write!(f, "{name} ({code})"),
            Geography::LocalAuthority {
                code,
                old_code,
                name,
                ..
            } => {
                write!(f, "{name} ({code}, {old_code})")
            }
        }
    }
}

/// A symbol the DfE publishes in place of a figure (research/indicators.md §2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Symbol {
    /// `c`: suppressed to protect confidentiality (a count from 1 to 5, or secondary
    /// suppression).
    Suppressed,
    /// `z`: not applicable.
    NotApplicable,
    /// `x`: not available. Older CIN releases wrote `:`, which is read as this too.
    NotAvailable,
    /// `k`: rounds to 0 but is not 0 (a percentage under 0.5).
    RoundsToZero,
    /// `u`: low reliability; the figure was withheld.
    LowReliability,
}

impl Symbol {
    /// The symbol for an EES cell, or `None` if `cell` is not one of `c`, `z`, `x`, `:`, `k`,
    /// `u` (lower case, as the DfE writes them).
    pub fn from_code(cell: &str) -> Option<Symbol> {
        Some(match cell {
            "c" => Symbol::Suppressed,
            "z" => Symbol::NotApplicable,
            "x" | ":" => Symbol::NotAvailable,
            "k" => Symbol::RoundsToZero,
            "u" => Symbol::LowReliability,
            _ => return None,
        })
    }

    /// The symbol as the DfE writes it now (`:` comes back as `x`).
    pub fn code(self) -> &'static str {
        match self {
            Symbol::Suppressed => "c",
            Symbol::NotApplicable => "z",
            Symbol::NotAvailable => "x",
            Symbol::RoundsToZero => "k",
            Symbol::LowReliability => "u",
        }
    }

    /// What the symbol means, in words.
    pub fn meaning(self) -> &'static str {
        match self {
            Symbol::Suppressed => "suppressed to protect confidentiality",
            Symbol::NotApplicable => "not applicable",
            Symbol::NotAvailable => "not available",
            Symbol::RoundsToZero => "rounds to 0 but is not 0",
            Symbol::LowReliability => "low reliability",
        }
    }
}

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The publication or dataset, e.g. "Children in need: C1 referrals (EES)".
    pub title: String,
    /// Where the figure can be checked.
    pub url: String,
    /// The year as the publisher labels it, e.g. "Reporting year 2025" or "2015-18".
    pub release_year_label: String,
    /// How the figure was got: the file and line it was read from, or when and how it was
    /// retrieved or derived.
    pub note: String,
}

/// One published figure for one indicator, place and year.
///
/// The readers in this crate set exactly one of `value` and `symbol`.
#[derive(Debug, Clone, PartialEq)]
pub struct Benchmark {
    /// One of [`INDICATOR_IDS`].
    pub indicator_id: &'static str,
    /// The place the figure is for.
    pub geography: Geography,
    /// The collection year by the year it ends: 2025 is the year to 31 March 2025 (2024-25).
    pub year: i16,
    /// The figure, or `None` when the DfE published a symbol instead.
    pub value: Option<f64>,
    /// The symbol published instead of a figure.
    pub symbol: Option<Symbol>,
    /// Where the figure comes from.
    pub source: Source,
    /// Whether the figure was worked out from published figures rather than published as is.
    pub derived: bool,
}

/// A problem in a data file: the file, the line (1-based, as an editor shows it) and column
/// where it is, and the cause.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}{}{}: {cause}",
    line.map(|l| format!(", line {l}")).unwrap_or_default(),
    column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default())]
pub struct DataError {
    /// The file as the caller named it (its path, or the name of an embedded file).
    pub file: String,
    /// `None` when the problem is with the file as a whole (it cannot be opened).
    pub line: Option<u64>,
    /// The column's name from the header row.
    pub column: Option<String>,
    /// What is wrong.
    pub cause: Cause,
}

/// Why a data file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Cause {
    /// The file could not be opened or read.
    #[error("cannot read the file: {0}")]
    Io(String),
    /// The bytes are not CSV as expected: not UTF-8, or a row with more or fewer fields than
    /// the header.
    #[error("not valid CSV: {0}")]
    Csv(String),
    /// A column the reader or the mapping needs is not in the header row.
    #[error("the header row has no column `{0}`")]
    MissingColumn(String),
    /// `time_period` is neither `YYYY` nor `YYYYyy` with consecutive years.
    #[error(
        "bad time_period {0:?}: expected a year such as 2025 or a two-year period such as 202425"
    )]
    BadTimePeriod(String),
    /// `geographic_level` is not National, Regional or Local authority.
    #[error("unknown geographic_level {0:?}: expected National, Regional or Local authority")]
    UnknownGeographicLevel(String),
    /// A cell that should hold a figure holds neither a plain number nor a DfE symbol.
    #[error("{0:?} is neither a number nor a known symbol (c, z, x, :, k, u)")]
    BadValue(String),
    /// A region or local authority row without the code that identifies it.
    #[error("the code is empty")]
    EmptyCode,
    /// A code in a statistical-neighbour list is not a local authority code.
    #[error(
        "{0:?} is not a local authority code (three digits such as 919, or E and eight digits such as E10000015)"
    )]
    BadLaCode(String),
    /// An indicator id not in [`INDICATOR_IDS`].
    #[error("{0:?} is not a Harbour indicator id")]
    UnknownIndicator(String),
    /// Two rows give the same indicator for the same place and year: the mapping needs a
    /// filter to choose between them.
    #[error("{indicator_id} for {geography} in {year} was already given on line {first_line}")]
    Duplicate {
        /// The indicator given twice.
        indicator_id: &'static str,
        /// The place, as [`Geography`] displays it.
        geography: String,
        /// The collection year.
        year: i16,
        /// The line that gave it first.
        first_line: u64,
    },
    /// Anything else, said in words.
    #[error("{0}")]
    Invalid(String),
}

impl DataError {
    pub(crate) fn at(file: &str, line: u64, column: Option<&str>, cause: Cause) -> DataError {
        DataError {
            file: file.to_owned(),
            line: Some(line),
            column: column.map(str::to_owned),
            cause,
        }
    }
}

/// A CSV record's 1-based line, as an editor shows it.
pub(crate) fn line_of(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

/// A `csv` crate error as a [`DataError`] in `file`.
pub(crate) fn csv_error(file: &str, error: &csv::Error) -> DataError {
    let line = error.position().map(csv::Position::line);
    let cause = match error.kind() {
        csv::ErrorKind::Io(e) => Cause::Io(e.to_string()),
        csv::ErrorKind::Utf8 { .. } => Cause::Csv("not UTF-8 text".to_owned()),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Cause::Csv(format!("{len} fields where the header has {expected_len}")),
        _ => Cause::Csv(error.to_string()),
    };
    DataError {
        file: file.to_owned(),
        line,
        column: None,
        cause,
    }
}

/// Whether `code` looks like a local authority code: three digits (the DfE number) or `E`
/// followed by eight digits (the ONS code).
pub fn is_la_code(code: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    digits(code, 3) || code.strip_prefix('E').is_some_and(|rest| digits(rest, 8))
}
