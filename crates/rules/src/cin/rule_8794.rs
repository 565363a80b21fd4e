//! # What it checks
//!
//! No disability code appears twice for one child. Every `Disability` whose code the child has more
//! than once is reported.
//!
//! # Why
//!
//! Each disability is recorded once; a repeated code usually means a record was merged twice, and
//! it inflates counts of disabilities.
//!
//! # DfE wording
//!
//! Child has two or more disabilities with the same code

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8794",
    message: "Child has two or more disabilities with the same code",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for (place, value) in &child.disabilities {
        let same = child.disabilities.iter().filter(|(_, v)| v.text == value.text).count();
        if same > 1 {
            flag(out, RULE.code, child, DISABILITIES, *place, "Disability", Some(value));
        }
    }
}
