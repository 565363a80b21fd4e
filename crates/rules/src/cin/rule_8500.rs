//! # What it checks
//!
//! Every child has an `LAchildID`: the element is present and not empty.
//!
//! # Why
//!
//! The LA child id is the key that ties a child's records together across the census and from
//! one year's census to the next; a child without one cannot be counted or followed.
//!
//! # DfE wording
//!
//! LA Child ID missing

use super::common::{CHILD_IDENTIFIERS, Ctx, finding, text};
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8500",
    message: "LA Child ID missing",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if text(child.la_child_id.as_ref()).is_none() {
        out.push(finding(
            RULE.code,
            child,
            CHILD_IDENTIFIERS,
            child.place,
            "LAchildID",
            child.la_child_id.as_ref(),
        ));
    }
}
