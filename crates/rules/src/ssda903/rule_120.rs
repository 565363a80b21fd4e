//! # What it checks
//!
//! Each row of the PlacedAdoption table whose `REASON_PLACED_CEASED` is filled in holds one of the
//! reasons `RD1`, `RD2`, `RD3` or `RD4`. A blank reason is not reported here (rule 119 asks for
//! it with a date of reversal).
//!
//! # Why
//!
//! Reversed adoption decisions are counted by reason nationally; another value cannot be counted.
//!
//! # DfE wording
//!
//! The reason for the reversal of the decision that the child should be placed for adoption code is not valid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "120",
    message: "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::PlacedAdoption, "REASON_PLACED_CEASED", |v| !matches!(v, "" | "RD1" | "RD2" | "RD3" | "RD4"));
}
