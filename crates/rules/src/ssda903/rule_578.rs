//! # What it checks
//!
//! For each child who ceased to be looked after (their last episode in the Episodes table, by
//! `DECOM`, has a `DEC` and a `REC` code other than `X1`), each of the child's rows in the Missing
//! table whose `MIS_START` is a date starts on or before that `DEC`; one that starts after it is
//! reported.
//!
//! # Why
//!
//! Missing periods are those of a looked after child; after leaving care, a child is not missing
//! from a placement.
//!
//! # DfE wording
//!
//! The date that the child started to be missing is after the child ceased to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "578",
    message: "The date that the child started to be missing is after the child ceased to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Missing) {
        let ceased = episodes.get(row.child()).and_then(|eps| ceased_on(eps));
        if let (Some(ceased), Some(start)) = (ceased, date(mis(row, "MIS_START")))
            && start > ceased
        {
            out.push(finding(RULE.code, Table::Missing, row, "MIS_START"));
        }
    }
}
