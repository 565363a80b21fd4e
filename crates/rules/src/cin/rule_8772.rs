//! # What it checks
//!
//! A child whose `UPNunknown` is UN7 (referral with no further action) has no episode with
//! `ReferralNFA` 0 (or false). The child and each such episode are reported.
//!
//! # Why
//!
//! UN7 explains a missing UPN by the referral having gone no further; once a referral goes on to
//! further action, the UPN should be found.
//!
//! # DfE wording
//!
//! UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8772",
    message: "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if text(child.upn_unknown.as_ref()) != Some("UN7") {
        return;
    }
    let further: Vec<_> = child
        .cin_details
        .iter()
        .filter(|ep| matches!(text(ep.referral_nfa.as_ref()), Some("0" | "false")))
        .collect();
    if !further.is_empty() {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPNunknown", child.upn_unknown.as_ref());
        for ep in further {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReferralNFA", ep.referral_nfa.as_ref());
        }
    }
}
