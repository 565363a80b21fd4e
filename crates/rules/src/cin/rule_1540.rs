//! # What it checks
//!
//! Characters 5 to 12 of a `UPN` are digits (a UPN too short to have them fails).
//!
//! # Why
//!
//! A UPN is a check letter, the three-digit LA number, a two-digit year and a serial number;
//! letters in the number part mean it is mistyped or not a UPN.
//!
//! # DfE wording
//!
//! UPN invalid (characters 5-12 not all numeric)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1540",
    message: "UPN invalid (characters 5-12 not all numeric)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(upn) = text(child.upn.as_ref()) else {
        return;
    };
    let middle = upn.as_bytes().get(4..12);
    if !middle.is_some_and(|m| m.iter().all(u8::is_ascii_digit)) {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPN", child.upn.as_ref());
    }
}
