//! # What it checks
//!
//! No CIN plan's `CINPlanEndDate` is the same day as its `CINPlanStartDate`.
//!
//! # Why
//!
//! A child in need plan is a plan of work over time; one that starts and ends on the same day is
//! most likely a recording error.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCinPlanDates};

pub(crate) const RULE: Rule = Rule {
    code: "4012Q",
    message: "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
    severity: Severity::Query,
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
        (Some(start), Some(end)) => end == start,
        _ => false,
    }
}
