//! # What it checks
//!
//! Each row of the Missing table whose `MISSING` is filled in holds `M` (missing: whereabouts not
//! known) or `A` (away from placement without authorisation: whereabouts known). A blank one is
//! left to rule 565.
//!
//! # Why
//!
//! Missing and away episodes are counted apart, by these codes only.
//!
//! # DfE wording
//!
//! Missing type invalid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1006",
    message: "Missing type invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Missing, "MISSING", |v| {
        !matches!(v, "" | "M" | "A")
    });
}
