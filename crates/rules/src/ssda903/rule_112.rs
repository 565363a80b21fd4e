//! # What it checks
//!
//! Each row of the AD1 table whose `DATE_INT` is filled in holds a date written `DD/MM/YYYY` that
//! exists in the calendar. A blank `DATE_INT` is not reported here.
//!
//! # Why
//!
//! The adoption timeliness measures (A1, A2, A10) count days from the decision that the child should
//! be placed for adoption; a date that is not a date cannot be counted from.
//!
//! # DfE wording
//!
//! Date should be placed for adoption is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "112",
    message: "Date should be placed for adoption is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Ad1, "DATE_INT", present_but_not_a_date);
}
