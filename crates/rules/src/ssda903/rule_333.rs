//! # What it checks
//!
//! Each row of the AD1 table with both `DATE_INT` (the date of the decision that the child should
//! be placed for adoption) and `DATE_MATCH` (the date the child was matched with the adopters) as
//! dates has `DATE_INT` on or before `DATE_MATCH`.
//!
//! # Why
//!
//! A child is matched with adopters only after the decision that adoption is the plan; the other
//! order is an error in one of the dates.
//!
//! # DfE wording
//!
//! Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "333",
    message: "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        if let (Some(int), Some(matched)) = (
            date(row.get(table, "DATE_INT")),
            date(row.get(table, "DATE_MATCH")),
        ) && int > matched
        {
            out.push(finding(RULE.code, table, row, "DATE_INT"));
        }
    }
}
