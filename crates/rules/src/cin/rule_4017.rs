//! # What it checks
//!
//! No child protection plan starts while a CIN plan of the child is running: on or after the CIN
//! plan's `CINPlanStartDate` and before its `CINPlanEndDate` (at any time after its start when it
//! has no end). The CIN plan and the child protection plan are reported.
//!
//! # Why
//!
//! When a child protection plan starts, the child in need plan it replaces should end, on that day
//! at the latest; one still running means it was not closed.
//!
//! # DfE wording
//!
//! A CIN Plan has been reported as open at the same time as a Child Protection Plan.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4017",
    message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let cps: Vec<_> = all_cp_plans(child).collect();
    for plan in all_cin_plans(child) {
        let Some(start) = date(plan.start_date.as_ref()) else {
            continue;
        };
        let end = date(plan.end_date.as_ref());
        for cp in &cps {
            let Some(cp_start) = date(cp.start_date.as_ref()) else {
                continue;
            };
            if start <= cp_start && end.is_none_or(|end| cp_start < end) {
                flag(out, RULE.code, child, CIN_PLAN_DATES, plan.place, "CINPlanStartDate", plan.start_date.as_ref());
                flag(out, RULE.code, child, CP_PLANS, cp.place, "CPPstartDate", cp.start_date.as_ref());
            }
        }
    }
}
