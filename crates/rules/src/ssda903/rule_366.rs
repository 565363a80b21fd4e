//! # What it checks
//!
//! Each episode of a short-term respite break (`LS` `V3`) starts a period of care (`RNE` `S`).
//!
//! # Why
//!
//! Each short break is its own period of care; an episode continuing another during a break would
//! mean the child changed placement in the middle of it.
//!
//! # DfE wording
//!
//! A child cannot change placement during the course of an individual short-term respite break.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "366",
    message: "A child cannot change placement during the course of an individual short-term respite break.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if ep(row, "LS") == "V3" && ep(row, "RNE") != "S" {
            out.push(finding(RULE.code, table, row, "RNE"));
        }
    }
}
