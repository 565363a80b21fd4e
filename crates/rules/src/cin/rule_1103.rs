//! # What it checks
//!
//! An assessment's `AssessmentActualStartDate` is on or after the `CINreferralDate` of its episode.
//!
//! # Why
//!
//! An assessment follows the referral that asked for it; a start before the referral means one of
//! the dates is wrong, or the assessment belongs to another episode.
//!
//! # DfE wording
//!
//! The assessment start date cannot be before the referral date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1103",
    message: "The assessment start date cannot be before the referral date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(referral) = date(ep.cin_referral_date.as_ref()) else {
            continue;
        };
        for block in &ep.assessments {
            if date(block.actual_start_date.as_ref()).is_some_and(|d| d < referral) {
                flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
                flag(out, RULE.code, child, ASSESSMENTS, block.place, "AssessmentActualStartDate", block.actual_start_date.as_ref());
            }
        }
    }
}
