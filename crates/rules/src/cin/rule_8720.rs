//! # What it checks
//!
//! Every child protection plan has a `CPPstartDate` that is a date on or before the census
//! reference date (31 March).
//!
//! # Why
//!
//! A plan without a start date cannot be placed in time, and one starting after the census year
//! belongs to next year's return.
//!
//! # DfE wording
//!
//! Child Protection Plan Start Date missing or out of data collection period

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8720",
    message: "Child Protection Plan Start Date missing or out of data collection period",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.child_protection_plans {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CP_PLANS, b.place, "CPPstartDate", b.start_date.as_ref());
            }
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCpPlan) -> bool {
    date(b.start_date.as_ref()).is_none_or(|d| d > ctx.reference_date)
}
