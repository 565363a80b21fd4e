//! # What it checks
//!
//! A child has at most one open episode (one with no `CINclosureDate`) that is not a referral with
//! no further action (`ReferralNFA` 1 or true). When there are two or more, each is reported.
//!
//! # Why
//!
//! A child is in one episode of need at a time; two open episodes are a duplicate or an episode
//! never closed.
//!
//! # DfE wording
//!
//! More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8815",
    message: "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let open: Vec<_> = child.cin_details.iter().filter(|ep| open_episode(ep)).collect();
    if open.len() > 1 {
        for ep in open {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
        }
    }
}
