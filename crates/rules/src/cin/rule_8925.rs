//! # What it checks
//!
//! A child protection plan's `CPPendDate`, when given, is on or after its `CPPstartDate`.
//!
//! # Why
//!
//! A plan cannot end before it starts; one of the dates is wrong.
//!
//! # DfE wording
//!
//! Child Protection Plan End Date earlier than Start Date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8925",
    message: "Child Protection Plan End Date earlier than Start Date",
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
        (Some(start), Some(end)) => end < start,
        _ => false,
    }
}
