//! # What it checks
//!
//! No child protection plan review (`CPPreviewDate`) falls while a CIN plan of the child is
//! running: after its `CINPlanStartDate` and before its `CINPlanEndDate`, or at any time after its
//! start when it has no end. A review on the day the
//! child protection plan ends (the review that ended it) is not counted. The CIN plan, the child
//! protection plan and the review are reported.
//!
//! # Why
//!
//! Reviews belong to a child protection plan, which replaces the child in need plan; a review while
//! a CIN plan runs means the CIN plan was not closed or a date is wrong.
//!
//! # DfE wording
//!
//! A CPP review date is shown as being held at the same time as an open CIN Plan.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4003",
    message: "A CPP review date is shown as being held at the same time as an open CIN Plan.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let cin: Vec<_> = all_cin_plans(child).collect();
    for cp in all_cp_plans(child) {
        for (place, dates) in &cp.reviews {
            for review in dates {
                // The review held on the day the plan ends is the one that ended it.
                let Some(day) = date(Some(review)).filter(|&d| Some(d) != date(cp.end_date.as_ref())) else {
                    continue;
                };
                for plan in &cin {
                    let Some(start) = date(plan.start_date.as_ref()) else {
                        continue;
                    };
                    let end = date(plan.end_date.as_ref());
                    if start < day && end.is_none_or(|end| day < end) {
                        flag(out, RULE.code, child, CIN_PLAN_DATES, plan.place, "CINPlanStartDate", plan.start_date.as_ref());
                        flag(out, RULE.code, child, CP_PLANS, cp.place, "CPPendDate", cp.end_date.as_ref());
                        flag(out, RULE.code, child, REVIEWS, *place, "CPPreviewDate", Some(review));
                    }
                }
            }
        }
    }
}
