//! # What it checks
//!
//! An assessment's `AssessmentAuthorisationDate`, when given, is within the census year (1 April to
//! 31 March).
//!
//! # Why
//!
//! An assessment completed before the census year belongs to an earlier return, and one completed
//! after it has not happened yet.
//!
//! # DfE wording
//!
//! Assessment end date must fall within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawAssessment, RawCinDetails};

pub(crate) const RULE: Rule = Rule {
    code: "8696",
    message: "Assessment end date must fall within the census year",
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

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawAssessment) -> bool {
    date(b.authorisation_date.as_ref()).is_some_and(|d| !ctx.in_year(d))
}
