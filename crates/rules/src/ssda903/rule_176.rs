//! # What it checks
//!
//! Each row of the AD1 table whose `SEX_ADOPTR` is filled in holds `M1`, `F1` (a single male or
//! female adopter), `MM`, `FF` (a male or female couple) or `MF` (a couple of a man and a woman). A
//! blank one is left to rule 151.
//!
//! # Why
//!
//! Adoptions are counted by who the adopters are; it is counted by these codes only.
//!
//! # DfE wording
//!
//! The gender of adopter(s) at the date of adoption code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "176",
    message: "The gender of adopter(s) at the date of adoption code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Ad1, "SEX_ADOPTR", |v| {
        !matches!(v, "" | "M1" | "F1" | "MM" | "FF" | "MF")
    });
}
