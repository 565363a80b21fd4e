//! # What it checks
//!
//! With the previous year's return given: each row of this year's Episodes table whose `DECOM` is
//! before 1 April is of a child with an episode in last year's Episodes table. Without the previous
//! year's return nothing is checked.
//!
//! # Why
//!
//! A child looked after before the year began was in last year's return; with no episode there,
//! last year's return is missing the child.
//!
//! # DfE wording
//!
//! This child has no episodes loaded for previous year even though child started to be looked after before this current year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "NoE",
    message: "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let last_year: HashSet<&str> =
        previous.rows(Table::Episodes).iter().map(|r| r.child()).collect();
    for row in ret.current.rows(Table::Episodes) {
        if date(ep(row, "DECOM")).is_some_and(|d| d < ctx.collection_start)
            && !last_year.contains(row.child())
        {
            out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
        }
    }
}
