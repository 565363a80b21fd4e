//! # What it checks
//!
//! The `LAchildID` is at most 20 characters long.
//!
//! # Why
//!
//! The DfE's systems hold the LA child id in 20 characters; a longer id would be cut and could then
//! clash with another child's.
//!
//! # DfE wording
//!
//! LA Child ID must not be longer than 20 characters

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1570",
    message: "LA Child ID must not be longer than 20 characters",
    severity: Severity::Error,
    years: &[2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if let Some(id) = text(child.la_child_id.as_ref())
        && id.chars().count() > 20
    {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "LAchildID", child.la_child_id.as_ref());
    }
}
