//! # What it checks
//!
//! A child's `PersonBirthDate`, when given, is on or before the census reference date (31 March).
//!
//! # Why
//!
//! A child born after the end of the census year cannot have been in need during it; the date is
//! wrong or the child should be recorded as unborn with an expected date of birth.
//!
//! # DfE wording
//!
//! Date of Birth is after data collection period (must be on or before the end of the census period)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8520",
    message: "Date of Birth is after data collection period (must be on or before the end of the census period)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if date(child.person_birth_date.as_ref()).is_some_and(|d| d > ctx.reference_date) {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonBirthDate", child.person_birth_date.as_ref());
    }
}
