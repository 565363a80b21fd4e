//! # What it checks
//!
//! An assessment's `AssessmentAuthorisationDate` (its end), when given, is on or after its
//! `AssessmentActualStartDate`.
//!
//! # Why
//!
//! An assessment cannot be completed before it starts; one of the dates is wrong.
//!
//! # DfE wording
//!
//! Assessment Start Date cannot be later than its End Date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawAssessment, RawCinDetails};

pub(crate) const RULE: Rule = Rule {
    code: "8608",
    message: "Assessment Start Date cannot be later than its End Date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.assessments {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentActualStartDate", b.actual_start_date.as_ref());
                flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentAuthorisationDate", b.authorisation_date.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawAssessment) -> bool {
    match (date(b.actual_start_date.as_ref()), date(b.authorisation_date.as_ref())) {
        (Some(start), Some(end)) => start > end,
        _ => false,
    }
}
