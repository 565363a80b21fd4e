//! # What it checks
//!
//! An assessment with factors (`AssessmentFactors`) has an `AssessmentAuthorisationDate`: factors
//! are recorded when the assessment is completed.
//!
//! # Why
//!
//! Factors are the findings of a completed assessment; on an open one they are premature or the
//! completion date is missing.
//!
//! # DfE wording
//!
//! Parental or child factors at assessment should only be present for a completed assessment.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawAssessment, RawCinDetails};

pub(crate) const RULE: Rule = Rule {
    code: "8614",
    message: "Parental or child factors at assessment should only be present for a completed assessment.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.assessments {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentAuthorisationDate", b.authorisation_date.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawAssessment) -> bool {
    !b.factors.is_empty() && date(b.authorisation_date.as_ref()).is_none()
}
