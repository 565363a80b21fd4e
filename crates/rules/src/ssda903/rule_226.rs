//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is a temporary placement (`T0` to `T4`) has a blank
//! `REASON_PLACE_CHANGE`, and so has the child's episode just before it (the one with the latest
//! `DECOM` before the temporary placement's). The finding is on the temporary placement's row.
//!
//! # Why
//!
//! A temporary move is not a change of placement: the child returns to the placement they left, so
//! no reason for a change is recorded. The reason for a change is recorded on the episode that
//! ends with it (rule 225), so the episode that ends with the move to the temporary placement must
//! not carry one either: the DfE's check asks for a blank reason "in current episode and current
//! episode - 1".
//!
//! # DfE wording
//!
//! From 2025-26: Reason for placement change is not required for temporary placements.
//!
//! 2023-24 and 2024-25: Reason for placement change is not required.

#[allow(unused_imports)]
use super::common::*;
use super::common_r1::{ep, episodes_in_order, temporary};
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "226",
    message: "Reason for placement change is not required for temporary placements.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2025: Rule = Rule {
    code: "226",
    message: "Reason for placement change is not required.",
    severity: Severity::Error,
    years: &[2024, 2025],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    let mut flagged = std::collections::BTreeSet::new();
    for row in ret.current.rows(table) {
        if temporary(row.get(table, "PLACE")) && !row.get(table, "REASON_PLACE_CHANGE").is_empty() {
            flagged.insert(row.row);
        }
    }
    for (_, episodes) in episodes_in_order(&ret.current) {
        for pair in episodes.windows(2) {
            let ((_, before), (_, row)) = (pair[0], pair[1]);
            if temporary(ep(row, "PLACE")) && !ep(before, "REASON_PLACE_CHANGE").is_empty() {
                flagged.insert(row.row);
            }
        }
    }
    let rows = ret.current.rows(table);
    for row in flagged {
        out.push(finding(RULE.code, table, &rows[row], "REASON_PLACE_CHANGE"));
    }
}
