//! # What it checks
//!
//! An episode flagged `ReferralNFA` (1 or true) has no assessment and no Section 47 enquiry (CIN
//! plans and child protection plans are rules 4000 and 8832). The episode and each such block are
//! reported.
//!
//! # Why
//!
//! A referral with no further action is closed without assessment or enquiry; such activity means
//! the flag or the activity is wrong.
//!
//! # DfE wording
//!
//! Activity is recorded against a case marked as a referral with no further action

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8831",
    message: "Activity is recorded against a case marked as a referral with no further action",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if !is_true(ep.referral_nfa.as_ref()) || (ep.assessments.is_empty() && ep.section47.is_empty()) {
            continue;
        }
        flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReferralNFA", ep.referral_nfa.as_ref());
        for b in &ep.assessments {
            flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentActualStartDate", b.actual_start_date.as_ref());
        }
        for b in &ep.section47 {
            flag(out, RULE.code, child, SECTION47, b.place, "S47ActualStartDate", b.actual_start_date.as_ref());
        }
    }
}
