//! # What it checks
//!
//! The `LAchildID` holds only the letters A to Z (either case) and the digits 0 to 9: no spaces,
//! hyphens, underscores or other signs.
//!
//! # Why
//!
//! Ids with punctuation are often two systems' ids glued together or typed by hand; the DfE matches
//! children across years on the id, so it must be plain.
//!
//! # DfE wording
//!
//! LA Child ID must not contain any non-alphanumeric characters

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1580",
    message: "LA Child ID must not contain any non-alphanumeric characters",
    severity: Severity::Error,
    years: &[2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if let Some(id) = text(child.la_child_id.as_ref())
        && !id.chars().all(|c| c.is_ascii_alphanumeric())
    {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "LAchildID", child.la_child_id.as_ref());
    }
}
