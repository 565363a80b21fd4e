//! # What it checks
//!
//! A CIN plan's `CINPlanEndDate`, when given, is within the census year (1 April to 31 March).
//!
//! # Why
//!
//! A plan that ended before the census year should not be reported as ending in it, and an end
//! after the year has not happened yet.
//!
//! # DfE wording
//!
//! CIN Plan end date must fall within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCinPlanDates};

pub(crate) const RULE: Rule = Rule {
    code: "4013",
    message: "CIN Plan end date must fall within the census year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.cin_plan_dates {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CIN_PLAN_DATES, b.place, "CINPlanEndDate", b.end_date.as_ref());
            }
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCinPlanDates) -> bool {
    date(b.end_date.as_ref()).is_some_and(|d| !ctx.in_year(d))
}
