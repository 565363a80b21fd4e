//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is `A5` or `A6` (placed for adoption with a
//! placement order) has `LS` `E1` (placement order granted).
//!
//! # Why
//!
//! A placement with a placement order needs the order to be the child's legal status; the two
//! fields contradict each other.
//!
//! # DfE wording
//!
//! Child is placed for adoption with a placement order, but no placement order has been recorded.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "408",
    message: "Child is placed for adoption with a placement order, but no placement order has been recorded.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if matches!(ep(row, "PLACE"), "A5" | "A6") && ep(row, "LS") != "E1" {
            out.push(finding(RULE.code, Table::Episodes, row, "LS"));
        }
    }
}
