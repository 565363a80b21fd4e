//! # What it checks
//!
//! Each row of the Missing table whose `MIS_END` is a date has one within the collection year, 1
//! April to 31 March.
//!
//! # Why
//!
//! An episode that ended before the year is not part of its return, and one cannot end after the
//! year reported on.
//!
//! # DfE wording
//!
//! The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "571",
    message: "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Missing, "MIS_END", |v| {
        date(v).is_some_and(|d| d < ctx.collection_start || d > ctx.collection_end)
    });
}
