//! # What it checks
//!
//! A child protection plan's `CPPstartDate` is on or after the `CINreferralDate` of its episode.
//!
//! # Why
//!
//! A child protection plan is the outcome of the episode's enquiries and conference; it cannot
//! start before the referral that began the episode.
//!
//! # DfE wording
//!
//! The child protection plan start date cannot be before the referral date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1105",
    message: "The child protection plan start date cannot be before the referral date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(referral) = date(ep.cin_referral_date.as_ref()) else {
            continue;
        };
        for block in &ep.child_protection_plans {
            if date(block.start_date.as_ref()).is_some_and(|d| d < referral) {
                flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
                flag(out, RULE.code, child, CP_PLANS, block.place, "CPPstartDate", block.start_date.as_ref());
            }
        }
    }
}
