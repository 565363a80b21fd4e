//! # What it checks
//!
//! Each row of the Episodes table whose `CIN` is filled in holds a category of need from `N1`
//! (abuse or neglect) to `N8` (absent parenting). A blank `CIN` is not reported here.
//!
//! # Why
//!
//! The main reason a child is looked after is counted nationally by category of need; any other
//! value cannot be counted.
//!
//! # DfE wording
//!
//! Category of need code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "145",
    message: "Category of need code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "CIN", |v| !matches!(v, "" | "N1" | "N2" | "N3" | "N4" | "N5" | "N6" | "N7" | "N8"));
}
