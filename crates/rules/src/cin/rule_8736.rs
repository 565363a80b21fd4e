//! # What it checks
//!
//! An assessment with no `AssessmentAuthorisationDate` (not completed) has its
//! `AssessmentActualStartDate` within the census year.
//!
//! # Why
//!
//! An assessment still open at the end of the year should have started in it; one that started
//! earlier and is still open was most likely completed without the date being recorded.
//!
//! # DfE wording
//!
//! For an Assessment that has not been completed, the start date must fall within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawAssessment, RawCinDetails};

pub(crate) const RULE: Rule = Rule {
    code: "8736",
    message: "For an Assessment that has not been completed, the start date must fall within the census year",
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

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawAssessment) -> bool {
    date(b.authorisation_date.as_ref()).is_none()
        && date(b.actual_start_date.as_ref()).is_none_or(|d| !ctx.in_year(d))
}
