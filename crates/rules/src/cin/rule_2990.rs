//! # What it checks
//!
//! An episode closed with `ReasonForClosure` RC8 (closed after assessment, no further action) or
//! RC9 (closed after assessment, referred to early help) has no CIN plan, no Section 47 enquiry, no
//! child protection plan and no `DateOfInitialCPC`: only its assessment. The episode and each such
//! block are reported.
//!
//! # Why
//!
//! RC8 and RC9 say the case closed after its assessment; any later activity contradicts the reason
//! for closure.
//!
//! # DfE wording
//!
//! Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "2990",
    message: "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if !matches!(text(ep.reason_for_closure.as_ref()), Some("RC8" | "RC9")) {
            continue;
        }
        let icpc = date(ep.date_of_initial_cpc.as_ref()).is_some();
        if !icpc && ep.cin_plan_dates.is_empty() && ep.section47.is_empty() && ep.child_protection_plans.is_empty() {
            continue;
        }
        flag(out, RULE.code, child, CIN_DETAILS, ep.place, "DateOfInitialCPC", ep.date_of_initial_cpc.as_ref());
        for p in &ep.cin_plan_dates {
            flag(out, RULE.code, child, CIN_PLAN_DATES, p.place, "CINPlanStartDate", p.start_date.as_ref());
        }
        for s in &ep.section47 {
            flag(out, RULE.code, child, SECTION47, s.place, "S47ActualStartDate", s.actual_start_date.as_ref());
        }
        for p in &ep.child_protection_plans {
            flag(out, RULE.code, child, CP_PLANS, p.place, "CPPstartDate", p.start_date.as_ref());
        }
    }
}
