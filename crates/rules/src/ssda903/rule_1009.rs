//! # What it checks
//!
//! Each row of the Episodes table whose `REASON_PLACE_CHANGE` is filled in holds a reason of the
//! SSDA903 list: `CARPL`, `CLOSE`, `ALLEG`, `STAND`, `APPRR`, `CREQB`, `CREQO`, `CHILD`, `LAREQ`,
//! `PLACE`, `CUSTOD` or `OTHER`.
//!
//! # Why
//!
//! Why placements change is a national measure of placement stability; it is counted by these codes
//! only.
//!
//! # DfE wording
//!
//! Reason for placement change is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1009",
    message: "Reason for placement change is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "REASON_PLACE_CHANGE", |v| {
        !matches!(
            v,
            "" | "CARPL" | "CLOSE" | "ALLEG" | "STAND" | "APPRR" | "CREQB" | "CREQO" | "CHILD"
                | "LAREQ" | "PLACE" | "CUSTOD" | "OTHER"
        )
    });
}
