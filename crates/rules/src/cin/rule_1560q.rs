//! # What it checks
//!
//! A `FormerUPN`, when given, has the form of a UPN: 13 characters, a capital letter, eleven
//! digits, then a digit or a letter of the check alphabet (A to Z without I, O and S).
//!
//! # Why
//!
//! The former UPN links a child's records from before their UPN changed; a malformed one links
//! nothing.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: Former UPN wrongly formatted

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "1560Q",
    message: "Please check and either amend or provide a reason: Former UPN wrongly formatted",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(former) = text(child.former_upn.as_ref()) else {
        return;
    };
    let b = former.as_bytes();
    let formed = b.len() == 13
        && b[0].is_ascii_uppercase()
        && b[1..12].iter().all(u8::is_ascii_digit)
        && (b[12].is_ascii_digit() || UPN_ALPHABET.contains(&b[12]));
    if !formed {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "FormerUPN", child.former_upn.as_ref());
    }
}
