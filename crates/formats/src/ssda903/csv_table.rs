//! The CSV machinery the SSDA903 and extract readers share: reading a file into memory, finding
//! the table a header row belongs to, walking its rows with their DfE row number and physical
//! line, and turning values into model types with a [`Problem`] for each bad one.
//!
//! It lives here rather than beside `lib.rs` only because this module's owners could not edit
//! `lib.rs`; nothing in it is specific to the SSDA903.

use crate::{FormatError, Location, Problem, ProblemKind};
use model::Date;
use model::codes::CodeSet;
use std::path::{Path, PathBuf};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A CSV file read into memory, without its UTF-8 byte order mark.
pub(crate) struct CsvFile {
    pub path: PathBuf,
    data: Vec<u8>,
}

impl CsvFile {
    pub fn open(path: &Path) -> Result<Self, FormatError> {
        let data = std::fs::read(path).map_err(|source| FormatError::Io {
            file: path.to_owned(),
            source,
        })?;
        Self::from_bytes(path, data)
    }

    /// A file's bytes, already read; `path` names it in errors.
    pub fn from_bytes(path: &Path, mut data: Vec<u8>) -> Result<Self, FormatError> {
        crate::text::check_text(path, &data)?;
        if data.starts_with(UTF8_BOM) {
            data.drain(..UTF8_BOM.len());
        }
        Ok(Self {
            path: path.to_owned(),
            data,
        })
    }

    /// The records of the file; the first one read is the header row.
    pub fn records(&self) -> Records<'_> {
        Records {
            path: &self.path,
            data: &self.data,
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(&self.data[..]),
            record: csv::StringRecord::new(),
            lines: LineCounter::default(),
            next_row: 0,
            line: 0,
            header_read: false,
        }
    }
}

/// Walks the records of a [`CsvFile`], keeping each one's 0-based data row (header excluded, as
/// the DfE validators count) and the 1-based physical line it starts on.
pub(crate) struct Records<'a> {
    path: &'a Path,
    data: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
    lines: LineCounter,
    next_row: u64,
    line: u64,
    header_read: bool,
}

impl Records<'_> {
    /// The header row, trimmed, or `None` when the file holds no record at all. Must be called
    /// before [`Records::next_row`].
    pub fn header(&mut self) -> Result<Option<Vec<String>>, FormatError> {
        debug_assert!(!self.header_read);
        self.header_read = true;
        if !self.advance()? {
            return Ok(None);
        }
        Ok(Some(
            self.record.iter().map(|h| h.trim().to_owned()).collect(),
        ))
    }

    /// The next data row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, FormatError> {
        if !self.header_read {
            self.header()?;
        }
        if !self.advance()? {
            return Ok(None);
        }
        let row = self.next_row;
        self.next_row += 1;
        Ok(Some(Row {
            record: &self.record,
            row,
            line: self.line,
        }))
    }

    pub fn path(&self) -> &Path {
        self.path
    }

    /// The 1-based physical line on which the record last read starts.
    pub fn line(&self) -> u64 {
        self.line
    }

    fn advance(&mut self) -> Result<bool, FormatError> {
        let mut bytes = std::mem::take(&mut self.record).into_byte_record();
        let more = self
            .reader
            .read_byte_record(&mut bytes)
            .map_err(|e| FormatError::Csv {
                file: self.path.to_owned(),
                line: self.lines.line,
                message: format!("cannot read the CSV: {e}"),
            })?;
        // csv reports the position where it began reading, which may be the end of the previous
        // line (it stops at the `\r` of a `\r\n`) or a blank line it skipped; the record itself
        // starts at the first byte that is not a line break.
        let start = bytes.position().map_or(0, |p| p.byte() as usize);
        self.line = self.lines.line_at(self.data, start);
        match csv::StringRecord::from_byte_record(bytes) {
            Ok(record) => {
                self.record = record;
                Ok(more)
            }
            Err(e) => Err(FormatError::Csv {
                file: self.path.to_owned(),
                line: self.line,
                message: format!(
                    "the text in column {} is not UTF-8; save the file as UTF-8 (\"CSV UTF-8\" \
                     in Excel) and load it again",
                    e.utf8_error().field() + 1
                ),
            }),
        }
    }
}

/// A data row of a CSV file.
pub(crate) struct Row<'r> {
    pub record: &'r csv::StringRecord,
    /// 0-based, header excluded, as the DfE validators count.
    pub row: u64,
    /// 1-based physical line on which the row starts.
    pub line: u64,
}

/// Counts line breaks (`\n`, `\r\n` or a lone `\r`) incrementally as records are read.
#[derive(Debug)]
struct LineCounter {
    offset: usize,
    line: u64,
}

impl Default for LineCounter {
    fn default() -> Self {
        Self { offset: 0, line: 1 }
    }
}

impl LineCounter {
    /// The 1-based line of the first byte at or after `from` that is not a line break. Offsets
    /// must not go backwards between calls.
    fn line_at(&mut self, data: &[u8], from: usize) -> u64 {
        let mut start = from.max(self.offset).min(data.len());
        while start < data.len() && matches!(data[start], b'\r' | b'\n') {
            start += 1;
        }
        let mut i = self.offset;
        while i < start {
            match data[i] {
                b'\n' => self.line += 1,
                b'\r' if data.get(i + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            i += 1;
        }
        self.offset = start;
        self.line
    }
}

/// Finds which of `tables` (each a list of column names, its id column first) a header row
/// belongs to: of the tables whose id column is present, the one with the most of its own
/// columns present, less the columns present that belong only to other tables. Names compare
/// trimmed and ignoring ASCII case. `None` when no table scores above zero or two tables tie.
pub(crate) fn best_match(headers: &[&str], tables: &[&[&str]]) -> Option<usize> {
    let has = |column: &str| {
        headers
            .iter()
            .any(|h| h.trim().eq_ignore_ascii_case(column))
    };
    let known_elsewhere = |table: usize, header: &str| {
        let header = header.trim();
        let in_table = |t: &[&str]| t.iter().any(|c| c.eq_ignore_ascii_case(header));
        !in_table(tables[table])
            && tables
                .iter()
                .enumerate()
                .any(|(i, t)| i != table && in_table(t))
    };
    let mut best: Option<(usize, i64)> = None;
    let mut tie = false;
    for (i, columns) in tables.iter().enumerate() {
        if !columns.first().is_some_and(|id| has(id)) {
            continue;
        }
        let own = columns.iter().filter(|c| has(c)).count() as i64;
        let foreign = headers.iter().filter(|h| known_elsewhere(i, h)).count() as i64;
        let score = own - foreign;
        match best {
            Some((_, b)) if score < b => {}
            Some((_, b)) if score == b => tie = true,
            _ => {
                best = Some((i, score));
                tie = false;
            }
        }
    }
    match best {
        Some((i, score)) if score > 0 && !tie => Some(i),
        _ => None,
    }
}

/// The columns of `columns` that `headers` lacks.
pub(crate) fn missing_columns(headers: &[&str], columns: &[&'static str]) -> Vec<&'static str> {
    columns
        .iter()
        .filter(|c| !headers.iter().any(|h| h.trim().eq_ignore_ascii_case(c)))
        .copied()
        .collect()
}

/// Where each of `columns` is in a header row that has them all (the first, if repeated).
pub(crate) fn column_positions(headers: &[String], columns: &[&str]) -> Vec<usize> {
    columns
        .iter()
        .map(|c| {
            headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(c))
                .unwrap_or(usize::MAX)
        })
        .collect()
}

/// The values of one row in the table's column order, trimmed; a short row reads as blank.
pub(crate) fn values<'r, const N: usize>(
    record: &'r csv::StringRecord,
    positions: &[usize],
) -> [&'r str; N] {
    std::array::from_fn(|k| {
        positions
            .get(k)
            .and_then(|&p| record.get(p))
            .map_or("", str::trim)
    })
}

/// Whether a row holds nothing but blanks (spreadsheets often leave such rows at the end).
pub(crate) fn is_blank(record: &csv::StringRecord) -> bool {
    record.iter().all(|v| v.trim().is_empty())
}

/// How dates are written in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateStyle {
    /// `DD/MM/YYYY`, as the DfE returns write them (a one-digit day or month is accepted).
    DayMonthYear,
    /// `YYYY-MM-DD`.
    Iso,
}

impl DateStyle {
    fn expected(self) -> &'static str {
        match self {
            DateStyle::DayMonthYear => "DD/MM/YYYY",
            DateStyle::Iso => "YYYY-MM-DD",
        }
    }

    pub fn parse(self, value: &str) -> Option<Date> {
        fn number(s: &str, min_len: usize, max_len: usize) -> Option<i16> {
            if s.len() < min_len || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        }
        let (y, m, d) = match self {
            DateStyle::DayMonthYear => {
                let mut parts = value.split('/');
                let d = number(parts.next()?, 1, 2)?;
                let m = number(parts.next()?, 1, 2)?;
                let y = number(parts.next()?, 4, 4)?;
                if parts.next().is_some() {
                    return None;
                }
                (y, m, d)
            }
            DateStyle::Iso => {
                let mut parts = value.split('-');
                let y = number(parts.next()?, 4, 4)?;
                let m = number(parts.next()?, 2, 2)?;
                let d = number(parts.next()?, 2, 2)?;
                if parts.next().is_some() {
                    return None;
                }
                (y, m, d)
            }
        };
        Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
    }

    pub fn format(self, date: Date) -> String {
        match self {
            DateStyle::DayMonthYear => {
                format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
            }
            DateStyle::Iso => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
        }
    }
}

/// Formats an optional date, blank when absent.
pub(crate) fn format_date(style: DateStyle, date: Option<Date>) -> String {
    date.map(|d| style.format(d)).unwrap_or_default()
}

/// Formats a 0/1 flag, blank when absent.
pub(crate) fn format_flag(flag: Option<bool>) -> &'static str {
    match flag {
        Some(true) => "1",
        Some(false) => "0",
        None => "",
    }
}

/// One row being read: where it is, whose it is, and the problems its values have.
pub(crate) struct RowContext<'a> {
    pub file: &'a Path,
    pub table: &'static str,
    pub row: u64,
    pub line: u64,
    pub child: Option<&'a str>,
    pub problems: &'a mut Vec<Problem>,
}

impl RowContext<'_> {
    pub fn location(&self) -> Location {
        Location::Csv {
            file: self.file.to_owned(),
            table: self.table.to_owned(),
            row: self.row,
            line: self.line,
        }
    }

    pub fn problem(&mut self, kind: ProblemKind, field: &str, message: String) {
        let problem = Problem {
            kind,
            location: self.location(),
            field: field.to_owned(),
            child_id: self.child.map(str::to_owned),
            message,
        };
        self.problems.push(problem);
    }

    /// A value the record cannot exist without: a blank one is a [`ProblemKind::MissingValue`]
    /// and the row is skipped (`None`).
    pub fn required<'v>(&mut self, field: &str, value: &'v str, what: &str) -> Option<&'v str> {
        if value.is_empty() {
            self.problem(
                ProblemKind::MissingValue,
                field,
                format!("{field} is blank; the row is skipped because {what}"),
            );
            None
        } else {
            Some(value)
        }
    }

    /// An optional date; a bad one is reported and read as absent.
    pub fn date(&mut self, style: DateStyle, field: &str, value: &str) -> Option<Date> {
        if value.is_empty() {
            return None;
        }
        let date = style.parse(value);
        if date.is_none() {
            let message = bad_date_message(style, value);
            self.problem(ProblemKind::BadDate, field, message);
        }
        date
    }

    /// A date the record cannot exist without: when blank or bad, the problem says the row is
    /// skipped and the result is `None`.
    pub fn key_date(
        &mut self,
        style: DateStyle,
        field: &str,
        value: &str,
        what: &str,
    ) -> Option<Date> {
        let value = self.required(field, value, what)?;
        let date = style.parse(value);
        if date.is_none() {
            let message = format!(
                "{}; the row is skipped because {what}",
                bad_date_message(style, value)
            );
            self.problem(ProblemKind::BadDate, field, message);
        }
        date
    }

    /// An optional DfE code.
    pub fn code<C: CodeSet>(&mut self, field: &str, value: &str) -> Option<C> {
        if value.is_empty() {
            return None;
        }
        let code = C::from_code(value);
        if code.is_none() {
            let codes: Vec<&str> = C::ALL.iter().map(|c| c.code()).collect();
            let message = unknown_code_message(field, value, &codes);
            self.problem(ProblemKind::UnknownCode, field, message);
        }
        code
    }

    /// An optional 0/1 flag.
    pub fn flag(&mut self, field: &str, value: &str) -> Option<bool> {
        match value {
            "" => None,
            "0" => Some(false),
            "1" => Some(true),
            _ => {
                self.problem(
                    ProblemKind::BadValue,
                    field,
                    format!("'{value}' is not a yes/no flag (expected 0 or 1)"),
                );
                None
            }
        }
    }

    /// An optional whole number from 0 to 255.
    pub fn small_number(&mut self, field: &str, value: &str) -> Option<u8> {
        if value.is_empty() {
            return None;
        }
        let number = if value.bytes().all(|b| b.is_ascii_digit()) {
            value.parse().ok()
        } else {
            None
        };
        if number.is_none() {
            self.problem(
                ProblemKind::BadValue,
                field,
                format!("'{value}' is not a whole number from 0 to 255"),
            );
        }
        number
    }
}

pub(crate) fn bad_date_message(style: DateStyle, value: &str) -> String {
    format!("'{value}' is not a date (expected {})", style.expected())
}

/// "'X' is not a valid F code", listing the codes when there are few enough to read.
pub(crate) fn unknown_code_message(field: &str, value: &str, codes: &[&str]) -> String {
    if codes.len() <= 12 {
        format!(
            "'{value}' is not a valid {field} code (expected {})",
            list(codes)
        )
    } else {
        format!("'{value}' is not a valid {field} code (see the DfE code set)")
    }
}

/// `A, B or C`.
pub(crate) fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The longest value any column of the SSDA903 return or the extract holds, with room to spare;
/// a longer one is a damaged row or a file that is not what it seems.
pub(crate) const MAX_VALUE_CHARS: usize = 255;

/// Checks that a row has as many values as the header row has columns. A row with fewer is
/// reported (a value or a comma is missing, or a quote left open swallowed the lines after it);
/// so is a row with more, unless the extra values are all blank (trailing commas), and the extra
/// values are ignored. Returns whether the row must be skipped: when a quote left open swallowed
/// the lines after it, its values are not what they seem, and quoting them in problems would
/// repeat other rows.
pub(crate) fn check_row_length(
    ctx: &mut RowContext<'_>,
    record: &csv::StringRecord,
    header_len: usize,
) -> bool {
    if record.len() < header_len {
        let mut message = format!(
            "the row has {} value(s) but the header row has {header_len} columns: a value or a \
             comma is missing",
            record.len()
        );
        if let Some(k) = record.iter().position(|v| v.contains(['\n', '\r'])) {
            message.push_str(&format!(
                ", or the quote (\") that opens column {} is never closed, so the lines after it \
                 were read as one value; the row is skipped",
                k + 1
            ));
            ctx.problem(ProblemKind::Unexpected, "", message);
            return true;
        }
        ctx.problem(ProblemKind::Unexpected, "", message);
    } else if record.len() > header_len
        && record.iter().skip(header_len).any(|v| !v.trim().is_empty())
    {
        let message = format!(
            "the row has {} values but the header row has {header_len} columns; the values \
             after the last column are ignored",
            record.len()
        );
        ctx.problem(ProblemKind::Unexpected, "", message);
    }
    false
}

/// Reports each value longer than [`MAX_VALUE_CHARS`] (without quoting it) and says whether the
/// row had any; such a row is skipped.
pub(crate) fn has_overlong_value(
    ctx: &mut RowContext<'_>,
    record: &csv::StringRecord,
    header: &[String],
) -> bool {
    let mut found = false;
    for (k, value) in record.iter().enumerate() {
        if value.len() > MAX_VALUE_CHARS && value.chars().count() > MAX_VALUE_CHARS {
            found = true;
            let column = header.get(k).map_or("", String::as_str);
            let message = format!(
                "the value in column {} is {} characters long, longer than any field of the \
                 return ({MAX_VALUE_CHARS} at most); the row is skipped",
                k + 1,
                value.chars().count()
            );
            ctx.problem(ProblemKind::BadValue, column, message);
        }
    }
    found
}

/// The first of `columns` that a header row has twice: its name and both 1-based positions.
pub(crate) fn duplicate_column(
    headers: &[String],
    columns: &[&'static str],
) -> Option<(&'static str, usize, usize)> {
    columns.iter().find_map(|c| {
        let mut at = headers
            .iter()
            .enumerate()
            .filter(|(_, h)| h.eq_ignore_ascii_case(c))
            .map(|(i, _)| i + 1);
        match (at.next(), at.next()) {
            (Some(first), Some(second)) => Some((*c, first, second)),
            _ => None,
        }
    })
}

/// The error for a header row that names one of the table's columns twice.
pub(crate) fn duplicate_column_error(
    file: &Path,
    line: u64,
    table: &str,
    (column, first, second): (&str, usize, usize),
) -> FormatError {
    FormatError::Csv {
        file: file.to_owned(),
        line,
        message: format!(
            "the header row has the {table} column {column} twice (columns {first} and \
             {second}); remove one so that it is clear which to read"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(data: &[u8]) -> Vec<(Vec<String>, u64, u64)> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, data).unwrap();
        let file = CsvFile::open(&path).unwrap();
        let mut records = file.records();
        let mut out = Vec::new();
        let header = records.header().unwrap().unwrap();
        out.push((header, 0, records.line()));
        while let Some(r) = records.next_row().unwrap() {
            let values = r.record.iter().map(str::to_owned).collect();
            out.push((values, r.row, r.line));
        }
        out
    }

    #[test]
    fn lines_count_crlf_blank_lines_quoted_newlines_and_bom() {
        let got = lines_of(b"\xEF\xBB\xBFa,b\r\nx,y\r\n\r\n\r\np,\"q\r\nr\"\r\nz,w\r\n");
        let rows: Vec<(u64, u64)> = got.iter().map(|(_, row, line)| (*row, *line)).collect();
        assert_eq!(rows, [(0, 1), (0, 2), (1, 5), (2, 7)]);
        assert_eq!(
            got[0].0,
            ["a", "b"],
            "the BOM is not part of the first column name"
        );

        let got = lines_of(b"\n\na,b\n1,2\r3,4");
        let rows: Vec<(u64, u64)> = got.iter().map(|(_, row, line)| (*row, *line)).collect();
        assert_eq!(rows, [(0, 3), (0, 4), (1, 5)]);
    }

    #[test]
    fn dates_read_strictly() {
        let dmy = DateStyle::DayMonthYear;
        assert_eq!(dmy.parse("29/02/2024"), Some(jiff_date(2024, 2, 29)));
        assert_eq!(dmy.parse("1/2/2024"), Some(jiff_date(2024, 2, 1)));
        for bad in [
            "31/02/2025",
            "2024-02-01",
            "01/02/24",
            "01/02/2024 00:00",
            "+1/02/2024",
            "//",
        ] {
            assert_eq!(dmy.parse(bad), None, "{bad}");
        }
        assert_eq!(
            DateStyle::Iso.parse("2024-02-29"),
            Some(jiff_date(2024, 2, 29))
        );
        assert_eq!(DateStyle::Iso.parse("2024-2-29"), None);
        assert_eq!(dmy.format(jiff_date(2025, 3, 1)), "01/03/2025");
        assert_eq!(DateStyle::Iso.format(jiff_date(2025, 3, 1)), "2025-03-01");
    }

    fn jiff_date(y: i16, m: i8, d: i8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn tables_are_matched_by_their_own_columns() {
        let tables: &[&[&str]] = &[
            &["CHILD", "SEX", "DOB", "UPN"],
            &["CHILD", "SEX", "DOB", "DUC"],
        ];
        assert_eq!(best_match(&["CHILD", "SEX", "DOB", "UPN"], tables), Some(0));
        assert_eq!(best_match(&["child", " duc "], tables), Some(1));
        assert_eq!(best_match(&["CHILD", "SEX", "DOB"], tables), None, "a tie");
        assert_eq!(best_match(&["X"], tables), None);
        assert_eq!(
            best_match(&["UPN", "SEX", "DOB"], tables),
            None,
            "no id column"
        );
        assert_eq!(best_match(&[], tables), None);
    }

    #[test]
    fn code_lists_read_as_a_sentence() {
        assert_eq!(list(&["M", "F", "U"]), "M, F or U");
        assert_eq!(list(&["M"]), "M");
    }
}
