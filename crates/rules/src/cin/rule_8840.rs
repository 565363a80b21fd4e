//! # What it checks
//!
//! No child protection plan's `CPPendDate` is the same day as its `CPPstartDate`.
//!
//! # Why
//!
//! A child protection plan that starts and ends on the same day protected no one; the dates are
//! wrong or the plan should not be recorded.
//!
//! # DfE wording
//!
//! Child Protection Plan cannot start and end on the same day

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8840",
    message: "Child Protection Plan cannot start and end on the same day",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.child_protection_plans {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CP_PLANS, b.place, "CPPstartDate", b.start_date.as_ref());
                flag(out, RULE.code, child, CP_PLANS, b.place, "CPPendDate", b.end_date.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCpPlan) -> bool {
    match (date(b.start_date.as_ref()), date(b.end_date.as_ref())) {
        (Some(start), Some(end)) => end == start,
        _ => false,
    }
}
