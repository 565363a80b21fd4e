//! # What it checks
//!
//! A child's `PersonDeathDate`, when given, is not before their `PersonBirthDate` (or, for an
//! unborn child, their `ExpectedPersonBirthDate`).
//!
//! # Why
//!
//! A death before birth is impossible; one of the two dates is wrong.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8535Q",
    message: "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    // An unborn child's birth is their expected date of birth.
    let birth = date(child.person_birth_date.as_ref()).or_else(|| date(child.expected_person_birth_date.as_ref()));
    if let (Some(birth), Some(death)) = (birth, date(child.person_death_date.as_ref()))
        && death < birth
    {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonDeathDate", child.person_death_date.as_ref());
    }
}
