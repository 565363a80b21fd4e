//! # What it checks
//!
//! Every child has at least one `CINdetails` episode.
//!
//! # Why
//!
//! The census is a return of episodes of need; a child with none should not be in it.
//!
//! # DfE wording
//!
//! Child does not have a recorded CIN episode.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8590",
    message: "Child does not have a recorded CIN episode.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if child.cin_details.is_empty() {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "LAchildID", child.la_child_id.as_ref());
    }
}
