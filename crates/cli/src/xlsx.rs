//! `--format xlsx`: Excel workbooks for `harbour indicators` and `harbour validate`.
//!
//! Each workbook holds what the command's CSV holds, cell for cell (numbers as numbers, dates as
//! dates, empty cells where the CSV is empty), on a first sheet with a bold, frozen and filtered
//! header row, and a second sheet that explains it: the indicators' definitions, or the rules
//! with their counts of findings. A workbook is binary, so it is written only to a file.

use crate::Failure;
use crate::validate::Row;
use anyhow::{Context as _, anyhow};
use disclosure::{Audience, Policy, Published, PublishedValue};
use metrics::{Series, Unit};
use rules::Severity;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::path::Path;

/// The largest number of rows a worksheet holds, header included.
const MAX_ROWS: usize = 1_048_576;
/// The longest text a cell holds, in characters.
const MAX_TEXT: usize = 32_767;

/// The file a workbook goes to: `--out` is required, since a workbook is binary.
pub(crate) fn out_path(out: Option<&Path>) -> Result<&Path, Failure> {
    out.ok_or_else(|| Failure {
        code: 2,
        error: anyhow!(
            "--format xlsx writes a binary workbook, which is not shown on a terminal: give --out FILE.xlsx"
        ),
    })
}

/// Writes the workbook to `path`.
pub(crate) fn save(workbook: &mut Workbook, path: &Path) -> anyhow::Result<()> {
    let bytes = workbook
        .save_to_buffer()
        .context("cannot make the workbook")?;
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// One cell's content.
enum Cell {
    Empty,
    Text(String),
    Number(f64, &'static str),
    Date(model::Date),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        let s: String = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    fn count(n: Option<u64>) -> Cell {
        // Counts of children and days are far below 2^53: exact as f64.
        n.map_or(Cell::Empty, |n| Cell::Number(n as f64, "0"))
    }

    /// A figure as its text is printed: a number when it reads as one (so the cell equals the CSV,
    /// rounding included), else the text itself (`c`, `k`, `z`, `x`).
    fn figure(shown: &str, decimals: usize) -> Cell {
        match shown.parse::<f64>() {
            Ok(v) if v.is_finite() => Cell::Number(v, if decimals == 0 { "0" } else { "0.0" }),
            _ => Cell::text(shown),
        }
    }
}

/// A sheet of rows under a header, with the header bold, frozen and filtered.
struct Table<'a> {
    name: &'a str,
    header: &'a [&'a str],
    /// Column widths, in characters.
    widths: &'a [f64],
    rows: Vec<Vec<Cell>>,
}

impl Table<'_> {
    fn write(&self, workbook: &mut Workbook) -> anyhow::Result<()> {
        if self.rows.len() >= MAX_ROWS {
            return Err(anyhow!(
                "{} rows do not fit on the worksheet {:?} (at most {}): use --format csv",
                self.rows.len(),
                self.name,
                MAX_ROWS - 1
            ));
        }
        self.write_sheet(workbook.add_worksheet())
            .with_context(|| format!("cannot write the worksheet {:?}", self.name))
    }

    fn write_sheet(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let bold = Format::new().set_bold();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        let whole = Format::new().set_num_format("0");
        let tenths = Format::new().set_num_format("0.0");
        sheet.set_name(self.name)?;
        for (c, (title, width)) in self.header.iter().zip(self.widths).enumerate() {
            let c = c as u16;
            sheet.write_string_with_format(0, c, *title, &bold)?;
            sheet.set_column_width(c, *width)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) => {
                        let s = match s.char_indices().nth(MAX_TEXT) {
                            Some((end, _)) => &s[..end],
                            None => s,
                        };
                        sheet.write_string(r, c, s)?;
                    }
                    Cell::Number(v, format) => {
                        let format = if *format == "0" { &whole } else { &tenths };
                        sheet.write_number_with_format(r, c, *v, format)?;
                    }
                    Cell::Date(d) => {
                        let d = ExcelDateTime::from_ymd(
                            u16::try_from(d.year()).unwrap_or(1900),
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        sheet.write_date_with_format(r, c, &d, &date)?;
                    }
                }
            }
        }
        let last_col = self.header.len().saturating_sub(1) as u16;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, self.rows.len() as u32, last_col)?;
        Ok(())
    }
}

/// `harbour indicators --format xlsx`: the series as the CSV for the audience has them, and the
/// definitions of the indicators in it.
pub(crate) fn indicators(
    series: &[Series],
    audience: Audience,
    policy: &Policy,
) -> anyhow::Result<Workbook> {
    let mut rows = Vec::new();
    for s in series {
        let unit = s.indicator.unit;
        let decimals = match unit {
            Unit::Percent | Unit::Per10k => 1,
            Unit::Count | Unit::Days => 0,
        };
        for p in &s.points {
            let (numerator, denominator, value) = if audience.needs_control() {
                // The published figures only: a suppressed count is the text `c`, never a number.
                let f = metrics::publish::publish(p, unit, audience, policy);
                let published = |c: &Published| match c {
                    Published::Count(n) => Cell::count(Some(*n)),
                    other => Cell::text(other.to_string()),
                };
                let value = match f.value {
                    PublishedValue::NotApplicable => Cell::Empty,
                    v => Cell::figure(&format!("{v:.decimals$}"), decimals),
                };
                (
                    published(&f.numerator),
                    f.denominator.as_ref().map_or(Cell::Empty, published),
                    value,
                )
            } else {
                (
                    Cell::count(Some(p.numerator)),
                    Cell::count(p.denominator),
                    Cell::figure(&p.formatted_value(unit), decimals),
                )
            };
            rows.push(vec![
                Cell::text(s.indicator.id),
                Cell::Date(p.period_start),
                Cell::Date(p.period_end),
                numerator,
                denominator,
                value,
            ]);
        }
    }
    let figures = if audience.needs_control() {
        format!(
            "counts from 1 to {} are shown as c, with secondary suppression; no breakdowns",
            policy.smallest_shown() - 1
        )
    } else {
        "exact figures, for council staff only".to_owned()
    };
    let definitions = series
        .iter()
        .map(|s| {
            let d = s.indicator;
            vec![
                Cell::text(d.id),
                Cell::text(d.title),
                Cell::text(d.quadrant.label()),
                Cell::text(match d.polarity {
                    metrics::Polarity::HighIsGood => "high is good",
                    metrics::Polarity::LowIsGood => "low is good",
                    metrics::Polarity::Contextual => "contextual",
                }),
                Cell::text(match d.unit {
                    Unit::Percent => "per cent of the denominator",
                    Unit::Count => "a count",
                    Unit::Per10k => "per 10,000 children aged 0 to 17",
                    Unit::Days => "mean days",
                }),
                Cell::text(d.definition),
                Cell::text(d.numerator),
                Cell::text(d.denominator),
                Cell::text(d.source),
                Cell::text(s.settings.clone()),
                Cell::text(figures.clone()),
            ]
        })
        .collect();
    let mut workbook = Workbook::new();
    Table {
        name: "indicators",
        header: &[
            "indicator_id",
            "period_start",
            "period_end",
            "numerator",
            "denominator",
            "value",
        ],
        widths: &[34.0, 12.0, 12.0, 11.0, 12.0, 9.0],
        rows,
    }
    .write(&mut workbook)?;
    Table {
        name: "definitions",
        header: &[
            "indicator_id",
            "title",
            "quadrant",
            "polarity",
            "unit",
            "definition",
            "numerator",
            "denominator",
            "source",
            "settings",
            "figures",
        ],
        widths: &[
            34.0, 40.0, 22.0, 12.0, 20.0, 60.0, 40.0, 40.0, 30.0, 40.0, 40.0,
        ],
        rows: definitions,
    }
    .write(&mut workbook)?;
    Ok(workbook)
}

/// `harbour validate --format xlsx`: the findings as the CSV has them, and every rule in force
/// (code, severity, message: the rule sets of the returns and years checked) with its number of
/// findings.
pub(crate) fn findings(
    rows: &[Row],
    in_force: &[(&'static str, Severity, &'static str)],
) -> anyhow::Result<Workbook> {
    let findings = rows
        .iter()
        .map(|r| {
            let f = r.finding;
            let number = |n: Option<u64>| Cell::count(n);
            vec![
                Cell::text(f.rule_code),
                Cell::text(f.child_id.clone()),
                Cell::text(f.table),
                Cell::text(f.field),
                number(f.row.map(|n| n as u64)),
                number(f.line),
                number(f.column),
                Cell::text(r.severity.to_string()),
                Cell::text(f.value.clone()),
                Cell::text(r.message),
                Cell::text(r.file.display().to_string()),
            ]
        })
        .collect();
    // The rules in force, in rule-set order, then any code found that is not among them.
    let mut rules: Vec<(&str, Severity, &str, u64)> = Vec::new();
    let mut index: HashMap<(&str, Severity, &str), usize> = HashMap::new();
    let in_force = in_force.iter().copied();
    let found = rows
        .iter()
        .map(|r| (r.finding.rule_code, r.severity, r.message));
    for key in in_force.chain(found) {
        index.entry(key).or_insert_with(|| {
            rules.push((key.0, key.1, key.2, 0));
            rules.len() - 1
        });
    }
    for r in rows {
        if let Some(&i) = index.get(&(r.finding.rule_code, r.severity, r.message)) {
            rules[i].3 += 1;
        }
    }
    let rules = rules
        .into_iter()
        .map(|(code, severity, message, count)| {
            vec![
                Cell::text(code),
                Cell::text(severity.to_string()),
                Cell::text(message),
                Cell::count(Some(count)),
            ]
        })
        .collect();
    let mut workbook = Workbook::new();
    Table {
        name: "findings",
        header: &[
            "rule_code",
            "child_id",
            "table",
            "field",
            "row",
            "line",
            "column",
            "severity",
            "value",
            "message",
            "file",
        ],
        widths: &[10.0, 14.0, 20.0, 24.0, 6.0, 8.0, 8.0, 9.0, 16.0, 80.0, 30.0],
        rows: findings,
    }
    .write(&mut workbook)?;
    Table {
        name: "rules",
        header: &["code", "severity", "message", "findings"],
        widths: &[10.0, 9.0, 100.0, 10.0],
        rows: rules,
    }
    .write(&mut workbook)?;
    Ok(workbook)
}
