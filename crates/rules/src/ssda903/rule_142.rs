//! # What it checks
//!
//! Each child's episodes in the Episodes table, taken in order of `DECOM` (episodes whose `DECOM`
//! is not a date left out), have a `DEC` on every episode but the last: an episode followed by
//! another with no date it ceased (a blank `DEC`, or one that is not a date) is reported.
//!
//! # Why
//!
//! Episodes of care follow one another; only the latest can still be open.
//!
//! # DfE wording
//!
//! A new episode has started, but the previous episode has not ended.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "142",
    message: "A new episode has started, but the previous episode has not ended.",
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
            let _ = (start, row);
            if date(before.get(table, "DEC")).is_none() {
                out.push(finding(RULE.code, table, before, "DEC"));
            }
        }
    }
}
