//! # What it checks
//!
//! Each child's social worker episodes in the SWEpisodes table, in order of `SW_DECOM` (episodes
//! whose `SW_DECOM` is not a date left out): every episode but the last has an `SW_DEC` that is a
//! date; one without (blank, or a value that is not a date, as rule 142 takes episodes of care) is
//! reported.
//!
//! # Why
//!
//! A child has one allocated social worker episode at a time; when a new one starts, the one before
//! it has ended.
//!
//! # DfE wording
//!
//! A new social worker episode has started, but the previous episode has not ended.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW08STG2",
    message: "A new social worker episode has started, but the previous episode has not ended.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        for e in &eps[..eps.len() - 1] {
            if e.end.is_none() {
                out.push(finding(RULE.code, Table::SwEpisodes, e.row, "SW_DEC"));
            }
        }
    }
}
