//! # What it checks
//!
//! An assessment whose factors include `21` (no factors identified) has no other factor. Every
//! factor of such an assessment is reported.
//!
//! # Why
//!
//! Code 21 says the assessment found no factors; with another factor beside it the record
//! contradicts itself.
//!
//! # DfE wording
//!
//! The assessment factors code “21” cannot be used in conjunction with any other assessment factors.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8869",
    message: "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for a in &ep.assessments {
            let none = a.factors.iter().any(|(_, f)| f.text == "21");
            let other = a.factors.iter().any(|(_, f)| f.text != "21");
            if none && other {
                for (place, f) in &a.factors {
                    flag(out, RULE.code, child, ASSESSMENT_FACTORS, *place, "AssessmentFactors", Some(f));
                }
            }
        }
    }
}
