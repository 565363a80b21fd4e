//! # What it checks
//!
//! Each row of the Missing table whose `MIS_START` is a date does not start before the `DECOM` of
//! the child's first episode in the Episodes table; one that does is reported.
//!
//! # Why
//!
//! Missing periods are those of a looked after child; before the child's care began they were not
//! missing from a placement.
//!
//! # DfE wording
//!
//! Child is missing but has not yet started to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "581",
    message: "Child is missing but has not yet started to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Missing) {
        let first = episodes.get(row.child()).and_then(|eps| eps.first());
        if let (Some(first), Some(start)) = (first, date(mis(row, "MIS_START")))
            && start < first.start
        {
            out.push(finding(RULE.code, Table::Missing, row, "MIS_START"));
        }
    }
}
