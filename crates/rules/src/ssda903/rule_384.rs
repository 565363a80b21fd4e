//! # What it checks
//!
//! No row of the Episodes table has `LS` `V3` or `V4` (short-term breaks, respite care) with
//! `PLACE` `U1` or `U4` (long-term fostering).
//!
//! # Why
//!
//! Long-term fostering is a permanent arrangement; respite care is a short break and cannot be
//! one.
//!
//! # DfE wording
//!
//! A child receiving respite care cannot be in a long-term foster placement 

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "384",
    message: "A child receiving respite care cannot be in a long-term foster placement ",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (ls, place) = (row.get(table, "LS"), row.get(table, "PLACE"));
        if matches!(ls, "V3" | "V4") && matches!(place, "U1" | "U4") {
            out.push(finding(RULE.code, table, row, "PLACE"));
        }
    }
}
