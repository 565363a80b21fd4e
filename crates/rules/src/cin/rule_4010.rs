//! # What it checks
//!
//! Every CIN plan has a `CINPlanStartDate` that is a date on or before the census reference date
//! (31 March).
//!
//! # Why
//!
//! A plan without a start date cannot be placed in time, and one starting after the census year
//! belongs to next year's return.
//!
//! # DfE wording
//!
//! CIN Plan start date is missing or out of data collection period

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCinPlanDates};

pub(crate) const RULE: Rule = Rule {
    code: "4010",
    message: "CIN Plan start date is missing or out of data collection period",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.cin_plan_dates {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CIN_PLAN_DATES, b.place, "CINPlanStartDate", b.start_date.as_ref());
            }
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCinPlanDates) -> bool {
    date(b.start_date.as_ref()).is_none_or(|d| d > ctx.reference_date)
}
