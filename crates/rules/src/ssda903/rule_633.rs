//! # What it checks
//!
//! Each row of the PrevPerm table whose `LA_PERM` is filled in holds the three-digit number of an
//! English local authority (those of today and those abolished since April 1998, from the list
//! shipped in `crates/rules/data/la_numbers.txt`) or one of `WAL`, `SCO`, `NIR` (Wales, Scotland,
//! Northern Ireland) and `NUK` (outside the UK).
//!
//! # Why
//!
//! The authority that arranged the previous permanence option is counted by its code; a code no
//! authority has cannot be.
//!
//! # DfE wording
//!
//! Local authority code where previous permanence option was arranged is not a valid value.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "633",
    message: "Local authority code where previous permanence option was arranged is not a valid value.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::PrevPerm, "LA_PERM", |v| {
        !v.is_empty() && !matches!(v, "WAL" | "SCO" | "NIR" | "NUK") && !is_english_la_number(v)
    });
}
