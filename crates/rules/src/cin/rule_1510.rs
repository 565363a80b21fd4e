//! # What it checks
//!
//! A 13-character `UPN` whose characters 2 to 12 are digits and character 13 a digit or check-
//! alphabet letter starts with the right check letter: the sum of each of characters 2 to 13 times
//! its position (2 to 13), with a letter in character 13 counting as its place in the alphabet
//! `ABCDEFGHJKLMNPQRTUVWXYZ` (A is 0), taken modulo 23, names the letter in that alphabet. UPNs
//! malformed otherwise are left to rules 1540 and 1550.
//!
//! # Why
//!
//! The check letter catches mistyped UPNs; a UPN with the wrong one is not the child's and cannot
//! link the census to school records.
//!
//! # DfE wording
//!
//! UPN invalid (wrong check letter at character 1)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1510",
    message: "UPN invalid (wrong check letter at character 1)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(upn) = text(child.upn.as_ref()) else {
        return;
    };
    if let Some(expected) = upn_check_letter(upn)
        && upn.as_bytes()[0] != expected
    {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPN", child.upn.as_ref());
    }
}
