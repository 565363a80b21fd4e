//! # What it checks
//!
//! Each row of the UASC table whose `DUC` (the date unaccompanied asylum-seeking child status
//! ceased) is filled in holds a date written `DD/MM/YYYY` that exists in the calendar, and not one
//! before the collection year began (1 April): a status that ceased before the year has no place
//! in this year's UASC table. A blank `DUC` (the status has not ceased) is not reported.
//!
//! # Why
//!
//! Unaccompanied children are counted apart in the national figures and their funding follows the
//! status; the day it ceased must be a real day of the year reported on.
//!
//! # DfE wording
//!
//! Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "104",
    message: "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Uasc, "DUC", |v| {
        !v.is_empty() && date(v).is_none_or(|d| d < ctx.collection_start)
    });
}
