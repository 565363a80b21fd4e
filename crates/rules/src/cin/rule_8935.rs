//! # What it checks
//!
//! A child has at most one open child protection plan, across all their episodes: one with no
//! `CPPendDate` that is a date (an end that is missing, empty or not a date). When there are two or
//! more, each is reported.
//!
//! # Why
//!
//! A child has one child protection plan at a time; two open plans are a duplicate or a plan never
//! closed.
//!
//! # DfE wording
//!
//! This child is showing more than one open Child Protection plan, i.e. with no End Date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8935",
    message: "This child is showing more than one open Child Protection plan, i.e. with no End Date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let open: Vec<_> = all_cp_plans(child).filter(|b| date(b.end_date.as_ref()).is_none()).collect();
    if open.len() > 1 {
        for b in open {
            flag(out, RULE.code, child, CP_PLANS, b.place, "CPPendDate", b.end_date.as_ref());
        }
    }
}
