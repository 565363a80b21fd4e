//! # What it checks
//!
//! Every `CPPreviewDate` of a child protection plan is after the plan's `CPPstartDate`. All review
//! dates are checked, not only the first of a `Reviews` block.
//!
//! # Why
//!
//! A review looks back on a plan that has been running; a review on or before the day the plan
//! started means one of the dates is wrong.
//!
//! # DfE wording
//!
//! The review date cannot be on the same day or before the Child protection Plan start date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8841",
    message: "The review date cannot be on the same day or before the Child protection Plan start date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for plan in &ep.child_protection_plans {
            let Some(start) = date(plan.start_date.as_ref()) else {
                continue;
            };
            for (place, dates) in &plan.reviews {
                for review in dates {
                    if date(Some(review)).is_some_and(|d| d <= start) {
                        flag(out, RULE.code, child, CP_PLANS, plan.place, "CPPstartDate", plan.start_date.as_ref());
                        flag(out, RULE.code, child, REVIEWS, *place, "CPPreviewDate", Some(review));
                    }
                }
            }
        }
    }
}
