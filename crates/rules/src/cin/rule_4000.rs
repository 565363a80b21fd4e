//! # What it checks
//!
//! An episode flagged `ReferralNFA` (1 or true) has no CIN plan. The episode and each plan are
//! reported.
//!
//! # Why
//!
//! A referral with no further action leads to no plan; a CIN plan means the flag or the plan is
//! wrong.
//!
//! # DfE wording
//!
//! CIN Plan details provided for a referral with no further action

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4000",
    message: "CIN Plan details provided for a referral with no further action",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if !is_true(ep.referral_nfa.as_ref()) || (ep.cin_plan_dates.is_empty()) {
            continue;
        }
        flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReferralNFA", ep.referral_nfa.as_ref());
        for b in &ep.cin_plan_dates {
            flag(out, RULE.code, child, CIN_PLAN_DATES, b.place, "CINPlanStartDate", b.start_date.as_ref());
        }
    }
}
