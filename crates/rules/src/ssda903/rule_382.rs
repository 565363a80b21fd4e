//! # What it checks
//!
//! No row of the Episodes table has `LS` `V3` or `V4` (short-term breaks, respite care) with a
//! temporary `PLACE` (`T0` to `T4`).
//!
//! # Why
//!
//! A temporary placement covers a break from a child's usual placement; a short break is itself
//! the placement, so the two cannot be combined.
//!
//! # DfE wording
//!
//! A child receiving respite care cannot be in a temporary placement.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "382",
    message: "A child receiving respite care cannot be in a temporary placement.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (ls, place) = (row.get(table, "LS"), row.get(table, "PLACE"));
        if matches!(ls, "V3" | "V4") && matches!(place, "T0" | "T1" | "T2" | "T3" | "T4") {
            out.push(finding(RULE.code, table, row, "PLACE"));
        }
    }
}
