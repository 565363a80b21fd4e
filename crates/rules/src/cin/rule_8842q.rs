//! # What it checks
//!
//! Every `CPPreviewDate` in a `Reviews` block holds a date (`YYYY-MM-DD`); an empty value or one
//! that is not a date is missing.
//!
//! # Why
//!
//! A review without its date cannot show whether the plan was reviewed on time.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: Review Record has a missing date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8842Q",
    message: "Please check and either amend or provide a reason: Review Record has a missing date",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for plan in &ep.child_protection_plans {
            for (place, dates) in &plan.reviews {
                for review in dates {
                    if date(Some(review)).is_none() {
                        flag(out, RULE.code, child, REVIEWS, *place, "CPPreviewDate", Some(review));
                    }
                }
            }
        }
    }
}
