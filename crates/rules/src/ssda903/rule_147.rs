//! # What it checks
//!
//! Each row of the Episodes table whose `DEC` is filled in holds a date written `DD/MM/YYYY`
//! that exists in the calendar. A blank `DEC` (the episode is open) is not reported here.
//!
//! # Why
//!
//! The end of an episode ends a period of care or begins the next episode; a date that is not one
//! leaves the child's days in care unknown.
//!
//! # DfE wording
//!
//! Date episode ceased is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "147",
    message: "Date episode ceased is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "DEC", present_but_not_a_date);
}
