//! # What it checks
//!
//! Each row of the SWEpisodes table has an `SW_REASON` of the list: `MANAGE`, `FCONTA`, `LEFTRL`,
//! `ORGRST`, `TSPROC`, `ABSENC`, `CHCHAN`, `PCCHAN`, `SWDIED`, `OTHERS`. A blank reason is reported
//! too (the wording of 2023-24 says so; from 2024-25 it is shortened).
//!
//! # Why
//!
//! The reasons for changes of social worker are counted by these codes; another value cannot be.
//!
//! # DfE wording
//!
//! From 2024-25: The reason for social worker change is not valid.
//!
//! 2023-24: The reason for social worker change is either not valid or has not been entered.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW13STG1",
    message: "The reason for social worker change is not valid.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "SW13STG1",
    message: "The reason for social worker change is either not valid or has not been entered.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

const REASONS: [&str; 10] = [
    "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED",
    "OTHERS",
];

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::SwEpisodes, "SW_REASON", |v| {
        !REASONS.contains(&v)
    });
}
