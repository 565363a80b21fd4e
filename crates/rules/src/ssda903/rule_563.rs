//! # What it checks
//!
//! Each row of the PlacedAdoption table with `DATE_PLACED_CEASED` filled in (the decision to place
//! for adoption was reversed on that day) has a `DATE_PLACED` (the date of the decision) filled in.
//! A reason for the reversal without its date is rule 119's.
//!
//! # Why
//!
//! Only a decision that was made can be reversed; its date is needed to count how long children
//! wait.
//!
//! # DfE wording
//!
//! The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "563",
    message: "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        if row.get(table, "DATE_PLACED").is_empty()
            && !row.get(table, "DATE_PLACED_CEASED").is_empty()
        {
            out.push(finding(RULE.code, table, row, "DATE_PLACED"));
        }
    }
}
