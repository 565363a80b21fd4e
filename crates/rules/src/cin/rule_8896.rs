//! # What it checks
//!
//! An episode has at most one open assessment (one with no `AssessmentAuthorisationDate`). When it
//! has two or more, each open one is reported.
//!
//! # Why
//!
//! A child is assessed once at a time within an episode; two open assessments are usually one
//! assessment recorded twice, or an old one never completed.
//!
//! # DfE wording
//!
//! Within one CINDetails group there are 2 or more open Assessments groups

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8896",
    message: "Within one CINDetails group there are 2 or more open Assessments groups",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let open: Vec<_> = ep.assessments.iter().filter(|a| date(a.authorisation_date.as_ref()).is_none()).collect();
        if open.len() > 1 {
            for a in open {
                flag(out, RULE.code, child, ASSESSMENTS, a.place, "AssessmentAuthorisationDate", a.authorisation_date.as_ref());
            }
        }
    }
}
