//! # What it checks
//!
//! Each row of the PlacedAdoption table has both `DATE_PLACED_CEASED` and `REASON_PLACED_CEASED`
//! filled in, or neither: a date of reversal without its reason, or a reason without its date, is
//! reported at the item left blank.
//!
//! # Why
//!
//! A reversed decision to place for adoption is counted by its date and its reason together; one
//! without the other cannot be counted.
//!
//! # DfE wording
//!
//! If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "119",
    message: "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        match (row.get(table, "DATE_PLACED_CEASED").is_empty(), row.get(table, "REASON_PLACED_CEASED").is_empty()) {
            (true, false) => out.push(finding(RULE.code, table, row, "DATE_PLACED_CEASED")),
            (false, true) => out.push(finding(RULE.code, table, row, "REASON_PLACED_CEASED")),
            _ => {}
        }
    }
}
