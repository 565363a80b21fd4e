//! Reading the pack's CSV files: columns found by name in any order, every problem located.

use crate::PackError;
use jiff::civil::Date;
use std::collections::HashMap;
use std::str::FromStr;

/// A CSV file read whole, its header checked against the columns a layout expects.
pub(crate) struct Table {
    file: String,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Reads `text` (the contents of `file`): `required` columns must all be there, `optional`
    /// ones may be; any other column is refused, so a misspelt column is not silently ignored.
    pub(crate) fn read(
        file: &str,
        text: &str,
        required: &[&str],
        optional: &[&str],
    ) -> Result<Table, PackError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
        let mut columns = HashMap::new();
        for (i, name) in header.iter().enumerate() {
            let known = required.contains(&name) || optional.contains(&name);
            if !known {
                return Err(PackError::at(
                    file,
                    1,
                    i + 1,
                    name,
                    format!(
                        "unknown column; the layout has {}",
                        required
                            .iter()
                            .chain(optional)
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            if columns.insert(name.to_string(), i).is_some() {
                return Err(PackError::at(file, 1, i + 1, name, "column given twice"));
            }
        }
        if let Some(missing) = required.iter().find(|c| !columns.contains_key(**c)) {
            return Err(PackError::at(
                file,
                1,
                1,
                missing,
                "required column missing from the header row",
            ));
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            if record.iter().all(str::is_empty) {
                continue;
            }
            let line = record.position().map_or(0, csv::Position::line);
            rows.push((line, record));
        }
        Ok(Table {
            file: file.to_string(),
            columns,
            rows,
        })
    }

    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, record)| Row {
            table: self,
            line: *line,
            record,
        })
    }
}

fn csv_error(file: &str, e: &csv::Error) -> PackError {
    let line = e.position().map_or(0, csv::Position::line);
    let rule = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("the row has {len} fields where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    PackError::Row {
        file: file.to_string(),
        line,
        rule,
    }
}

/// One data row, for reading its fields by column name.
pub(crate) struct Row<'a> {
    table: &'a Table,
    pub(crate) line: u64,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    fn index(&self, column: &str) -> Option<usize> {
        self.table.columns.get(column).copied()
    }

    /// The field, or `None` when the column is absent or the cell empty.
    pub(crate) fn text(&self, column: &str) -> Option<&str> {
        let i = self.index(column)?;
        self.record.get(i).filter(|v| !v.is_empty())
    }

    /// The field, which must be filled.
    pub(crate) fn required(&self, column: &str) -> Result<&str, PackError> {
        self.text(column)
            .ok_or_else(|| self.error(column, "must not be empty"))
    }

    /// An error at this row's `column`.
    pub(crate) fn error(&self, column: &str, rule: impl Into<String>) -> PackError {
        PackError::at(
            &self.table.file,
            self.line,
            self.index(column).map_or(0, |i| i + 1),
            column,
            rule,
        )
    }

    /// The field parsed with `FromStr`, naming what was expected when it fails.
    pub(crate) fn parse<T: FromStr>(
        &self,
        column: &str,
        expected: &str,
    ) -> Result<Option<T>, PackError> {
        match self.text(column) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| self.error(column, format!("`{v}` is not {expected}"))),
        }
    }

    /// A date written `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub(crate) fn date(&self, column: &str) -> Result<Option<Date>, PackError> {
        match self.text(column) {
            None => Ok(None),
            Some(v) => parse_date(v).map(Some).ok_or_else(|| {
                self.error(
                    column,
                    format!("`{v}` is not a date (write 2025-10-31 or 31/10/2025)"),
                )
            }),
        }
    }

    /// Whole pounds: `1250000`, `1,250,000`, `£1,250,000`; pence are refused, not rounded.
    pub(crate) fn pounds(&self, column: &str) -> Result<Option<i64>, PackError> {
        match self.text(column) {
            None => Ok(None),
            Some(v) => {
                let digits: String = v
                    .trim_start_matches('£')
                    .chars()
                    .filter(|c| *c != ',')
                    .collect();
                digits.parse::<i64>().map(Some).map_err(|_| {
                    self.error(column, format!("`{v}` is not a whole number of pounds"))
                })
            }
        }
    }
}

/// Reads `YYYY-MM-DD` or `DD/MM/YYYY`, refusing days that do not exist (31/02/2025).
pub(crate) fn parse_date(v: &str) -> Option<Date> {
    if let Some((d, rest)) = v.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        if y.len() != 4 {
            return None;
        }
        return Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok();
    }
    if v.len() != 10 {
        return None;
    }
    v.parse().ok()
}
