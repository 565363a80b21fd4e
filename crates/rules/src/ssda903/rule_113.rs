//! # What it checks
//!
//! Each row of the AD1 table whose `DATE_MATCH` is filled in holds a date written `DD/MM/YYYY` that
//! exists in the calendar. A blank `DATE_MATCH` is not reported here.
//!
//! # Why
//!
//! The time from the decision to place for adoption to matching with adopters is a national
//! measure (A2); it needs a real matching date.
//!
//! # DfE wording
//!
//! Date matching child and adopter(s) is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "113",
    message: "Date matching child and adopter(s) is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Ad1, "DATE_MATCH", present_but_not_a_date);
}
