//! # What it checks
//!
//! An unborn child (one with an `ExpectedPersonBirthDate` and no `PersonBirthDate`) has sex U (from
//! 2024-25), or `GenderCurrent` 0 (up to 2023-24).
//!
//! # Why
//!
//! The sex of an unborn child is not known yet; any other value is a guess or belongs to another
//! record.
//!
//! # DfE wording
//!
//! 2024-25, 2025-26: Sex must equal U for an unborn child
//!
//! 2023-24: Gender must equal 0 for an unborn child

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8750",
    message: "Sex must equal U for an unborn child",
    severity: Severity::Error,
    years: &[2025, 2026],
    check: Check::Child(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "8750",
    message: "Gender must equal 0 for an unborn child",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Child(check_2024),
};

fn unborn(child: &RawChild) -> bool {
    date(child.person_birth_date.as_ref()).is_none() && date(child.expected_person_birth_date.as_ref()).is_some()
}

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if unborn(child) && text(child.sex.as_ref()) != Some("U") {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "Sex", child.sex.as_ref());
    }
}

fn check_2024(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if unborn(child) && text(child.sex.as_ref()) != Some("0") {
        flag(out, RULE_2024.code, child, CHILD_IDENTIFIERS, child.place, "GenderCurrent", child.sex.as_ref());
    }
}
