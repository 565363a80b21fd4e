//! # What it checks
//!
//! A child does not have a CIN plan and a child protection plan both open (neither with an end
//! date) at once. Both plans are reported.
//!
//! # Why
//!
//! A child protection plan replaces the child in need plan while it lasts; two open plans of both
//! kinds mean one was not closed.
//!
//! # DfE wording
//!
//! A CIN Plan cannot run concurrently with a Child Protection Plan

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4001",
    message: "A CIN Plan cannot run concurrently with a Child Protection Plan",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let open_cp: Vec<_> = all_cp_plans(child).filter(|p| date(p.start_date.as_ref()).is_some() && date(p.end_date.as_ref()).is_none()).collect();
    if open_cp.is_empty() {
        return;
    }
    let open_cin: Vec<_> = all_cin_plans(child).filter(|p| date(p.start_date.as_ref()).is_some() && date(p.end_date.as_ref()).is_none()).collect();
    if open_cin.is_empty() {
        return;
    }
    for p in open_cin {
        flag(out, RULE.code, child, CIN_PLAN_DATES, p.place, "CINPlanEndDate", p.end_date.as_ref());
    }
    for p in open_cp {
        flag(out, RULE.code, child, CP_PLANS, p.place, "CPPendDate", p.end_date.as_ref());
    }
}
