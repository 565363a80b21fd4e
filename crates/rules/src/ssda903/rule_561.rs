//! # What it checks
//!
//! With the previous year's return given: each row of this year's PlacedAdoption table whose
//! `DATE_PLACED` is a date does not repeat the `DATE_PLACED` of a row of the same child in last
//! year's PlacedAdoption table that had a `DATE_PLACED_CEASED` or a `REASON_PLACED_CEASED` (the
//! decision ended last year). Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! A decision that ended last year cannot be this year's decision; a new decision has a new date.
//!
//! # DfE wording
//!
//! Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "561",
    message: "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let ended: HashSet<(&str, Date)> = previous
        .rows(Table::PlacedAdoption)
        .iter()
        .filter(|r| decision_ended(r))
        .filter_map(|r| Some((r.child(), date(pa(r, "DATE_PLACED"))?)))
        .collect();
    for row in ret.current.rows(Table::PlacedAdoption) {
        if date(pa(row, "DATE_PLACED")).is_some_and(|d| ended.contains(&(row.child(), d))) {
            out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
        }
    }
}
