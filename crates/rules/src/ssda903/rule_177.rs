//! # What it checks
//!
//! Each row of the AD1 table whose `LS_ADOPTR` is filled in holds a legal status of adopters of the
//! SSDA903 list: `L0` (a single adopter), `L11`, `L12`, `L2`, `L3` or `L4` (the kinds of couple). A
//! blank one is left to rule 151.
//!
//! # Why
//!
//! Adoptions are counted by the legal status of the adopters; it is counted by these codes only.
//!
//! # DfE wording
//!
//! The legal status of adopter(s) code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "177",
    message: "The legal status of adopter(s) code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Ad1, "LS_ADOPTR", |v| {
        !matches!(v, "" | "L0" | "L11" | "L12" | "L2" | "L3" | "L4")
    });
}
