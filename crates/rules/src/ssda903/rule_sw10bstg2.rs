//! # What it checks
//!
//! Each child's social worker episodes in the SWEpisodes table, in order of `SW_DECOM` (episodes
//! whose `SW_DECOM` is not a date left out): an episode whose `SW_REASON` is `FCONTA` (first
//! contact) starts on or after the `SW_DEC` of the episode before it; one that starts before it is
//! reported. An episode after one with no `SW_DEC` is SW08STG2's.
//!
//! # Why
//!
//! A first contact starts the child's involvement with social care afresh; it cannot begin while an
//! earlier social worker episode is still going on.
//!
//! # DfE wording
//!
//! A new social worker episode has started with a reason of first contact before the previous episode has ended.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW10bSTG2",
    message: "A new social worker episode has started with a reason of first contact before the previous episode has ended.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            let (before, e) = (&pair[0], &pair[1]);
            if sw(e.row, "SW_REASON") == "FCONTA" && before.end.is_some_and(|end| e.start < end) {
                out.push(finding(RULE.code, Table::SwEpisodes, e.row, "SW_DECOM"));
            }
        }
    }
}
