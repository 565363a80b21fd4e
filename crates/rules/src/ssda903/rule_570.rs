//! # What it checks
//!
//! Each row of the Missing table whose `MIS_START` is a date has one on or before 31 March, the
//! last day of the collection year.
//!
//! # Why
//!
//! The return reports on the year to 31 March; an episode that started after it has no place in it.
//!
//! # DfE wording
//!
//! The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "570",
    message: "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Missing, "MIS_START", |v| {
        date(v).is_some_and(|d| d > ctx.collection_end)
    });
}
