//! # What it checks
//!
//! Each child's episodes in the Episodes table, in order of `DECOM` (episodes whose `DECOM` is not
//! a date left out): an episode that follows one that ceased with a `REC` code other than `X1` (the
//! child ceased to be looked after; a `REC` that is not a code is left to rule 148's kin) has `RNE`
//! `S` (started to be looked after); the later episode is reported.
//!
//! # Why
//!
//! After a child leaves care, the next episode is a new period of care and starts with `S`; any
//! other reason describes a change within a period of care that had ended.
//!
//! # DfE wording
//!
//! The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "432",
    message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            if ceases_care(pair[0].get("REC")) && pair[1].get("RNE") != "S" {
                out.push(finding(RULE.code, Table::Episodes, pair[1].row, "RNE"));
            }
        }
    }
}
