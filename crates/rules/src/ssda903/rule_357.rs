//! # What it checks
//!
//! Each child's first episode in the return (by `DECOM`), when it starts on or after 1 April, has
//! `RNE` `S` (started to be looked after).
//!
//! # Why
//!
//! An episode that continues an earlier one needs that earlier episode in the return; a first
//! episode within the year with another reason means an episode is missing or the reason is wrong.
//!
//! # DfE wording
//!
//! If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "357",
    message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, episodes) in episodes_in_order(&ret.current) {
        if let Some((start, row)) = episodes.first()
            && *start >= ctx.collection_start
            && ep(row, "RNE") != "S"
        {
            out.push(finding(RULE.code, Table::Episodes, row, "RNE"));
        }
    }
}
