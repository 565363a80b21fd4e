//! # What it checks
//!
//! An episode with a Section 47 enquiry has an assessment. Each Section 47 enquiry of an episode
//! without one is reported.
//!
//! # Why
//!
//! A Section 47 enquiry is usually accompanied by an assessment of the child's needs; an enquiry
//! alone suggests the assessment was not recorded.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "2991Q",
    message: "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if ep.assessments.is_empty() {
            for s in &ep.section47 {
                flag(out, RULE.code, child, SECTION47, s.place, "S47ActualStartDate", s.actual_start_date.as_ref());
            }
        }
    }
}
