//! # What it checks
//!
//! 2023-24 only. No row of the Episodes table has `LS` `D1` (freed for adoption) and a `DECOM`
//! after 31 December 2005. An episode whose `DECOM` is blank or not a date is left to the rules on
//! `DECOM`.
//!
//! # Why
//!
//! Freeing orders were abolished by the Adoption and Children Act 2002, in force from
//! 30 December 2005: no episode that began after that can be under one.
//!
//! # DfE wording
//!
//! D1 is not a valid code for episodes starting after December 2005.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "445",
    message: "D1 is not a valid code for episodes starting after December 2005.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

/// 31 December 2005, the last day an episode could begin under a freeing order.
const LAST_DAY: Date = Date::constant(2005, 12, 31);

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if row.get(table, "LS") == "D1" && date(row.get(table, "DECOM")).is_some_and(|d| d > LAST_DAY)
        {
            out.push(finding(RULE.code, table, row, "LS"));
        }
    }
}
