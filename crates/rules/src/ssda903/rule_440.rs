//! # What it checks
//!
//! Each row of the Reviews table whose `REVIEW_CODE` is `PN0` (the child was under 4 at the review)
//! is of a child under 4 on the `REVIEW` date, by the `DOB` of the row. A row whose `DOB` or
//! `REVIEW` is not a date is left to the rules on those dates.
//!
//! # Why
//!
//! Children's participation in their reviews is counted for children aged 4 and over; `PN0` takes a
//! child out of that count, so it must be true.
//!
//! # DfE wording
//!
//! Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "440",
    message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Reviews;
    for row in ret.current.rows(table) {
        if row.get(table, "REVIEW_CODE") != "PN0" {
            continue;
        }
        if let (Some(dob), Some(review)) = (date(row.get(table, "DOB")), date(row.get(table, "REVIEW")))
            && age(dob, review) >= 4
        {
            out.push(finding(RULE.code, table, row, "REVIEW_CODE"));
        }
    }
}
