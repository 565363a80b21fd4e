//! The SSDA903 return as written, for the DfE validation rules: every value of every recognised
//! table kept as text (trimmed), with its file, 0-based data row (header excluded, as the DfE
//! validators count) and 1-based line. Nothing is checked or converted here: a bad date or code
//! is for a rule to report.
//!
//! Tables are recognised by their header row ([`identify`]: those of [`super::identify`] and the
//! 2026-27 DoLo table, which only the rules read); a recognised table lacking
//! columns, or naming one twice, is a [`FormatError`], as is a second file holding a table already
//! read (the rules could not tell which rows the DfE row numbers mean). Files that are not an
//! SSDA903 table are listed in [`RawReturn::skipped`].
//!
//! # The child's UASC status in Header
//!
//! The rules on unaccompanied asylum-seeking children (105, 205A to 205C, 231, 303) read each
//! child's UASC status (`0` or `1`) as an optional Header column, `UASC` ([`optional_columns`]):
//!
//! - from a return in XML, the `<UASC>` of the child's `HEADER` as written (blank when left out or
//!   empty, and kept as written when it is not a code: that is for rule 105 to report);
//! - from CSV files, the Header file's own `UASC` column when it has one; otherwise, when the
//!   return has a UASC table, derived once every file is read: `1` for a child with a row in the
//!   UASC table, `0` for one without (as the DfE validators derive it);
//! - with neither, no value: every row's `UASC` is blank and [`RawTable::has_column`] says so,
//!   and the rules that need a child's status do nothing for that child.
//!
//! The same holds for the previous year's return, read on its own.

use super::csv_table::CsvFile;
use super::{Opened, Table, identify_among, recognise};
use crate::FormatError;
use std::path::{Path, PathBuf};

/// The table of [`Table::RAW`] a header row belongs to (see [`super::identify`], which leaves
/// out the DoLo table).
pub fn identify(headers: &[&str]) -> Option<Table> {
    identify_among(headers, &Table::RAW)
}

/// Columns a table may have beyond [`Table::columns`], read when the file has them and blank
/// otherwise: the Episodes fields the DfE derives from the postcodes (`PL_LA`, the placement's
/// local authority; `PL_LOCATION`, `IN` or `OUT` of the council's area; `PL_DISTANCE`, miles from
/// home), which some case management systems export with the return; and the child's UASC status
/// in Header (`UASC`, derived from the UASC table when the Header file lacks it: see the module
/// docs). They are not required, and a file without them is read as before.
pub fn optional_columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Header => &["UASC"],
        Table::Episodes => &["PL_LA", "PL_LOCATION", "PL_DISTANCE"],
        _ => &[],
    }
}

/// Where `column` is among a table's columns, then its optional ones. The rules ask for values by
/// name millions of times over a return, so names are compared by length, then a word or two at
/// a time rather than through `memcmp`.
#[inline]
fn column_index(table: Table, column: &str) -> Option<usize> {
    let want = column.as_bytes();
    let same = |c: &&str| same_name(c.as_bytes(), want);
    let columns = table.columns();
    columns.iter().position(same).or_else(|| {
        optional_columns(table)
            .iter()
            .position(same)
            .map(|i| columns.len() + i)
    })
}

/// Whether two column names are the same: names of 4 to 16 bytes (all of the DfE's but `LS`,
/// `CIN`, `REC`, `DEC`, `DOB`, `SEX`, `UPN`...) by two overlapping loads, others byte by byte.
#[inline(always)]
fn same_name(a: &[u8], b: &[u8]) -> bool {
    fn word8(s: &[u8], at: usize) -> u64 {
        let mut w = [0; 8];
        w.copy_from_slice(&s[at..at + 8]);
        u64::from_ne_bytes(w)
    }
    fn word4(s: &[u8], at: usize) -> u32 {
        let mut w = [0; 4];
        w.copy_from_slice(&s[at..at + 4]);
        u32::from_ne_bytes(w)
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        0..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        _ => a == b,
    }
}

/// A table's columns, then its optional ones: the order of a row's values.
fn all_columns(table: Table) -> impl Iterator<Item = &'static str> {
    table
        .columns()
        .iter()
        .chain(optional_columns(table))
        .copied()
}

/// The most values a row holds: the widest table's columns and optional columns, with room.
const MAX_VALUES: usize = 20;

/// One row of a table, its values in the order of [`Table::columns`], then of
/// [`optional_columns`].
///
/// The values are kept end to end in one string, with where each ends beside it in the row:
/// every rule reads every row of the tables it checks, so a row is one allocation and its
/// offsets sit with it, which keeps a table's rows close in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// 0-based data row within its file, header excluded.
    pub row: usize,
    /// 1-based line on which the row starts.
    pub line: u64,
    text: Box<str>,
    /// Where each value ends in `text`; the first `len` are used.
    ends: [u32; MAX_VALUES],
    len: u8,
}

impl RawRow {
    /// A row whose values are in the order of its table's [`Table::columns`] (at most
    /// [`MAX_VALUES`]; a table has fewer columns than that).
    pub(super) fn new<'a>(
        row: usize,
        line: u64,
        values: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut text = String::new();
        let mut ends = [0; MAX_VALUES];
        let mut len = 0;
        for (end, value) in ends.iter_mut().zip(values) {
            text.push_str(value);
            *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            len += 1;
        }
        Self {
            row,
            line,
            text: text.into_boxed_str(),
            ends,
            len,
        }
    }

    /// The `i`-th value; empty past the last.
    fn value(&self, i: usize) -> &str {
        if i >= usize::from(self.len) {
            return "";
        }
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize).unwrap_or("")
    }

    /// Sets the value of `column` (of the row's table or its optional columns), growing the row
    /// to reach it.
    fn set(&mut self, table: Table, column: &str, value: &str) {
        let Some(i) = column_index(table, column) else {
            return;
        };
        let n = usize::from(self.len).max(i + 1);
        let values: Vec<&str> = (0..n)
            .map(|j| if j == i { value } else { self.value(j) })
            .collect();
        *self = RawRow::new(self.row, self.line, values);
    }

    /// The value of `column` (a column of the row's table, or one of its optional columns) as
    /// written, trimmed; empty when blank, when the file lacks an optional column, or when
    /// `column` is not one of the table's.
    pub fn get(&self, table: Table, column: &str) -> &str {
        column_index(table, column).map_or("", |i| self.value(i))
    }

    /// The `CHILD` value (the first column of every table).
    pub fn child(&self) -> &str {
        self.value(0)
    }
}

/// A table of the return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    pub table: Table,
    pub file: PathBuf,
    pub rows: Vec<RawRow>,
    /// The optional columns ([`optional_columns`]) that have values: written in the file (or
    /// the XML form), derived (Header's `UASC`), or filled in by [`RawReturn::fill_optional`].
    optional: Vec<&'static str>,
}

impl RawTable {
    pub(super) fn new(
        table: Table,
        file: PathBuf,
        rows: Vec<RawRow>,
        optional: Vec<&'static str>,
    ) -> Self {
        Self {
            table,
            file,
            rows,
            optional,
        }
    }

    /// Whether the table has values for `column`: always for one of [`Table::columns`]; for an
    /// optional column, when the file had it, it was derived (Header's `UASC`), or
    /// [`RawReturn::fill_optional`] filled it in.
    pub fn has_column(&self, column: &str) -> bool {
        self.table.columns().contains(&column) || self.optional.contains(&column)
    }
}

/// The tables of one year's return.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawReturn {
    tables: Vec<RawTable>,
    /// Files that are not an SSDA903 table, with why.
    pub skipped: Vec<(PathBuf, String)>,
}

impl RawReturn {
    /// Reads the `*.csv` and `*.xml` files of a folder, or the files given: a file whose first
    /// character (after any byte-order mark and blank space) is `<` is read as a return in XML
    /// ([`super::xml`]), any other as a CSV table.
    pub fn read(paths: &[PathBuf]) -> Result<Self, FormatError> {
        let mut files = Vec::new();
        for path in paths {
            if path.is_dir() {
                files.extend(super::return_files_in(path)?);
            } else {
                files.push(path.clone());
            }
        }
        let mut ret = RawReturn::default();
        for path in files {
            let bytes = std::fs::read(&path).map_err(|source| FormatError::Io {
                file: path.clone(),
                source,
            })?;
            if super::xml::looks_like_xml(&bytes) {
                ret.add_xml(&path, &bytes)?;
            } else {
                ret.add(CsvFile::from_bytes(&path, bytes)?)?;
            }
        }
        ret.derive_uasc_status();
        Ok(ret)
    }

    /// Reads a return in XML ([`super::xml`]) from its bytes; `path` names it in errors. Unlike
    /// [`RawReturn::read`], which passes over an XML file of another kind, a root element other
    /// than `<EXPSSDA903>` is an error.
    pub fn from_xml(path: &Path, bytes: &[u8]) -> Result<Self, FormatError> {
        Ok(RawReturn {
            tables: super::xml::read_tables(bytes, path)?,
            skipped: Vec::new(),
        })
    }

    /// Adds the tables of a return in XML, or lists the file as skipped when its root element is
    /// not that of an SSDA903 return (a CIN census, say).
    fn add_xml(&mut self, path: &Path, bytes: &[u8]) -> Result<(), FormatError> {
        if !super::xml::is_ssda903_xml(bytes) {
            self.skipped.push((
                path.to_owned(),
                format!(
                    "an XML file whose root element is not <{}>, so not an SSDA903 return",
                    super::xml::ROOT
                ),
            ));
            return Ok(());
        }
        for table in super::xml::read_tables(bytes, path)? {
            if let Some(first) = self.table(table.table) {
                return Err(FormatError::Csv {
                    file: path.to_owned(),
                    line: 1,
                    message: format!(
                        "a second {} table (the first is {}); give one file per table, or one \
                         XML return",
                        table.table.name(),
                        first.file.display()
                    ),
                });
            }
            self.tables.push(table);
        }
        Ok(())
    }

    /// Reads tables held in memory: (name for errors, CSV text).
    pub fn from_texts<'a>(
        texts: impl IntoIterator<Item = (&'a Path, &'a str)>,
    ) -> Result<Self, FormatError> {
        let mut ret = RawReturn::default();
        for (path, text) in texts {
            ret.add(CsvFile::from_bytes(path, text.as_bytes().to_vec())?)?;
        }
        ret.derive_uasc_status();
        Ok(ret)
    }

    /// Reads one table from a file's bytes, already read; `path` names it in errors.
    pub fn from_csv(path: &Path, bytes: Vec<u8>) -> Result<Self, FormatError> {
        let mut ret = RawReturn::default();
        ret.add(CsvFile::from_bytes(path, bytes)?)?;
        ret.derive_uasc_status();
        Ok(ret)
    }

    /// Gives Header's `UASC` a value for every child when the Header file had no `UASC` column
    /// and the return has a UASC table: `1` for a child with a row in it, `0` for one without
    /// (the module docs). Run once every file is read, since the tables may come in any order.
    fn derive_uasc_status(&mut self) {
        let Some(uasc) = self.table(Table::Uasc) else {
            return;
        };
        let children: std::collections::HashSet<Box<str>> =
            uasc.rows.iter().map(|r| r.child().into()).collect();
        let Some(header) = self.tables.iter_mut().find(|t| t.table == Table::Header) else {
            return;
        };
        if header.has_column("UASC") {
            return;
        }
        for row in &mut header.rows {
            let status = if children.contains(row.child()) {
                "1"
            } else {
                "0"
            };
            row.set(Table::Header, "UASC", status);
        }
        header.optional.push("UASC");
    }

    fn add(&mut self, file: CsvFile) -> Result<(), FormatError> {
        let mut records = file.records();
        let header = records.header()?;
        let header_line = records.line();
        let (table, header) = match recognise(&file.path, header, header_line, &Table::RAW)? {
            Opened::Table(table, header) => (table, header),
            Opened::Unrecognised(why) => {
                self.skipped.push((file.path.clone(), why));
                return Ok(());
            }
        };
        if let Some(first) = self.table(table) {
            return Err(FormatError::Csv {
                file: file.path.clone(),
                line: header_line,
                message: format!(
                    "a second {} table (the first is {}); give one file per table",
                    table.name(),
                    first.file.display()
                ),
            });
        }
        // For each of the table's columns, where it is in this file.
        let at: Vec<Option<usize>> = all_columns(table)
            .map(|c| header.iter().position(|h| h.trim().eq_ignore_ascii_case(c)))
            .collect();
        let optional = optional_columns(table)
            .iter()
            .zip(&at[table.columns().len()..])
            .filter(|(_, at)| at.is_some())
            .map(|(c, _)| *c)
            .collect();
        let mut rows = Vec::new();
        while let Some(row) = records.next_row()? {
            let values = at
                .iter()
                .map(|i| i.and_then(|i| row.record.get(i)).map_or("", str::trim));
            rows.push(RawRow::new(row.row as usize, row.line, values));
        }
        self.tables
            .push(RawTable::new(table, file.path.clone(), rows, optional));
        Ok(())
    }

    /// Sets the optional column `column` of `table` ([`optional_columns`]) in every row to what
    /// `value` gives for the row, and counts it among the table's ([`RawTable::optional`]). For
    /// the values the DfE derives (`PL_LA`, `PL_LOCATION`, `PL_DISTANCE` from the postcodes),
    /// when the file does not carry them. Nothing happens when the return lacks the table or
    /// `column` is not one of its optional columns.
    pub fn fill_optional(
        &mut self,
        table: Table,
        column: &'static str,
        mut value: impl FnMut(&RawRow) -> String,
    ) {
        if !optional_columns(table).contains(&column) {
            return;
        }
        let Some(t) = self.tables.iter_mut().find(|t| t.table == table) else {
            return;
        };
        for row in &mut t.rows {
            let v = value(row);
            row.set(table, column, &v);
        }
        if !t.optional.contains(&column) {
            t.optional.push(column);
        }
    }

    /// The table, when the return has it.
    pub fn table(&self, table: Table) -> Option<&RawTable> {
        self.tables.iter().find(|t| t.table == table)
    }

    /// The rows of a table (none when the return lacks it).
    pub fn rows(&self, table: Table) -> &[RawRow] {
        self.table(table).map_or(&[], |t| &t.rows)
    }

    /// Every table read, in the order read.
    pub fn tables(&self) -> &[RawTable] {
        &self.tables
    }

    /// The number of distinct children in the return's tables.
    pub fn children(&self) -> usize {
        let mut ids: Vec<&str> = self
            .tables
            .iter()
            .flat_map(|t| t.rows.iter().map(RawRow::child))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_are_told_apart_whatever_their_length() {
        let names = [
            "",
            "L",
            "LS",
            "CIN",
            "DECOM",
            "PLACE",
            "PLACF",
            "XLACE",
            "PL_POST",
            "PL_POSU",
            "HOME_POST",
            "HOME_POSU",
            "IOME_POST",
            "REASON_PLACE_CHANGE",
            "REASON_PLACE_CHANGF",
            "SEASON_PLACE_CHANGE",
            "PLACE_PROVIDER",
            "PLACE_PROVIDES",
        ];
        for a in names {
            for b in names {
                assert_eq!(same_name(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
        for table in Table::RAW {
            for (i, c) in all_columns(table).enumerate() {
                assert_eq!(column_index(table, c), Some(i));
            }
            assert_eq!(column_index(table, "NOT_A_COLUMN"), None);
        }
    }

    #[test]
    fn values_are_kept_as_written_with_rows_and_lines() {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,M,01/02/2010,WBRI,UN1,,\n\n2, X ,31/02/2010,,,1,\n";
        let episodes = "DECOM,CHILD,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,NOTE\n01/04/2025,1,S,C2,N1,U1,PR1,,,,,,,x\n";
        let ret = RawReturn::from_texts([
            (Path::new("h.csv"), header),
            (Path::new("e.csv"), episodes),
            (Path::new("n.csv"), "a,b\n1,2\n"),
        ])
        .unwrap();
        let h = ret.rows(Table::Header);
        assert_eq!(h.len(), 2);
        assert_eq!((h[1].row, h[1].line), (1, 4));
        assert_eq!(h[1].get(Table::Header, "SEX"), "X");
        assert_eq!(h[1].get(Table::Header, "DOB"), "31/02/2010");
        assert_eq!(h[1].get(Table::Header, "ETHNIC"), "");
        assert_eq!(h[1].get(Table::Header, "NOPE"), "");
        let e = ret.rows(Table::Episodes);
        assert_eq!(e[0].child(), "1");
        assert_eq!(e[0].get(Table::Episodes, "DECOM"), "01/04/2025");
        assert_eq!(e[0].get(Table::Episodes, "RNE"), "S");
        assert_eq!(ret.skipped.len(), 1);
        assert_eq!(ret.children(), 2);
        assert!(ret.rows(Table::Missing).is_empty());
    }

    #[test]
    fn optional_episode_columns_are_read_when_written() {
        let with = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_LA,PL_LOCATION,PL_DISTANCE\n1,01/04/2025,S,C2,N1,U1,PR1,,,,,,,E09000027,IN, 2.5\n";
        let ret = RawReturn::from_texts([(Path::new("e.csv"), with)]).unwrap();
        let e = &ret.rows(Table::Episodes)[0];
        assert_eq!(e.get(Table::Episodes, "PL_LA"), "E09000027");
        assert_eq!(e.get(Table::Episodes, "PL_LOCATION"), "IN");
        assert_eq!(e.get(Table::Episodes, "PL_DISTANCE"), "2.5");
        assert_eq!(e.get(Table::Episodes, "URN"), "");
        let without = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n1,01/04/2025,S,C2,N1,U1,PR1,,,,,,SC1\n";
        let ret = RawReturn::from_texts([(Path::new("e.csv"), without)]).unwrap();
        let e = &ret.rows(Table::Episodes)[0];
        assert_eq!(e.get(Table::Episodes, "PL_LA"), "");
        assert_eq!(e.get(Table::Episodes, "URN"), "SC1");
        let t = ret.table(Table::Episodes).unwrap();
        assert!(t.has_column("URN") && !t.has_column("PL_LA"));
        let mut ret = ret;
        ret.fill_optional(Table::Episodes, "PL_LA", |r| format!("{}-la", r.child()));
        ret.fill_optional(Table::Episodes, "URN", |_| "no".to_owned());
        let e = &ret.rows(Table::Episodes)[0];
        assert_eq!(e.get(Table::Episodes, "PL_LA"), "1-la");
        assert_eq!(e.get(Table::Episodes, "URN"), "SC1");
        assert!(ret.table(Table::Episodes).unwrap().has_column("PL_LA"));
        let ret = RawReturn::from_texts([(Path::new("e.csv"), with)]).unwrap();
        assert_eq!(
            ret.table(Table::Episodes).unwrap().optional,
            ["PL_LA", "PL_LOCATION", "PL_DISTANCE"]
        );
    }

    #[test]
    fn the_dolo_table_is_read() {
        let dolo = "CHILD,DOB,DOLO_START,DOLO_END\nC1,01/01/2010,01/05/2026,\nC1,01/01/2010,x,02/06/2026\n";
        let ret = RawReturn::from_texts([(Path::new("d.csv"), dolo)]).unwrap();
        let rows = ret.rows(Table::DoLo);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].get(Table::DoLo, "DOLO_START"), "x");
        assert_eq!(rows[1].get(Table::DoLo, "DOLO_END"), "02/06/2026");
        assert_eq!(rows[0].get(Table::DoLo, "DOLO_END"), "");
        assert!(ret.skipped.is_empty());
        assert_eq!(
            identify(&["CHILD", "DOB", "DOLO_START", "DOLO_END"]),
            Some(Table::DoLo)
        );
    }

    const HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,M,01/02/2010,WBRI,UN1,,\nB,F,01/02/2009,WBRI,UN1,,\nC,F,01/02/2008,WBRI,UN1,,\n";
    const UASC: &str = "CHILD,SEX,DOB,DUC\nB,F,01/02/2009,\nZ,F,01/02/2009,01/02/2027\n";

    fn statuses(ret: &RawReturn) -> Vec<(String, String)> {
        ret.rows(Table::Header)
            .iter()
            .map(|r| {
                (
                    r.child().to_owned(),
                    r.get(Table::Header, "UASC").to_owned(),
                )
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn uasc_status_is_derived_from_the_uasc_table_whatever_the_order_of_the_files() {
        for files in [
            [(Path::new("h.csv"), HEADER), (Path::new("u.csv"), UASC)],
            [(Path::new("u.csv"), UASC), (Path::new("h.csv"), HEADER)],
        ] {
            let ret = RawReturn::from_texts(files).unwrap();
            assert_eq!(statuses(&ret), pairs(&[("A", "0"), ("B", "1"), ("C", "0")]));
            assert!(ret.table(Table::Header).unwrap().has_column("UASC"));
        }
    }

    #[test]
    fn uasc_status_is_derived_when_a_folder_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a_uasc.csv"), UASC).unwrap();
        std::fs::write(dir.path().join("b_header.csv"), HEADER).unwrap();
        let ret = RawReturn::read(&[dir.path().to_owned()]).unwrap();
        assert_eq!(statuses(&ret), pairs(&[("A", "0"), ("B", "1"), ("C", "0")]));
    }

    #[test]
    fn the_header_files_own_uasc_column_is_kept_as_written() {
        let header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC\nA,M,01/02/2010,WBRI,UN1,,,1\nB,F,01/02/2009,WBRI,UN1,,,\nC,F,01/02/2008,WBRI,UN1,,, x \n";
        let ret = RawReturn::from_texts([(Path::new("u.csv"), UASC), (Path::new("h.csv"), header)])
            .unwrap();
        assert_eq!(
            statuses(&ret),
            pairs(&[("A", "1"), ("B", ""), ("C", "x")]),
            "not derived: B has a UASC row but its status is blank as written"
        );
        assert!(ret.table(Table::Header).unwrap().has_column("UASC"));
    }

    #[test]
    fn without_a_uasc_table_or_column_there_is_no_status() {
        let ret = RawReturn::from_texts([(Path::new("h.csv"), HEADER)]).unwrap();
        assert_eq!(statuses(&ret), pairs(&[("A", ""), ("B", ""), ("C", "")]));
        let header = ret.table(Table::Header).unwrap();
        assert!(!header.has_column("UASC"));
        assert!(header.has_column("DOB"));
        assert_eq!(optional_columns(Table::Header), ["UASC"]);
    }

    #[test]
    fn uasc_status_from_xml_is_the_headers_uasc_as_written() {
        let xml = "<EXPSSDA903>\n<CHILD><HEADER><CHILDID>A</CHILDID><UASC>0</UASC></HEADER></CHILD>\n<CHILD><HEADER><CHILDID>B</CHILDID><UASC>1</UASC><DUC>01/02/2027</DUC></HEADER></CHILD>\n<CHILD><HEADER><CHILDID>C</CHILDID><UASC/></HEADER></CHILD>\n<CHILD><HEADER><CHILDID>D</CHILDID><UASC>Y</UASC></HEADER></CHILD>\n<CHILD><HEADER><CHILDID>E</CHILDID></HEADER></CHILD>\n</EXPSSDA903>\n";
        for ret in [
            RawReturn::from_xml(Path::new("r.xml"), xml.as_bytes()).unwrap(),
            {
                let dir = tempfile::tempdir().unwrap();
                std::fs::write(dir.path().join("r.xml"), xml).unwrap();
                RawReturn::read(&[dir.path().to_owned()]).unwrap()
            },
        ] {
            assert_eq!(
                statuses(&ret),
                pairs(&[("A", "0"), ("B", "1"), ("C", ""), ("D", "Y"), ("E", "")])
            );
            assert!(ret.table(Table::Header).unwrap().has_column("UASC"));
        }
    }

    #[test]
    fn a_second_file_of_one_table_is_an_error() {
        let t = "CHILD,DOB,MISSING,MIS_START,MIS_END\n1,01/01/2010,M,01/05/2025,\n";
        let e =
            RawReturn::from_texts([(Path::new("a.csv"), t), (Path::new("b.csv"), t)]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.csv: line 1: a second Missing table (the first is a.csv); give one file per table"
        );
    }
}
