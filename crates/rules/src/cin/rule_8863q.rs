//! # What it checks
//!
//! Within an episode, no assessment starts while another is ongoing: on or after the other's start and on
//! or before its `AssessmentAuthorisationDate`, or at any time after its start when it has none.
//! Both the assessment that starts during the other and the other are reported.
//!
//! # Why
//!
//! A child has one assessment at a time within an episode; a second one starting during the first
//! is a duplicate or a recording error.
//!
//! # DfE wording
//!
//! An Assessment is shown as starting when there is another Assessment ongoing.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8863Q",
    message: "An Assessment is shown as starting when there is another Assessment ongoing.",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let mut hit = vec![false; ep.assessments.len()];
        for (i, a) in ep.assessments.iter().enumerate() {
            let Some(start) = date(a.actual_start_date.as_ref()) else {
                continue;
            };
            let during: Vec<usize> = ep.assessments.iter().enumerate().filter(|&(j, b)| {
                let Some(b_start) = date(b.actual_start_date.as_ref()) else {
                    return false;
                };
                let b_end = date(b.authorisation_date.as_ref());
                j != i && b_start <= start && b_end.is_none_or(|end| start <= end)
            }).map(|(j, _)| j).collect();
            if !during.is_empty() {
                hit[i] = true;
                for j in during {
                    hit[j] = true;
                }
            }
        }
        for (a, hit) in ep.assessments.iter().zip(hit) {
            if hit {
                flag(out, RULE.code, child, ASSESSMENTS, a.place, "AssessmentActualStartDate", a.actual_start_date.as_ref());
            }
        }
    }
}
