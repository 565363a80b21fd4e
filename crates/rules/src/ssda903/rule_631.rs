//! # What it checks
//!
//! Each row of the PrevPerm table whose `PREV_PERM` is filled in holds `P1` (adoption), `P2`
//! (special guardianship order), `P3` (residence or child arrangements order), `P4` (unknown) or
//! `Z1` (no previous permanence option).
//!
//! # Why
//!
//! Children returning to care after adoption or special guardianship are a national measure; it is
//! counted by these codes only.
//!
//! # DfE wording
//!
//! Previous permanence option not a valid value.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "631",
    message: "Previous permanence option not a valid value.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::PrevPerm, "PREV_PERM", |v| {
        !matches!(v, "" | "P1" | "P2" | "P3" | "P4" | "Z1")
    });
}
