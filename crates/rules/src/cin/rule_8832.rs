//! # What it checks
//!
//! An episode flagged `ReferralNFA` (1 or true) has no child protection plan. The episode and each
//! plan are reported.
//!
//! # Why
//!
//! A referral with no further action cannot lead to a child protection plan; the flag or the plan
//! is wrong.
//!
//! # DfE wording
//!
//! Child Protection details provided for a referral with no further action.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8832",
    message: "Child Protection details provided for a referral with no further action.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if !is_true(ep.referral_nfa.as_ref()) || (ep.child_protection_plans.is_empty()) {
            continue;
        }
        flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReferralNFA", ep.referral_nfa.as_ref());
        for b in &ep.child_protection_plans {
            flag(out, RULE.code, child, CP_PLANS, b.place, "CPPstartDate", b.start_date.as_ref());
        }
    }
}
