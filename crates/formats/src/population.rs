//! The population table: children aged 0 to 17 living in an area at 30 June of each year, with
//! the release the figures come from (the denominator of rates per 10,000 children).
//!
//! # Layout
//!
//! `population.csv`: a CSV with the header row `area,year,children_0_17,vintage` (recognised by
//! that row; column names compare ignoring case and surrounding spaces), then one row per area
//! and year ([`model::PopulationEstimate`]).
//!
//! | column | meaning |
//! |---|---|
//! | `area` | the area, e.g. the local authority's ONS code (required) |
//! | `year` | the year of the mid-year (30 June) estimate, e.g. `2025` (required) |
//! | `children_0_17` | children aged 0 to 17 (required; a whole number) |
//! | `vintage` | the release, e.g. `ONS mid-2024 population estimates (published July 2025)` (required) |
//!
//! A bad value is a [`Problem`](crate::Problem) located by file, table `population`, 0-based data row and
//! 1-based line, and the row is skipped; a second row for the same area and year is a problem.

use crate::ssda903::csv_table::{self, CsvFile, RowContext, check_row_length, is_blank, values};
use crate::{FormatError, ProblemKind, Read};
use model::PopulationEstimate;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

/// The columns, in file order.
pub const COLUMNS: [&str; 4] = ["area", "year", "children_0_17", "vintage"];

/// Whether a header row is that of a population table: it has every column.
pub fn identify(headers: &[&str]) -> bool {
    csv_table::missing_columns(headers, &COLUMNS).is_empty()
}

/// Reads a population table.
pub fn read_file(path: &Path) -> Result<Read<Vec<PopulationEstimate>>, FormatError> {
    let csv = CsvFile::open(path)?;
    let mut records = csv.records();
    let Some(header) = records.header()? else {
        return Err(FormatError::Unrecognised {
            file: path.to_owned(),
            message: "the file is empty (a population table starts with a header row)".into(),
        });
    };
    let names: Vec<&str> = header.iter().map(String::as_str).collect();
    let missing = csv_table::missing_columns(&names, &COLUMNS);
    if !missing.is_empty() {
        return Err(FormatError::MissingColumns {
            file: path.to_owned(),
            table: "population".to_owned(),
            line: records.line(),
            columns: missing.into_iter().map(str::to_owned).collect(),
        });
    }
    let positions = csv_table::column_positions(&header, &COLUMNS);
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut seen: HashMap<(String, i16), (u64, u64)> = HashMap::new();
    while let Some(row) = records.next_row()? {
        if is_blank(row.record) {
            continue;
        }
        let mut ctx = RowContext {
            file: path,
            table: "population",
            row: row.row,
            line: row.line,
            child: None,
            problems: &mut problems,
        };
        if check_row_length(&mut ctx, row.record, header.len())
            || csv_table::has_overlong_value(&mut ctx, row.record, &header)
        {
            continue;
        }
        let [area, year, children, vintage] = values::<4>(row.record, &positions);
        let what = "an estimate needs its area, year, count and vintage";
        let area = ctx.required("area", area, what);
        let vintage = ctx.required("vintage", vintage, what);
        let year = ctx.required("year", year, what).and_then(|y| {
            let parsed = y.parse::<i16>().ok().filter(|y| (1900..=2200).contains(y));
            if parsed.is_none() {
                ctx.problem(
                    ProblemKind::BadValue,
                    "year",
                    format!("'{y}' is not a year (expected e.g. 2025); the row is skipped"),
                );
            }
            parsed
        });
        let children = ctx.required("children_0_17", children, what).and_then(|n| {
            let parsed = n
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| n.parse::<u64>().ok())
                .flatten();
            if parsed.is_none() {
                ctx.problem(
                    ProblemKind::BadValue,
                    "children_0_17",
                    format!("'{n}' is not a whole number of children; the row is skipped"),
                );
            }
            parsed
        });
        let (Some(area), Some(year), Some(children_0_17), Some(vintage)) =
            (area, year, children, vintage)
        else {
            continue;
        };
        if let Some((r, l)) = seen.insert((area.to_owned(), year), (row.row, row.line)) {
            ctx.problem(
                ProblemKind::Unexpected,
                "year",
                format!(
                    "{area} {year} is already listed (row {r}, line {l}); one estimate per area \
                     and year"
                ),
            );
            continue;
        }
        rows.push(PopulationEstimate {
            area: area.to_owned(),
            year,
            children_0_17,
            vintage: vintage.to_owned(),
        });
    }
    rows.sort_by(|a, b| (&a.area, a.year).cmp(&(&b.area, b.year)));
    Ok(Read {
        data: rows,
        problems,
    })
}

/// Writes a population table to `path`.
pub fn write_file(path: &Path, rows: &[PopulationEstimate]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = csv::Writer::from_writer(io::BufWriter::new(std::fs::File::create(path)?));
    out.write_record(COLUMNS)?;
    for p in rows {
        let (year, n) = (p.year.to_string(), p.children_0_17.to_string());
        out.write_record([p.area.as_str(), &year, &n, &p.vintage])?;
    }
    out.into_inner().map_err(|e| e.into_error())?.flush()
}

/// Problems are located; a reader of no rows is fine.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("population.csv");
        let rows = vec![PopulationEstimate {
            area: "E09000027".into(),
            year: 2025,
            children_0_17: 41_203,
            vintage: "Synthetic, not ONS".into(),
        }];
        write_file(&path, &rows).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "area,year,children_0_17,vintage\nE09000027,2025,41203,\"Synthetic, not ONS\"\n"
        );
        let read = read_file(&path).unwrap();
        assert_eq!((read.data, read.problems), (rows, vec![]));

        std::fs::write(
            &path,
            "area,year,children_0_17,vintage\nE1,20x5,10,v\nE1,2025,-3,v\nE1,2025,7,v\nE1,2025,8,v\n",
        )
        .unwrap();
        let read = read_file(&path).unwrap();
        let got: Vec<String> = read
            .problems
            .iter()
            .map(|p| format!("{} {}", p.field, p.message))
            .collect();
        assert_eq!(
            got,
            [
                "year '20x5' is not a year (expected e.g. 2025); the row is skipped",
                "children_0_17 '-3' is not a whole number of children; the row is skipped",
                "year E1 2025 is already listed (row 2, line 4); one estimate per area and year",
            ]
        );
        assert_eq!(read.data.len(), 1);
        assert_eq!(read.data[0].children_0_17, 7);
    }
}
