//! # What it checks
//!
//! Each row of the Header table whose `UPN` is filled in holds either a UPN as the DfE writes it,
//! 13 characters: a capital letter, eleven digits, then a digit or a capital letter (a temporary
//! UPN); or one of the codes for a UPN not known, `UN1` to `UN5`. A blank `UPN` is left to rule
//! 442.
//!
//! # Why
//!
//! The UPN links a child looked after to the school census, which gives the national figures on
//! looked-after children's education; a value that cannot be a UPN links nothing.
//!
//! # DfE wording
//!
//! Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "168",
    message: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "UPN", |v| {
        !v.is_empty() && !matches!(v, "UN1" | "UN2" | "UN3" | "UN4" | "UN5") && !upn_shaped(v)
    });
}

/// 13 characters: a capital letter, eleven digits, and a digit or a capital letter.
fn upn_shaped(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 13
        && b[0].is_ascii_uppercase()
        && b[1..12].iter().all(u8::is_ascii_digit)
        && (b[12].is_ascii_digit() || b[12].is_ascii_uppercase())
}
