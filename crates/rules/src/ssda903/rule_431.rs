//! # What it checks
//!
//! Each child's episodes in the Episodes table, taken in order of `DECOM`: an episode whose `RNE`
//! is `S` (started to be looked after) does not start on the day the episode before it ceased: that
//! would be the same period of care going on.
//!
//! # Why
//!
//! A new period of care starts after a break; an episode starting the day the last one ceased
//! continues it and has a reason for a change (`L`, `P`, `T`, `U`, `B`).
//!
//! # DfE wording
//!
//! The reason for new episode is started to be looked after, but the previous episode ended on the same day.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "431",
    message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
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
            if row.get(table, "RNE") == "S" && date(before.get(table, "DEC")) == Some(start) {
                out.push(finding(RULE.code, table, row, "RNE"));
            }
        }
    }
}
