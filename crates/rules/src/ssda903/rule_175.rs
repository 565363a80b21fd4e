//! # What it checks
//!
//! Each row of the AD1 table whose `NB_ADOPTR` is filled in holds `1` (a single adopter) or `2` (a
//! couple). A blank one is left to rule 151.
//!
//! # Why
//!
//! Adoptions are counted by single adopters and couples; no other number is possible.
//!
//! # DfE wording
//!
//! The number of adopter(s) code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "175",
    message: "The number of adopter(s) code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Ad1, "NB_ADOPTR", |v| {
        !matches!(v, "" | "1" | "2")
    });
}
