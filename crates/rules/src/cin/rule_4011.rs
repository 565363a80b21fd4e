//! # What it checks
//!
//! A CIN plan's `CINPlanEndDate`, when given, is on or after its `CINPlanStartDate`.
//!
//! # Why
//!
//! A plan cannot end before it starts; one of the dates is wrong.
//!
//! # DfE wording
//!
//! CIN Plan End Date earlier than Start Date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCinPlanDates};

pub(crate) const RULE: Rule = Rule {
    code: "4011",
    message: "CIN Plan End Date earlier than Start Date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.cin_plan_dates {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CIN_PLAN_DATES, b.place, "CINPlanStartDate", b.start_date.as_ref());
                flag(out, RULE.code, child, CIN_PLAN_DATES, b.place, "CINPlanEndDate", b.end_date.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCinPlanDates) -> bool {
    match (date(b.start_date.as_ref()), date(b.end_date.as_ref())) {
        (Some(start), Some(end)) => end < start,
        _ => false,
    }
}
