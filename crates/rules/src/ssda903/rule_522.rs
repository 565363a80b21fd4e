//! # What it checks
//!
//! Each row of the PlacedAdoption table whose `DATE_PLACED` and `DATE_PLACED_CEASED` are both dates
//! has `DATE_PLACED` on or before `DATE_PLACED_CEASED`.
//!
//! # Why
//!
//! A decision can be reversed only after it was made; the other order is an error in one of the
//! dates.
//!
//! # DfE wording
//!
//! Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "522",
    message: "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        if let (Some(placed), Some(ceased)) = (
            date(row.get(table, "DATE_PLACED")),
            date(row.get(table, "DATE_PLACED_CEASED")),
        ) && placed > ceased
        {
            out.push(finding(RULE.code, table, row, "DATE_PLACED"));
        }
    }
}
