//! # What it checks
//!
//! Each row of the PlacedAdoption table whose `DATE_PLACED` and `DOB` are both dates has
//! `DATE_PLACED` on or after `DOB`. The table carries the child's date of birth itself; whether it
//! agrees with the Header's is rule INT12's. Values that are not dates are left to the rules on
//! each date.
//!
//! # Why
//!
//! A decision that a child should be placed for adoption is made about a child who has been born.
//!
//! # DfE wording
//!
//! Date of decision that a child should be placed for adoption is before the child was born.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "184",
    message: "Date of decision that a child should be placed for adoption is before the child was born.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        if let (Some(placed), Some(dob)) = (
            date(row.get(table, "DATE_PLACED")),
            date(row.get(table, "DOB")),
        ) && placed < dob
        {
            out.push(finding(RULE.code, table, row, "DATE_PLACED"));
        }
    }
}
