//! # What it checks
//!
//! No episode's `CINreferralDate` is more than 40 weeks (280 days) before the child's
//! `PersonBirthDate`, or, for an unborn child, their `ExpectedPersonBirthDate`. The episode and the
//! child are reported.
//!
//! # Why
//!
//! A child can be referred before birth, but not before they were conceived; a referral more than
//! 40 weeks before birth means a wrong date.
//!
//! # DfE wording
//!
//! Child referral date is more than 40 weeks before DOB or expected DOB

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8606",
    message: "Child referral date is more than 40 weeks before DOB or expected DOB",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(birth) = date(child.person_birth_date.as_ref()).or_else(|| date(child.expected_person_birth_date.as_ref())) else {
        return;
    };
    let Ok(earliest) = birth.checked_sub(jiff::Span::new().days(280)) else {
        return;
    };
    let mut any = false;
    for ep in &child.cin_details {
        if date(ep.cin_referral_date.as_ref()).is_some_and(|d| d < earliest) {
            any = true;
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
        }
    }
    if any {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonBirthDate", child.person_birth_date.as_ref());
    }
}
