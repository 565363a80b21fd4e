//! # What it checks
//!
//! No factor code appears twice in one assessment. Every factor whose code the assessment has more
//! than once is reported.
//!
//! # Why
//!
//! Each factor is recorded once per assessment; a repeated code inflates the counts of factors that
//! the national statistics publish.
//!
//! # DfE wording
//!
//!  The assessment has more than one parental or child factors with the same code

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8898",
    message: " The assessment has more than one parental or child factors with the same code",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for a in &ep.assessments {
            for (place, f) in &a.factors {
                if a.factors.iter().filter(|(_, g)| g.text == f.text).count() > 1 {
                    flag(out, RULE.code, child, ASSESSMENT_FACTORS, *place, "AssessmentFactors", Some(f));
                }
            }
        }
    }
}
