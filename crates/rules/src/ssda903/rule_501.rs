//! # What it checks
//!
//! Each child's episodes in the Episodes table, taken in order of `DECOM` (episodes whose `DECOM`
//! is not a date left out), do not overlap: an episode that starts before the `DEC` of the episode
//! before it is reported. An episode may start on the day the one before it ceased.
//!
//! # Why
//!
//! A child has one episode of care at a time; overlapping episodes double-count days in care.
//!
//! # DfE wording
//!
//! A new episode has started before the end date of the previous episode.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "501",
    message: "A new episode has started before the end date of the previous episode.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for (_, rows) in by_child(&ret.current, table) {
        let mut episodes: Vec<_> = rows
            .into_iter()
            .filter_map(|r| date(r.get(table, "DECOM")).map(|s| (s, r)))
            .collect();
        episodes.sort_by_key(|(s, r)| (*s, r.row));
        for pair in episodes.windows(2) {
            let ((_, before), (start, row)) = (pair[0], pair[1]);
            if date(before.get(table, "DEC")).is_some_and(|end| start < end) {
                out.push(finding(RULE.code, table, row, "DECOM"));
            }
        }
    }
}
