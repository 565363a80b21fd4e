//! # What it checks
//!
//! No row of the Episodes table has `LS` `E1` (placement order) with a `DECOM` that is a date
//! before 1 December 2005. A `DECOM` that is not a date is left to rule 141.
//!
//! # Why
//!
//! Placement orders were introduced by the Adoption and Children Act 2002, in force from
//! 30 December 2005; `E1` cannot describe an episode that began before December 2005.
//!
//! # DfE wording
//!
//! E1 is not a valid code for episodes starting before December 2005.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "446",
    message: "E1 is not a valid code for episodes starting before December 2005.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let ls = row.get(table, "LS");
        if ls == "E1"
            && date(row.get(table, "DECOM")).is_some_and(|d| d < jiff::civil::date(2005, 12, 1))
        {
            out.push(finding(RULE.code, table, row, "LS"));
        }
    }
}
