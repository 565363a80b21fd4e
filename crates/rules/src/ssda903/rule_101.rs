//! # What it checks
//!
//! Each row of the Header table has a `SEX` code of the return's year: `M`, `F` or `U` from
//! 2024-25, when the return records the child's sex; `1` (male) or `2` (female) in 2023-24, when
//! it recorded gender. A blank `SEX` is reported too.
//!
//! # Why
//!
//! The return's figures are broken down by sex; a code outside the list cannot be counted.
//!
//! # DfE wording
//!
//! From 2024-25: The child or young person’s reported sex is not valid.
//!
//! 2023-24: Gender code is not valid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "101",
    message: "The child or young person’s reported sex is not valid.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "101",
    message: "Gender code is not valid.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check_2024),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "SEX", |v| {
        !matches!(v, "M" | "F" | "U")
    });
}

fn check_2024(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "SEX", |v| {
        !matches!(v, "1" | "2")
    });
}
