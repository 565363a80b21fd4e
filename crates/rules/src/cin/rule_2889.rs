//! # What it checks
//!
//! A Section 47 enquiry's `S47ActualStartDate` is on or after the `CINreferralDate` of its episode.
//!
//! # Why
//!
//! A Section 47 enquiry is started because of what the referral raised; a start before the referral
//! means a wrong date or an enquiry recorded in the wrong episode.
//!
//! # DfE wording
//!
//! The S47 start date cannot be before the referral date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "2889",
    message: "The S47 start date cannot be before the referral date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(referral) = date(ep.cin_referral_date.as_ref()) else {
            continue;
        };
        for block in &ep.section47 {
            if date(block.actual_start_date.as_ref()).is_some_and(|d| d < referral) {
                flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
                flag(out, RULE.code, child, SECTION47, block.place, "S47ActualStartDate", block.actual_start_date.as_ref());
            }
        }
    }
}
