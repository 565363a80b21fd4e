//! # What it checks
//!
//! With the previous year's return given: for each child with an episode in last year's Episodes
//! table that had no `DEC` (open at the end of the year), the child's first episode in this year's
//! Episodes table (by `DECOM`) has the same `DECOM` as each such episode; otherwise that first
//! episode is reported. An open episode of last year whose `DECOM` was not a date matches no start.
//! Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! An episode open at the end of last year goes on into this year and is returned again with the
//! date it began; another start date means the years do not join up.
//!
//! # DfE wording
//!
//! Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "502",
    message: "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let this_year = episodes_by_child(&ret.current);
    let mut reported = HashSet::new();
    for last in previous.rows(Table::Episodes) {
        if !ep(last, "DEC").is_empty() {
            continue;
        }
        let Some(first) = this_year.get(last.child()).and_then(|eps| eps.first()) else {
            continue;
        };
        if date(ep(last, "DECOM")) != Some(first.start) && reported.insert(first.row.row) {
            out.push(finding(RULE.code, Table::Episodes, first.row, "DECOM"));
        }
    }
}
