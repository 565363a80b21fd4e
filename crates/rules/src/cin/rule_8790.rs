//! # What it checks
//!
//! A child whose disabilities include `NONE` has no other disability code. Every `Disability` of
//! such a child is reported.
//!
//! # Why
//!
//! `NONE` says the child has no disability; with another code beside it the record contradicts
//! itself.
//!
//! # DfE wording
//!
//! Disability information includes both None and other values

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8790",
    message: "Disability information includes both None and other values",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let none = child.disabilities.iter().any(|(_, v)| v.text == "NONE");
    let other = child.disabilities.iter().any(|(_, v)| v.text != "NONE");
    if none && other {
        for (place, value) in &child.disabilities {
            flag(out, RULE.code, child, DISABILITIES, *place, "Disability", Some(value));
        }
    }
}
