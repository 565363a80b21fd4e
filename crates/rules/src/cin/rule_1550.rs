//! # What it checks
//!
//! Character 13 of a `UPN` is a digit, or a letter of the check alphabet `ABCDEFGHJKLMNPQRTUVWXYZ`
//! (a temporary UPN). Only 13-character UPNs are checked: the schema's pattern reports other
//! lengths.
//!
//! # Why
//!
//! Only those characters can end a UPN; anything else means it is mistyped or not a UPN.
//!
//! # DfE wording
//!
//! UPN invalid (character 13 not a recognised value)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1550",
    message: "UPN invalid (character 13 not a recognised value)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(upn) = text(child.upn.as_ref()) else {
        return;
    };
    // A UPN of another length is the schema's to report (its pattern is 13 characters).
    let &[.., last] = upn.as_bytes() else {
        return;
    };
    if upn.len() == 13 && !(last.is_ascii_digit() || UPN_ALPHABET.contains(&last)) {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPN", child.upn.as_ref());
    }
}
