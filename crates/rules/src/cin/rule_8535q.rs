//! # What it checks
//!
//! A child's `PersonDeathDate`, when given with a `PersonBirthDate`, is not before it.
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
    if let (Some(birth), Some(death)) = (date(child.person_birth_date.as_ref()), date(child.person_death_date.as_ref()))
        && death < birth
    {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonDeathDate", child.person_death_date.as_ref());
    }
}
