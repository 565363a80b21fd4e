//! # What it checks
//!
//! With the previous year's return given, each row of the OC3 table that has care leaver
//! information (any of `IN_TOUCH`, `ACTIV`, `ACCOM`) is not of a child whose last episode in last
//! year's Episodes table was still open (no `DEC`) and who has no episode in this year's. Without
//! the previous year's return nothing is checked.
//!
//! # Why
//!
//! A child in care at the end of last year is still looked after unless an episode this year says
//! they left; care leaver information without that episode leaves the child's care unaccounted for.
//!
//! # DfE wording
//!
//! This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1010",
    message: "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let this_year: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .map(|r| r.child())
        .collect();
    let open_last_year: HashSet<&str> = episodes_in_order(previous)
        .into_iter()
        .filter(|(_, eps)| eps.last().is_some_and(|e| e.get("DEC").is_empty()))
        .map(|(child, _)| child)
        .collect();
    oc3_rows_where(out, RULE.code, &ret.current, |r| {
        open_last_year.contains(r.child()) && !this_year.contains(r.child())
    });
}
