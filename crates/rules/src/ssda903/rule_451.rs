//! # What it checks
//!
//! 2023-24 only. No row of the Episodes table has `LS` `D1` (freed for adoption) with both `DEC`
//! and `REC` blank: an episode under a freeing order must have ended.
//!
//! # Why
//!
//! Freeing orders could not be applied for after 30 December 2005, when the Adoption and Children
//! Act 2002 replaced them with placement orders; a child still freed for adoption so many years on
//! is almost certainly a record whose legal status or end was not updated.
//!
//! # DfE wording
//!
//! Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "451",
    message: "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if row.get(table, "LS") == "D1"
            && row.get(table, "DEC").is_empty()
            && row.get(table, "REC").is_empty()
        {
            out.push(finding(RULE.code, table, row, "LS"));
        }
    }
}
