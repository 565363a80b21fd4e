//! # What it checks
//!
//! Each row of the PlacedAdoption table whose `DATE_PLACED_CEASED` is filled in holds a date
//! written `DD/MM/YYYY` that exists in the calendar. A blank `DATE_PLACED_CEASED` (the decision
//! stands) is not reported here.
//!
//! # Why
//!
//! A reversed decision to place for adoption ends the child's adoption pathway on that date; the
//! date must be one.
//!
//! # DfE wording
//!
//! Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "116",
    message: "Date of Local Authority's (LA) decision that a child should no longer be placed for adoption is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::PlacedAdoption, "DATE_PLACED_CEASED", present_but_not_a_date);
}
