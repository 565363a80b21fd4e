//! # What it checks
//!
//! Each row of the Episodes table whose `DEC` is a date has one on or before 31 March, the last day
//! of the collection year. (Rule 354, with the same message, checks the start date.)
//!
//! # Why
//!
//! The return reports on the year to 31 March; an episode cannot have ended after it.
//!
//! # DfE wording
//!
//! Date episode ceased must be on or before the end of the current collection year.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "385",
    message: "Date episode ceased must be on or before the end of the current collection year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "DEC", |v| {
        date(v).is_some_and(|d| d > ctx.collection_end)
    });
}
