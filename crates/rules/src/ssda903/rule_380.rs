//! # What it checks
//!
//! Each episode in a temporary placement (`PLACE` `T0` to `T4`) begins with a change of placement
//! (`RNE` `P`) or of placement and legal status (`RNE` `B`), not by starting a period of care or
//! any other way.
//!
//! # Why
//!
//! A temporary placement is a move away from the child's usual placement during a period of care;
//! it cannot be where the period of care begins.
//!
//! # DfE wording
//!
//! A period of care cannot start with a temporary placement.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "380",
    message: "A period of care cannot start with a temporary placement.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if temporary(ep(row, "PLACE")) && !matches!(ep(row, "RNE"), "P" | "B") {
            out.push(finding(RULE.code, table, row, "RNE"));
        }
    }
}
