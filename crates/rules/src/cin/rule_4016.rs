//! # What it checks
//!
//! No CIN plan starts while a child protection plan of the child is running: on or after the child
//! protection plan's `CPPstartDate` and before its `CPPendDate` (at any time after its start when
//! it has no end). The CIN plan and the child protection plan are reported.
//!
//! # Why
//!
//! A child protection plan replaces a child in need plan while it lasts; a CIN plan that starts
//! during one means the dates are wrong or one of the plans was not closed.
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
    code: "4016",
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
        for cp in &cps {
            let Some(cp_start) = date(cp.start_date.as_ref()) else {
                continue;
            };
            let cp_end = date(cp.end_date.as_ref());
            if cp_start <= start && cp_end.is_none_or(|end| start < end) {
                flag(out, RULE.code, child, CIN_PLAN_DATES, plan.place, "CINPlanStartDate", plan.start_date.as_ref());
                flag(out, RULE.code, child, CP_PLANS, cp.place, "CPPstartDate", cp.start_date.as_ref());
            }
        }
    }
}
