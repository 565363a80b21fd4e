//! # What it checks
//!
//! With the previous year's return given, each row of the OC3 table that has care leaver
//! information (any of `IN_TOUCH`, `ACTIV`, `ACCOM`) is of a child with an episode in this year's
//! or last year's Episodes table. Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! Care leavers were looked after before; a young person with no episode of care in either year's
//! return may not be a care leaver at all.
//!
//! # DfE wording
//!
//! This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1002",
    message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let looked_after: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .chain(previous.rows(Table::Episodes))
        .map(|r| r.child())
        .collect();
    oc3_rows_where(out, RULE.code, &ret.current, |r| {
        !looked_after.contains(r.child())
    });
}
