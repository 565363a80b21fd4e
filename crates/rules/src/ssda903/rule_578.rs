//! # What it checks
//!
//! Each row of the Missing table whose `MIS_START` is a date does not start while the child was out
//! of care: after an episode (in the Episodes table, by `DECOM`) that ceased with a `REC` code that
//! ends care (any but `X1`) and has a `DEC`, and before the child's next episode began (or at all,
//! after the last). One that does is reported.
//!
//! Only a `REC` code says the child ceased to be looked after: an episode with a `DEC` but no `REC`,
//! or `X1` (a new episode begins) followed by a later episode, does not (rules 148 and 388 report
//! those episodes). Missing periods between two periods of care are reported as well as those after
//! the last.
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
        let (Some(eps), Some(start)) = (episodes.get(row.child()), date(mis(row, "MIS_START")))
        else {
            continue;
        };
        let out_of_care = eps.iter().enumerate().any(|(i, e)| {
            ceases_care(e.get("REC"))
                && e.end.is_some_and(|ceased| {
                    start > ceased && eps.get(i + 1).is_none_or(|next| start < next.start)
                })
        });
        if out_of_care {
            out.push(finding(RULE.code, Table::Missing, row, "MIS_START"));
        }
    }
}
