//! # What it checks
//!
//! A child protection plan's `CPPendDate`, when given, is within the census year (1 April to 31
//! March).
//!
//! # Why
//!
//! A plan that ended before the census year should not be reported as ending in it, and an end
//! after the year has not happened yet.
//!
//! # DfE wording
//!
//! Child Protection Plan End Date must fall within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8930",
    message: "Child Protection Plan End Date must fall within the census year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.child_protection_plans {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CP_PLANS, b.place, "CPPendDate", b.end_date.as_ref());
            }
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCpPlan) -> bool {
    date(b.end_date.as_ref()).is_some_and(|d| !ctx.in_year(d))
}
