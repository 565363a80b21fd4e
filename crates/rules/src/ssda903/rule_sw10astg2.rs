//! # What it checks
//!
//! Each child's social worker episodes in the SWEpisodes table, in order of `SW_DECOM` (episodes
//! whose `SW_DECOM` is not a date left out): an episode whose `SW_REASON` is not `FCONTA` (first
//! contact) starts within 7 days either side of the `SW_DEC` of the episode before it; one that
//! starts more than 7 days before or after it is reported. An episode after one with no `SW_DEC` is
//! SW08STG2's; a first contact starts afresh (SW10bSTG2 checks it).
//!
//! # Why
//!
//! A change of social worker hands the child from one to the next; a gap or overlap of more than a
//! week means an episode is missing or a date is wrong.
//!
//! # DfE wording
//!
//! A new social worker episode has started and it is not within +/- 7 days of a previous episode.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW10aSTG2",
    message: "A new social worker episode has started and it is not within +/- 7 days of a previous episode.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            let (before, e) = (&pair[0], &pair[1]);
            let Some(end) = before.end else { continue };
            if sw(e.row, "SW_REASON") == "FCONTA" {
                continue;
            }
            let days = (e.start - end).get_days().abs();
            if days > 7 {
                out.push(finding(RULE.code, Table::SwEpisodes, e.row, "SW_DECOM"));
            }
        }
    }
}
