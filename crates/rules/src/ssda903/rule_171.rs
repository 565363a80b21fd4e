//! # What it checks
//!
//! Each row of the Header table whose `MC_DOB` (the date of birth of the mother's first child) is
//! filled in holds a date written `DD/MM/YYYY` that exists in the calendar.
//!
//! # Why
//!
//! Looked-after mothers and the ages of their children are counted from this date; it must be a
//! real day.
//!
//! # DfE wording
//!
//! Date of birth of mother's child is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "171",
    message: "Date of birth of mother's child is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "MC_DOB", present_but_not_a_date);
}
