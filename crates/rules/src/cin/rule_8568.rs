//! # What it checks
//!
//! Every episode has a `ReferralNFA` of `0` or `1` (or `false` or `true`, which the schema's
//! boolean also allows).
//!
//! # Why
//!
//! Whether a referral led to no further action decides which other rules apply to the episode and
//! whether it counts as a child in need.
//!
//! # DfE wording
//!
//! RNFA flag is missing or invalid

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8568",
    message: "RNFA flag is missing or invalid",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReferralNFA", ep.referral_nfa.as_ref());
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    !matches!(text(ep.referral_nfa.as_ref()), Some("0" | "1" | "true" | "false"))
}
