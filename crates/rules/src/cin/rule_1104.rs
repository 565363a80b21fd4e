//! # What it checks
//!
//! A Section 47 enquiry's `DateOfInitialCPC` is on or after the `CINreferralDate` of its episode.
//!
//! # Why
//!
//! The initial child protection conference follows the enquiry, which follows the referral; a
//! conference before the referral means a wrong date.
//!
//! # DfE wording
//!
//! The date of the initial child protection conference cannot be before the referral date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1104",
    message: "The date of the initial child protection conference cannot be before the referral date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(referral) = date(ep.cin_referral_date.as_ref()) else {
            continue;
        };
        for s47 in &ep.section47 {
            if date(s47.date_of_initial_cpc.as_ref()).is_some_and(|d| d < referral) {
                flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
                flag(out, RULE.code, child, SECTION47, s47.place, "DateOfInitialCPC", s47.date_of_initial_cpc.as_ref());
            }
        }
    }
}
