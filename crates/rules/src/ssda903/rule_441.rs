//! # What it checks
//!
//! Each row of the Reviews table whose `REVIEW_CODE` is one of `PN1` to `PN7` (how a child aged 4
//! or over took part) is of a child aged 4 or over on the `REVIEW` date, by the `DOB` of the row. A
//! row whose `DOB` or `REVIEW` is not a date is left to the rules on those dates.
//!
//! # Why
//!
//! A child under 4 at the review is recorded with `PN0`; a participation code for an older child
//! would count the review in the measure of participation.
//!
//! # DfE wording
//!
//! Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "441",
    message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Reviews;
    for row in ret.current.rows(table) {
        if !matches!(
            row.get(table, "REVIEW_CODE"),
            "PN1" | "PN2" | "PN3" | "PN4" | "PN5" | "PN6" | "PN7"
        ) {
            continue;
        }
        if let (Some(dob), Some(review)) = (date(row.get(table, "DOB")), date(row.get(table, "REVIEW")))
            && age(dob, review) < 4
        {
            out.push(finding(RULE.code, table, row, "REVIEW_CODE"));
        }
    }
}
