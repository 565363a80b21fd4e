//! # What it checks
//!
//! No assessment factor is `19A`, the code retired in 2024-25; `19B` or `19C` say who the abuse is
//! by.
//!
//! # Why
//!
//! From 2024-25 the DfE records whether abuse is by another child or by an adult, so `19A` no
//! longer says enough.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8950Q",
    message: "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    severity: Severity::Query,
    years: &[2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for a in &ep.assessments {
            for (place, f) in &a.factors {
                if f.text == "19A" {
                    flag(out, RULE.code, child, ASSESSMENT_FACTORS, *place, "AssessmentFactors", Some(f));
                }
            }
        }
    }
}
