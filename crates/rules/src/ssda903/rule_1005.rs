//! # What it checks
//!
//! Each row of the Missing table whose `MIS_END` is filled in holds a date written `DD/MM/YYYY`
//! that exists in the calendar. A blank `MIS_END` (the episode has not ended) is not reported.
//!
//! # Why
//!
//! Missing and away episodes are counted by how long they last; the end date must be a real day.
//!
//! # DfE wording
//!
//! The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1005",
    message: "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Missing, "MIS_END", present_but_not_a_date);
}
