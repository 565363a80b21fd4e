//! # What it checks
//!
//! Each child has exactly one of `PersonBirthDate` (born) and `ExpectedPersonBirthDate` (unborn):
//! not both, not neither. A value that is not a date (`YYYY-MM-DD`) counts as not provided.
//!
//! # Why
//!
//! Whether a child is born or unborn decides how their age, sex and other rules are read; a record
//! with both dates, or neither, leaves that unclear.
//!
//! # DfE wording
//!
//! Either Date of Birth or Expected Date of Birth must be provided (but not both)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8525Q",
    message: "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    // A value that is not a date is not a date provided.
    let born = date(child.person_birth_date.as_ref()).is_some();
    let expected = date(child.expected_person_birth_date.as_ref()).is_some();
    if born == expected {
        let (field, value) = if born {
            ("ExpectedPersonBirthDate", child.expected_person_birth_date.as_ref())
        } else {
            ("PersonBirthDate", child.person_birth_date.as_ref())
        };
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, field, value);
    }
}
