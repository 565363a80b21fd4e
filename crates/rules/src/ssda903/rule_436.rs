//! # What it checks
//!
//! Each child's episodes in the Episodes table, in order of `DECOM` (episodes whose `DECOM` is not
//! a date left out): an episode with `RNE` `B` or `U` (a change of both legal status and placement,
//! with or without a change of carers) shows that against the episode before it. The legal status
//! changed when `LS` differs; the placement changed when any of `PLACE`, `PLACE_PROVIDER`,
//! `PL_POST` or `URN` differs. The child's first episode is not checked.
//!
//! # Why
//!
//! The reason for a new episode says what changed; an episode whose fields show another change (or
//! none) has a wrong reason or wrong fields, and the moves and legal statuses counted from it are
//! wrong.
//!
//! # DfE wording
//!
//! Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "436",
    message: "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            let (before, row) = (&pair[0], &pair[1]);
            if !matches!(row.get("RNE"), "B" | "U") {
                continue;
            }
            let ls_changed = before.get("LS") != row.get("LS");
            let placement_changed = placement_differs(before, row);
            if !ls_changed || !placement_changed {
                out.push(finding(RULE.code, Table::Episodes, row.row, "RNE"));
            }
        }
    }
}
