//! # What it checks
//!
//! With the previous year's return given: for each row of last year's DoLo table with no
//! `DOLO_END` (an order still open at the end of last year) whose `DOLO_START` is a date, the child
//! has a row in this year's DoLo table with the same `DOLO_START`. When not, the child's first row
//! this year (by `DOLO_START`) is reported, or the row of last year when the child has none this
//! year. Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! An order open at the end of last year goes on into this year and is returned again, with the day
//! it ended when it has.
//!
//! # DfE wording
//!
//! There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_dolo::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "706",
    message: "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let this_year = rows_by_child(&ret.current, Table::DoLo);
    for row in previous.rows(Table::DoLo) {
        let Some(start) = date(dolo(row, "DOLO_START")) else {
            continue;
        };
        if !dolo(row, "DOLO_END").is_empty() {
            continue;
        }
        let Some(rows) = this_year.get(row.child()) else {
            out.push(finding_last(RULE.code, Table::DoLo, row, "DOLO_START"));
            continue;
        };
        if rows.iter().any(|r| date(dolo(r, "DOLO_START")) == Some(start)) {
            continue;
        }
        let first = rows.iter().min_by_key(|r| {
            let d = date(dolo(r, "DOLO_START"));
            (d.is_none(), d, r.row)
        });
        if let Some(first) = first {
            out.push(finding(RULE.code, Table::DoLo, first, "DOLO_START"));
        }
    }
}
