//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is a temporary placement (`T0` to `T4`) has a blank
//! `PLACE_PROVIDER`.
//!
//! # Why
//!
//! A temporary placement is recorded without its provider: the provider is that of the placement
//! the child returns to.
//!
//! # DfE wording
//!
//! Placement provider information not required.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "213",
    message: "Placement provider information not required.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if matches!(row.get(table, "PLACE"), "T0" | "T1" | "T2" | "T3" | "T4") && !row.get(table, "PLACE_PROVIDER").is_empty() {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
