//! # What it checks
//!
//! Every episode has a `CINreferralDate` that is a date on or before the census reference date (31
//! March).
//!
//! # Why
//!
//! The referral date starts the episode; without it the episode cannot be placed in time, and a
//! referral after the census year belongs to next year's return.
//!
//! # DfE wording
//!
//! Child referral date missing or after data collection period

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8600",
    message: "Child referral date missing or after data collection period",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    date(ep.cin_referral_date.as_ref()).is_none_or(|d| d > ctx.reference_date)
}
