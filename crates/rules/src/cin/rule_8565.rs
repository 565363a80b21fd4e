//! # What it checks
//!
//! No date of an episode's activity is after its `CINclosureDate`: assessment start and
//! authorisation, CIN plan start and end, Section 47 start and conference, child protection plan
//! start and end, review dates, and the episode's own conference date. Each block with such a date
//! is reported.
//!
//! The child (for dates of death) or the episode (for closure) is reported with the block.
//!
//! # Why
//!
//! Work on a case ends when it closes; a later date means the closure date is wrong or the activity
//! belongs to another episode.
//!
//! # DfE wording
//!
//! Activity shown after a case has been closed

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8565",
    message: "Activity shown after a case has been closed",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(closed) = date(ep.cin_closure_date.as_ref()) else {
            continue;
        };
        let after = |v: Option<&formats::cin::raw::RawValue>| date(v).is_some_and(|d| d > closed);
        let before = out.len();
        if after(ep.date_of_initial_cpc.as_ref()) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "DateOfInitialCPC", ep.date_of_initial_cpc.as_ref());
        }
        for a in &ep.assessments {
            for (field, v) in [("AssessmentActualStartDate", &a.actual_start_date), ("AssessmentAuthorisationDate", &a.authorisation_date)] {
                if after(v.as_ref()) {
                    flag(out, RULE.code, child, ASSESSMENTS, a.place, field, v.as_ref());
                }
            }
        }
        for p in &ep.cin_plan_dates {
            for (field, v) in [("CINPlanStartDate", &p.start_date), ("CINPlanEndDate", &p.end_date)] {
                if after(v.as_ref()) {
                    flag(out, RULE.code, child, CIN_PLAN_DATES, p.place, field, v.as_ref());
                }
            }
        }
        for s in &ep.section47 {
            for (field, v) in [("S47ActualStartDate", &s.actual_start_date), ("DateOfInitialCPC", &s.date_of_initial_cpc)] {
                if after(v.as_ref()) {
                    flag(out, RULE.code, child, SECTION47, s.place, field, v.as_ref());
                }
            }
        }
        for p in &ep.child_protection_plans {
            for (field, v) in [("CPPstartDate", &p.start_date), ("CPPendDate", &p.end_date)] {
                if after(v.as_ref()) {
                    flag(out, RULE.code, child, CP_PLANS, p.place, field, v.as_ref());
                }
            }
            for (place, dates) in &p.reviews {
                for r in dates {
                    if after(Some(r)) {
                        flag(out, RULE.code, child, REVIEWS, *place, "CPPreviewDate", Some(r));
                    }
                }
            }
        }
        if out.len() > before {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
        }
    }
}
