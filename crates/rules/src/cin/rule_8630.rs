//! # What it checks
//!
//! An episode's `CINclosureDate`, when given, is on or after its `CINreferralDate`.
//!
//! # Why
//!
//! An episode cannot close before it opens; one of the dates is wrong.
//!
//! # DfE wording
//!
//! CIN Closure Date is before CIN Referral Date for the same CIN episode

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8630",
    message: "CIN Closure Date is before CIN Referral Date for the same CIN episode",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    match (date(ep.cin_referral_date.as_ref()), date(ep.cin_closure_date.as_ref())) {
        (Some(referral), Some(closure)) => closure < referral,
        _ => false,
    }
}
