//! The SSDA903 return (children looked after) as CSV files, one per table, or as one XML file
//! ([`xml`]: root `<EXPSSDA903>`, read into the same tables, columns and rows).
//!
//! # Tables
//!
//! A file is recognised by its header row, not its name: the table is the one, of those whose
//! `CHILD` column is present, with the most of its own columns in the header (names compare
//! ignoring case and surrounding spaces). Columns
//! may come in any order and extra columns are ignored; a recognised table that lacks any of its
//! columns is a [`FormatError::MissingColumns`], and one that has a column of its own twice is a
//! [`FormatError::Csv`]. Columns, in the order of the 2025-26 return:
//!
//! | table (DfE name) | file written | columns | model |
//! |---|---|---|---|
//! | Header | header.csv | CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB | [`model::Child`] fields |
//! | Episodes | episodes.csv | CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN | `cla_episodes` |
//! | UASC | uasc.csv | CHILD, SEX, DOB, DUC | `uasc` |
//! | Reviews | reviews.csv | CHILD, DOB, REVIEW, REVIEW_CODE | `cla_reviews` |
//! | OC2 | oc2.csv | CHILD, DOB, SDQ_SCORE, SDQ_REASON, CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED | `outcomes` (of the return's year) |
//! | OC3 | oc3.csv | CHILD, DOB, IN_TOUCH, ACTIV, ACCOM | `care_leaver_records` (of the return's year) |
//! | AD1 | ad1.csv | CHILD, DOB, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR | `adoption` |
//! | PlacedAdoption | placed_for_adoption.csv | CHILD, DOB, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED | `placed_for_adoption` |
//! | PrevPerm | previous_permanence.csv | CHILD, DOB, PREV_PERM, LA_PERM, DATE_PERM | `previous_permanence` |
//! | Missing | missing.csv | CHILD, DOB, MISSING, MIS_START, MIS_END | `missing_episodes` |
//! | SWEpisodes | sw_episodes.csv | CHILD, DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON | `social_worker_episodes` |
//!
//! The 2026-27 DoLo table (deprivation of liberty orders: CHILD, DOB, DOLO_START, DOLO_END) is
//! read only by [`raw`], for the DfE rules of 2026-27 ([`raw::identify`] recognises it with the
//! others); the model has no place for it yet, so [`read_dir`] skips it with a problem and
//! [`read_files`] refuses it.
//!
//! For the DfE rules, [`raw`] also keeps the Episodes columns `PL_LA`, `PL_LOCATION` and
//! `PL_DISTANCE` when a file has them ([`raw::optional_columns`]; the DfE derives them from the
//! postcodes, and some systems export them); they are not required and not read into the model.
//! It also gives Header an optional `UASC` column, the child's UASC status: the Header file's own
//! column when it has one, else derived from the UASC table (`1` for a child with a row in it, `0`
//! otherwise) once every file is read, or the `<UASC>` of the XML form as written
//! ([`raw`]'s module docs).
//!
//! # Values
//!
//! Dates are `DD/MM/YYYY` (a one-digit day or month is accepted on reading). Flags are 0/1.
//! `SEX` is M/F/U; the codes 1 and 2 of returns before 2024-25 read as M and F. `UPN` holds either
//! a UPN or one of the `UN` codes, which read into `upn_unknown`. `DATE_PERM` stays a string,
//! since any part of it may be `ZZ`. Codes are case-sensitive, as in the DfE returns.
//!
//! A row with fewer values than the header row has columns, or with more that are not blank, is a
//! problem (a short row whose last value holds a line break, from a quote never closed, is also
//! skipped). A value longer than 255 characters (no field of the return comes close) is a problem,
//! and its row is skipped; the value is not quoted.
//!
//! A blank value reads as absent: whether a field may be blank is for the DfE rules to say. The
//! exceptions are the values a record cannot exist without (`CHILD`, and the date that places a
//! row in the child's journey: `DECOM`, `REVIEW`, `MIS_START`, `DATE_PLACED`, `SW_DECOM`). A row
//! lacking one, or holding a bad one, is skipped with a problem that says so. Every other bad
//! value (a date that does not exist, an unknown code, a flag that is not 0/1) is a [`Problem`]
//! located by file, table, 0-based data row and 1-based line, and the value is left empty.
//!
//! The child's details come from the Header table. `DOB` and `SEX` in the other tables are
//! checked as dates and codes but only used for a child with no Header row. A second row for the
//! same child in a table that has one row per child (Header, UASC, OC2, OC3, AD1, PrevPerm)
//! replaces the first, with a problem pointing at both.

pub(crate) mod csv_table;
pub mod raw;
mod read;
mod write;
pub mod xml;

use crate::FormatError;
use std::path::{Path, PathBuf};

pub use read::{read_dir, read_files};
pub use write::write_return;

/// An SSDA903 table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Header,
    Episodes,
    Uasc,
    Reviews,
    Oc2,
    Oc3,
    Ad1,
    PlacedAdoption,
    PrevPerm,
    Missing,
    SwEpisodes,
    /// The deprivation of liberty orders of 2026-27: read by [`raw`] only, not in [`Table::ALL`].
    DoLo,
}

impl Table {
    /// Every table the model reads and [`write_return`] writes, in the order the return lists
    /// them: all but [`Table::DoLo`].
    pub const ALL: [Table; 11] = [
        Table::Header,
        Table::Episodes,
        Table::Uasc,
        Table::Reviews,
        Table::Oc2,
        Table::Oc3,
        Table::Ad1,
        Table::PlacedAdoption,
        Table::PrevPerm,
        Table::Missing,
        Table::SwEpisodes,
    ];

    /// Every table [`raw`] reads: [`Table::ALL`], then the 2026-27 DoLo table.
    pub const RAW: [Table; 12] = [
        Table::Header,
        Table::Episodes,
        Table::Uasc,
        Table::Reviews,
        Table::Oc2,
        Table::Oc3,
        Table::Ad1,
        Table::PlacedAdoption,
        Table::PrevPerm,
        Table::Missing,
        Table::SwEpisodes,
        Table::DoLo,
    ];

    /// The name the DfE validators use for the table, e.g. `SWEpisodes`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Header => "Header",
            Table::Episodes => "Episodes",
            Table::Uasc => "UASC",
            Table::Reviews => "Reviews",
            Table::Oc2 => "OC2",
            Table::Oc3 => "OC3",
            Table::Ad1 => "AD1",
            Table::PlacedAdoption => "PlacedAdoption",
            Table::PrevPerm => "PrevPerm",
            Table::Missing => "Missing",
            Table::SwEpisodes => "SWEpisodes",
            Table::DoLo => "DoLo",
        }
    }

    /// The table's columns, in the order of the 2025-26 return.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Header => &HEADER,
            Table::Episodes => &EPISODES,
            Table::Uasc => &UASC,
            Table::Reviews => &REVIEWS,
            Table::Oc2 => &OC2,
            Table::Oc3 => &OC3,
            Table::Ad1 => &AD1,
            Table::PlacedAdoption => &PLACED_ADOPTION,
            Table::PrevPerm => &PREV_PERM,
            Table::Missing => &MISSING,
            Table::SwEpisodes => &SW_EPISODES,
            Table::DoLo => &DOLO,
        }
    }

    /// The file [`write_return`] writes the table to.
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Header => "header.csv",
            Table::Episodes => "episodes.csv",
            Table::Uasc => "uasc.csv",
            Table::Reviews => "reviews.csv",
            Table::Oc2 => "oc2.csv",
            Table::Oc3 => "oc3.csv",
            Table::Ad1 => "ad1.csv",
            Table::PlacedAdoption => "placed_for_adoption.csv",
            Table::PrevPerm => "previous_permanence.csv",
            Table::Missing => "missing.csv",
            Table::SwEpisodes => "sw_episodes.csv",
            Table::DoLo => "dolo.csv",
        }
    }

    /// The table's columns that a header row lacks.
    pub fn missing_columns(self, headers: &[&str]) -> Vec<&'static str> {
        csv_table::missing_columns(headers, self.columns())
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

const HEADER: [&str; 7] = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"];
const EPISODES: [&str; 13] = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
];
const UASC: [&str; 4] = ["CHILD", "SEX", "DOB", "DUC"];
const REVIEWS: [&str; 4] = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"];
const OC2: [&str; 12] = [
    "CHILD",
    "DOB",
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
];
const OC3: [&str; 5] = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"];
const AD1: [&str; 8] = [
    "CHILD",
    "DOB",
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];
const PLACED_ADOPTION: [&str; 5] = [
    "CHILD",
    "DOB",
    "DATE_PLACED",
    "DATE_PLACED_CEASED",
    "REASON_PLACED_CEASED",
];
const PREV_PERM: [&str; 5] = ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"];
const MISSING: [&str; 5] = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"];
const SW_EPISODES: [&str; 6] = ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"];
const DOLO: [&str; 4] = ["CHILD", "DOB", "DOLO_START", "DOLO_END"];

/// The table a header row belongs to: of the tables whose `CHILD` column is present, the one
/// with the most of its own columns present (see the module documentation). The row may still lack some of the table's columns; see
/// [`Table::missing_columns`]. `None` when the row is not that of a table of [`Table::ALL`] (the
/// 2026-27 DoLo table, which [`raw::identify`] recognises, for one) or could be either of two.
pub fn identify(headers: &[&str]) -> Option<Table> {
    identify_among(headers, &Table::ALL)
}

/// The table of `tables` a header row belongs to, as [`identify`] tells.
fn identify_among(headers: &[&str], tables: &[Table]) -> Option<Table> {
    let columns: Vec<&[&str]> = tables.iter().map(|t| t.columns()).collect();
    csv_table::best_match(headers, &columns).map(|i| tables[i])
}

/// What reading one file's header row found.
enum Opened {
    Table(Table, Vec<String>),
    /// Not an SSDA903 table, and why.
    Unrecognised(String),
}

/// Recognises the table of `tables` a file's header row (if any, on `line`) belongs to; a
/// recognised table lacking columns, or naming one of them twice, is an error.
fn recognise(
    file: &Path,
    header: Option<Vec<String>>,
    line: u64,
    tables: &[Table],
) -> Result<Opened, FormatError> {
    let Some(header) = header else {
        return Ok(Opened::Unrecognised(
            "the file is empty (an SSDA903 table starts with a header row)".to_owned(),
        ));
    };
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let Some(table) = identify_among(&names, tables) else {
        let known: Vec<&str> = tables.iter().map(|t| t.name()).collect();
        return Ok(Opened::Unrecognised(format!(
            "the header row ({}) is not that of an SSDA903 table Harbour reads ({})",
            names.join(","),
            known.join(", ")
        )));
    };
    let missing = table.missing_columns(&names);
    if !missing.is_empty() {
        return Err(FormatError::MissingColumns {
            file: file.to_owned(),
            table: table.name().to_owned(),
            line,
            columns: missing.into_iter().map(str::to_owned).collect(),
        });
    }
    if let Some(twice) = csv_table::duplicate_column(&header, table.columns()) {
        return Err(csv_table::duplicate_column_error(
            file,
            line,
            table.name(),
            twice,
        ));
    }
    Ok(Opened::Table(table, header))
}

/// The `*.csv` files of a folder (any case of extension), sorted by name.
pub(crate) fn csv_files_in(dir: &Path) -> Result<Vec<PathBuf>, FormatError> {
    files_in(dir, &["csv"])
}

/// The `*.csv` and `*.xml` files of a folder (any case of extension), sorted by name.
pub(crate) fn return_files_in(dir: &Path) -> Result<Vec<PathBuf>, FormatError> {
    files_in(dir, &["csv", "xml"])
}

fn files_in(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>, FormatError> {
    let io = |source| FormatError::Io {
        file: dir.to_owned(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let wanted = path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)));
        if wanted && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_recognised_by_its_own_header_row() {
        for table in Table::ALL {
            assert_eq!(identify(table.columns()), Some(table), "{table}");
            let mut reversed: Vec<&str> = table.columns().to_vec();
            reversed.reverse();
            reversed.push("NOTES");
            assert_eq!(
                identify(&reversed),
                Some(table),
                "{table}, shuffled with an extra column"
            );
        }
    }

    #[test]
    fn headers_of_other_tables_are_not_recognised() {
        assert_eq!(identify(&["CHILD", "DOB", "DOLO_START", "DOLO_END"]), None);
        assert_eq!(identify(&["CHILD", "SEX", "DOB"]), None, "Header or UASC");
        assert_eq!(identify(&["team_id", "name"]), None);
        assert_eq!(identify(&[]), None);
    }

    #[test]
    fn the_dolo_table_is_recognised_for_the_rules_only() {
        let dolo = ["CHILD", "DOB", "DOLO_START", "DOLO_END"];
        assert_eq!(identify_among(&dolo, &Table::RAW), Some(Table::DoLo));
        assert_eq!(identify(&dolo), None);
        for table in Table::ALL {
            assert_eq!(identify_among(table.columns(), &Table::RAW), Some(table));
        }
    }

    #[test]
    fn a_table_lacking_columns_is_still_recognised() {
        let headers = ["CHILD", "DECOM", "RNE", "LS", "PLACE"];
        assert_eq!(identify(&headers), Some(Table::Episodes));
        assert_eq!(
            Table::Episodes.missing_columns(&headers),
            [
                "CIN",
                "PLACE_PROVIDER",
                "DEC",
                "REC",
                "REASON_PLACE_CHANGE",
                "HOME_POST",
                "PL_POST",
                "URN"
            ]
        );
    }
}
