//! # What it checks
//!
//! Each unaccompanied asylum-seeking child (UASC status `1` in the Header table) is at least 11 on
//! the last day of the collection year (31 March), going by the Header `DOB`. A younger child is
//! reported on their Header row. A `DOB` that is not a date is left to the rules on dates, and a
//! child without a status (neither a `UASC` column nor a UASC table) is not checked.
//!
//! # Why
//!
//! Unaccompanied asylum-seeking children are nearly all teenagers; a young one is more often a
//! wrong date of birth or a wrong status, and the DfE asks for the date to be checked and, when
//! right, explained.
//!
//! # DfE wording
//!
//! We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.

use super::common::*;
use super::common_uasc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "231",
    message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Header) {
        if status_of(row) == Status::Uasc
            && date(row.get(Table::Header, "DOB")).is_some_and(|dob| age(dob, ctx.collection_end) < 11)
        {
            out.push(finding(RULE.code, Table::Header, row, "DOB"));
        }
    }
}
