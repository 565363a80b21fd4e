//! # What it checks
//!
//! Every child's sex is recorded: from 2024-25, `Sex` is present and is M, F or U; up to 2023-24,
//! `GenderCurrent` is present and not empty.
//!
//! # Why
//!
//! Sex is part of every national statistic on children in need and is needed to check other rules
//! (an unborn child's sex, for one).
//!
//! # DfE wording
//!
//! 2024-25, 2025-26: Sex must be provided and equal M, F, or U
//!
//! 2023-24: Gender is missing

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4180",
    message: "Sex must be provided and equal M, F, or U",
    severity: Severity::Error,
    years: &[2025, 2026],
    check: Check::Child(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "4180",
    message: "Gender is missing",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Child(check_2024),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if !matches!(text(child.sex.as_ref()), Some("M" | "F" | "U")) {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "Sex", child.sex.as_ref());
    }
}

fn check_2024(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if text(child.sex.as_ref()).is_none() {
        flag(out, RULE_2024.code, child, CHILD_IDENTIFIERS, child.place, "GenderCurrent", child.sex.as_ref());
    }
}
