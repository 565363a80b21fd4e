//! # What it checks
//!
//! Each row of the PlacedAdoption table whose `DATE_PLACED` is filled in holds a date written
//! `DD/MM/YYYY` that exists in the calendar. A blank `DATE_PLACED` is not reported here.
//!
//! # Why
//!
//! The decision that a child should be placed for adoption starts the adoption clock; a date that
//! is not a date cannot start it.
//!
//! # DfE wording
//!
//! Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "115",
    message: "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::PlacedAdoption, "DATE_PLACED", present_but_not_a_date);
}
