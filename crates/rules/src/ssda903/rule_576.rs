//! # What it checks
//!
//! With the previous year's return given: for each row of last year's Missing table with no
//! `MIS_END` (a period still open at the end of last year) whose `MIS_START` is a date, the child
//! has a row in this year's Missing table with the same `MIS_START`. When not, the child's first
//! row this year (by `MIS_START`) is reported, or the row of last year when the child has none this
//! year. Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! A missing period open at the end of last year goes on into this year and is returned again, with
//! the day it ended.
//!
//! # DfE wording
//!
//! There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "576",
    message: "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let this_year = rows_by_child(&ret.current, Table::Missing);
    for row in previous.rows(Table::Missing) {
        let Some(start) = date(mis(row, "MIS_START")) else {
            continue;
        };
        if !mis(row, "MIS_END").is_empty() {
            continue;
        }
        let Some(rows) = this_year.get(row.child()) else {
            out.push(finding_last(RULE.code, Table::Missing, row, "CHILD"));
            continue;
        };
        if rows.iter().any(|r| date(mis(r, "MIS_START")) == Some(start)) {
            continue;
        }
        let first = rows
            .iter()
            .min_by_key(|r| (date(mis(r, "MIS_START")).is_none(), date(mis(r, "MIS_START")), r.row));
        if let Some(first) = first {
            out.push(finding(RULE.code, Table::Missing, first, "MIS_START"));
        }
    }
}
