//! # What it checks
//!
//! Each row of the Episodes table placed for adoption (`PLACE` `A3` to `A6`) is of a child with a
//! row in the PlacedAdoption table whose `DATE_PLACED` (the decision that the child should be
//! placed for adoption) is filled in; otherwise the episode is reported.
//!
//! # Why
//!
//! A child is placed for adoption only after the decision that they should be; the decision's date
//! is what the adoption timeliness measures start from.
//!
//! # DfE wording
//!
//! Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "551",
    message: "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let decided: HashSet<&str> = ret
        .current
        .rows(Table::PlacedAdoption)
        .iter()
        .filter(|r| !pa(r, "DATE_PLACED").is_empty())
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::Episodes) {
        if placed_for_adoption(ep(row, "PLACE")) && !decided.contains(row.child()) {
            out.push(finding(RULE.code, Table::Episodes, row, "PLACE"));
        }
    }
}
