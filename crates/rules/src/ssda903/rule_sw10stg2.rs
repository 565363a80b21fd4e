//! # What it checks
//!
//! Each child's social worker episodes in the SWEpisodes table, in order of `SW_DECOM` (episodes
//! whose `SW_DECOM` is not a date left out): an episode that starts before the `SW_DEC` of the
//! episode before it is reported. An episode may start on the day the one before it ended; one that
//! follows an episode with no `SW_DEC` is SW08STG2's.
//!
//! # Why
//!
//! A child has one allocated social worker episode at a time; overlapping episodes double-count the
//! time and the changes of social worker.
//!
//! # DfE wording
//!
//! A new social worker episode has started before the end date of the previous social worker episode.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW10STG2",
    message: "A new social worker episode has started before the end date of the previous social worker episode.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            if pair[0].end.is_some_and(|end| pair[1].start < end) {
                out.push(finding(RULE.code, Table::SwEpisodes, pair[1].row, "SW_DECOM"));
            }
        }
    }
}
