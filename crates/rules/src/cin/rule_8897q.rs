//! # What it checks
//!
//! A completed assessment (one with an `AssessmentAuthorisationDate`) has at least one factor
//! (`AssessmentFactors`), even if it is 21, no factors identified.
//!
//! # Why
//!
//! The factors found at assessment are the main national information on why children need help; a
//! completed assessment without them leaves a gap.
//!
//! # DfE wording
//!
//! Parental or child factors at assessment information is missing from a completed assessment

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawAssessment, RawCinDetails};

pub(crate) const RULE: Rule = Rule {
    code: "8897Q",
    message: "Parental or child factors at assessment information is missing from a completed assessment",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.assessments {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentFactors", b.authorisation_date.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawAssessment) -> bool {
    b.factors.iter().all(|(_, f)| f.text.is_empty()) && date(b.authorisation_date.as_ref()).is_some()
}
