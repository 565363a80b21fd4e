//! # What it checks
//!
//! Each child's episodes in the Episodes table, in order of `DECOM` (episodes whose `DECOM` is not
//! a date left out): an episode whose `RNE` says it continues a period of care (`P`, `L`, `T`, `U`,
//! `B`) starts on the `DEC` of the episode before it. One whose previous episode ceased on another
//! day, or has no `DEC`, is reported; the child's first episode is not.
//!
//! # Why
//!
//! A change of placement or legal status begins a new episode on the day the old one ends; a gap or
//! overlap means a date is wrong or the child left care in between.
//!
//! # DfE wording
//!
//! The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "433",
    message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            if matches!(pair[1].get("RNE"), "P" | "L" | "T" | "U" | "B") && !continues(&pair[0], &pair[1]) {
                out.push(finding(RULE.code, Table::Episodes, pair[1].row, "RNE"));
            }
        }
    }
}
