//! # What it checks
//!
//! An episode whose `ReferralNFA` is `0` (or `false`) has a `PrimaryNeedCode`.
//!
//! # Why
//!
//! A referral that goes on to further action makes the child a child in need, and the primary need
//! says why.
//!
//! # DfE wording
//!
//! Primary Need code is missing for a referral which led to further action.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8610",
    message: "Primary Need code is missing for a referral which led to further action.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "PrimaryNeedCode", ep.primary_need_code.as_ref());
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    matches!(text(ep.referral_nfa.as_ref()), Some("0" | "false")) && text(ep.primary_need_code.as_ref()).is_none()
}
