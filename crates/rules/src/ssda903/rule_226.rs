//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is a temporary placement (`T0` to `T4`) has a blank
//! `REASON_PLACE_CHANGE`.
//!
//! # Why
//!
//! A temporary move is not a change of placement: the child returns to the placement they left, so
//! no reason for a change is recorded.
//!
//! # DfE wording
//!
//! From 2025-26: Reason for placement change is not required for temporary placements.
//!
//! 2023-24 and 2024-25: Reason for placement change is not required.

#[allow(unused_imports)]
use super::common::*;
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
    for row in ret.current.rows(table) {
        if matches!(row.get(table, "PLACE"), "T0" | "T1" | "T2" | "T3" | "T4") && !row.get(table, "REASON_PLACE_CHANGE").is_empty() {
            out.push(finding(RULE.code, table, row, "REASON_PLACE_CHANGE"));
        }
    }
}
