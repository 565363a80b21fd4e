//! # What it checks
//!
//! Each row of the Episodes table whose `DECOM` is a date has one on or before 31 March, the last
//! day of the collection year: an episode that began after the year has no place in its return. The
//! DfE's message speaks of the date the episode ceased, as rule 385's does, but the item the DfE
//! lists for rule 354 is the start date `DECOM`; the end date is checked by rule 385.
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
    code: "354",
    message: "Date episode ceased must be on or before the end of the current collection year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "DECOM", |v| {
        date(v).is_some_and(|d| d > ctx.collection_end)
    });
}
