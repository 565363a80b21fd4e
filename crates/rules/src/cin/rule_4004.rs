//! # What it checks
//!
//! Within an episode there is at most one open CIN plan: one with no `CINPlanEndDate` that is a date
//! (an end that is missing, empty or not a date). When there are two or more, each is reported.
//! Plans are counted episode by episode, as the DfE validators count them.
//!
//! # Why
//!
//! A child has one child in need plan at a time; two open plans are a duplicate or a plan never
//! closed.
//!
//! # DfE wording
//!
//! This child is showing more than one open CIN Plan, i.e. with no End Date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "4004",
    message: "This child is showing more than one open CIN Plan, i.e. with no End Date",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let open: Vec<_> = ep
            .cin_plan_dates
            .iter()
            .filter(|b| date(b.end_date.as_ref()).is_none())
            .collect();
        if open.len() < 2 {
            continue;
        }
        for b in open {
            flag(out, RULE.code, child, CIN_PLAN_DATES, b.place, "CINPlanEndDate", b.end_date.as_ref());
        }
    }
}
