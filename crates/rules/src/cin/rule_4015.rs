//! # What it checks
//!
//! A CIN plan's `CINPlanStartDate` is on or after the `CINreferralDate` of its episode.
//!
//! # Why
//!
//! A child in need plan follows the assessment of the referral; it cannot start before the
//! referral.
//!
//! # DfE wording
//!
//! The CIN Plan start date cannot be before the referral date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4015",
    message: "The CIN Plan start date cannot be before the referral date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(referral) = date(ep.cin_referral_date.as_ref()) else {
            continue;
        };
        for block in &ep.cin_plan_dates {
            if date(block.start_date.as_ref()).is_some_and(|d| d < referral) {
                flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
                flag(out, RULE.code, child, CIN_PLAN_DATES, block.place, "CINPlanStartDate", block.start_date.as_ref());
            }
        }
    }
}
