//! # What it checks
//!
//! An episode closed with `ReasonForClosure` RC8 or RC9 (closed after assessment) has an
//! assessment.
//!
//! # Why
//!
//! RC8 and RC9 say the case closed after its assessment; without an assessment the reason is wrong
//! or the assessment is missing.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8825Q",
    message: "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if matches!(text(ep.reason_for_closure.as_ref()), Some("RC8" | "RC9")) && ep.assessments.is_empty() {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReasonForClosure", ep.reason_for_closure.as_ref());
        }
    }
}
