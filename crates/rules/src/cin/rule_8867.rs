//! # What it checks
//!
//! In an episode with a `CINclosureDate`, every assessment has an `AssessmentAuthorisationDate`.
//! The episode and each open assessment are reported.
//!
//! # Why
//!
//! An episode closes when the work is done; an assessment still open in a closed episode was
//! completed without its date or left behind.
//!
//! # DfE wording
//!
//! CIN episode is shown as closed, however Assessment is not shown as completed

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8867",
    message: "CIN episode is shown as closed, however Assessment is not shown as completed",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if date(ep.cin_closure_date.as_ref()).is_none() {
            continue;
        }
        let open: Vec<_> = ep.assessments.iter().filter(|a| date(a.authorisation_date.as_ref()).is_none()).collect();
        if !open.is_empty() {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
            for a in open {
                flag(out, RULE.code, child, ASSESSMENTS, a.place, "AssessmentAuthorisationDate", a.authorisation_date.as_ref());
            }
        }
    }
}
