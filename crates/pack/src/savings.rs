//! Savings targets per directorate against what was delivered, quarter by quarter.
//!
//! `savings.csv`, UTF-8 with a header row, one row per directorate and quarter:
//!
//! | column | what |
//! |---|---|
//! | `directorate` | e.g. `Children and Learning` |
//! | `quarter` | `2025-26-Q1` |
//! | `target_gbp` | the saving planned in the quarter, whole pounds (`£` and `,` allowed) |
//! | `delivered_gbp` | optional: the saving delivered; empty until reported |
//!
//! For a quarter of the pack, each directorate's year to date is the sum over the year's
//! quarters up to and including it. Its RAG: green when delivery to date is at least the target
//! to date, amber from 90%, red below, and "not reported" while a quarter to date has no
//! delivered figure.

use crate::table::Table;
use crate::{PackError, Quarter};
use std::collections::HashMap;

/// One directorate's target and delivery in one quarter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SavingsLine {
    pub directorate: String,
    pub quarter: Quarter,
    pub target_gbp: i64,
    pub delivered_gbp: Option<i64>,
}

/// A directorate's year to date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct YearToDate {
    pub directorate: String,
    /// The whole year's target.
    pub year_target_gbp: i64,
    pub target_to_date_gbp: i64,
    pub delivered_to_date_gbp: i64,
    /// Quarters to date without a delivered figure.
    pub unreported_quarters: usize,
    pub rag: SavingsRag,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SavingsRag {
    Red,
    Amber,
    Green,
    NotReported,
}

impl SavingsRag {
    pub fn label(self) -> &'static str {
        match self {
            SavingsRag::Red => "red",
            SavingsRag::Amber => "amber",
            SavingsRag::Green => "green",
            SavingsRag::NotReported => "not reported",
        }
    }
}

/// Reads `savings.csv`. A directorate may have one row per quarter.
pub fn read(file: &str, text: &str) -> Result<Vec<SavingsLine>, PackError> {
    let table = Table::read(
        file,
        text,
        &["directorate", "quarter", "target_gbp"],
        &["delivered_gbp"],
    )?;
    let mut seen: HashMap<(String, Quarter), u64> = HashMap::new();
    let mut out = Vec::new();
    for row in table.rows() {
        let directorate = row.required("directorate")?.to_string();
        let quarter: Quarter = row
            .parse("quarter", "a financial quarter such as 2025-26-Q1")?
            .ok_or_else(|| row.error("quarter", "must not be empty"))?;
        if let Some(first) = seen.insert((directorate.clone(), quarter), row.line) {
            return Err(row.error(
                "quarter",
                format!("`{directorate}` already has a row for {quarter} on line {first}"),
            ));
        }
        let target_gbp = row
            .pounds("target_gbp")?
            .ok_or_else(|| row.error("target_gbp", "must not be empty"))?;
        if target_gbp < 0 {
            return Err(row.error("target_gbp", "a savings target cannot be negative"));
        }
        out.push(SavingsLine {
            directorate,
            quarter,
            target_gbp,
            delivered_gbp: row.pounds("delivered_gbp")?,
        });
    }
    Ok(out)
}

/// Each directorate's year to date at the end of `quarter` (directorates in file order), and
/// the council's total as the last entry (directorate `All directorates`).
pub fn year_to_date(lines: &[SavingsLine], quarter: Quarter) -> Vec<YearToDate> {
    let mut out: Vec<YearToDate> = Vec::new();
    let empty = |directorate: &str| YearToDate {
        directorate: directorate.to_string(),
        year_target_gbp: 0,
        target_to_date_gbp: 0,
        delivered_to_date_gbp: 0,
        unreported_quarters: 0,
        rag: SavingsRag::Green,
    };
    let mut total = empty("All directorates");
    for line in lines.iter().filter(|l| l.quarter.year == quarter.year) {
        let i = match out.iter().position(|y| y.directorate == line.directorate) {
            Some(i) => i,
            None => {
                out.push(empty(&line.directorate));
                out.len() - 1
            }
        };
        for y in [&mut out[i], &mut total] {
            y.year_target_gbp += line.target_gbp;
            if line.quarter <= quarter {
                y.target_to_date_gbp += line.target_gbp;
                match line.delivered_gbp {
                    Some(d) => y.delivered_to_date_gbp += d,
                    None => y.unreported_quarters += 1,
                }
            }
        }
    }
    if !out.is_empty() {
        out.push(total);
    }
    for y in &mut out {
        y.rag = if y.unreported_quarters > 0 {
            SavingsRag::NotReported
        } else if y.delivered_to_date_gbp >= y.target_to_date_gbp {
            SavingsRag::Green
        } else if y.delivered_to_date_gbp * 10 >= y.target_to_date_gbp * 9 {
            SavingsRag::Amber
        } else {
            SavingsRag::Red
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "directorate,quarter,target_gbp,delivered_gbp
Children,2025-26-Q1,\"£100,000\",100000
Children,2025-26-Q2,100000,80000
Children,2025-26-Q3,100000,
Adults,2025-26-Q1,200000,190000
Adults,2025-26-Q2,200000,170000
Adults,2026-27-Q1,500000,
";

    #[test]
    fn year_to_date_and_rag() {
        let lines = read("savings.csv", FILE).unwrap();
        let q2 = "2025-26-Q2".parse().unwrap();
        let ytd = year_to_date(&lines, q2);
        let got: Vec<_> = ytd
            .iter()
            .map(|y| {
                (
                    y.directorate.as_str(),
                    y.year_target_gbp,
                    y.target_to_date_gbp,
                    y.delivered_to_date_gbp,
                    y.rag,
                )
            })
            .collect();
        // Children 180,000 of 200,000 = 90% (amber); Adults 360,000 of 400,000 = 90% (amber);
        // the 2026-27 row is another year.
        assert_eq!(
            got,
            vec![
                ("Children", 300_000, 200_000, 180_000, SavingsRag::Amber),
                ("Adults", 400_000, 400_000, 360_000, SavingsRag::Amber),
                (
                    "All directorates",
                    700_000,
                    600_000,
                    540_000,
                    SavingsRag::Amber
                ),
            ]
        );
        let q3 = year_to_date(&lines, "2025-26-Q3".parse().unwrap());
        assert_eq!(q3[0].rag, SavingsRag::NotReported);
        assert_eq!(q3[1].rag, SavingsRag::Amber);
        let q1 = year_to_date(&lines, "2025-26-Q1".parse().unwrap());
        assert_eq!(
            (q1[0].rag, q1[1].rag, q1[2].rag),
            (SavingsRag::Green, SavingsRag::Amber, SavingsRag::Amber)
        );
    }

    #[test]
    fn problems_are_located() {
        let e = |t: &str| read("savings.csv", t).unwrap_err().to_string();
        assert_eq!(
            e("directorate,quarter,target_gbp\nChildren,2025-26-Q1,12.50\n"),
            "savings.csv: line 2, column 3 (`target_gbp`): `12.50` is not a whole number of pounds"
        );
        assert_eq!(
            e("directorate,quarter,target_gbp\nChildren,2025-26-Q1,1\nChildren,2025-26-Q1,2\n"),
            "savings.csv: line 3, column 2 (`quarter`): `Children` already has a row for 2025-26-Q1 on line 2"
        );
    }
}
