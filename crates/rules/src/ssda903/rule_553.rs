//! # What it checks
//!
//! Each row of the Episodes table under a placement order (`LS` `E1`) is of a child with a row in
//! the PlacedAdoption table whose `DATE_PLACED` (the decision that the child should be placed for
//! adoption) is filled in; otherwise the episode is reported.
//!
//! # Why
//!
//! A placement order authorises placing a child for adoption, so a decision that the child should
//! be placed for adoption was made before it.
//!
//! # DfE wording
//!
//! Placement order has been granted but there is no date of decision that the child should be placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "553",
    message: "Placement order has been granted but there is no date of decision that the child should be placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let decided: HashSet<&str> = ret
        .current
        .rows(Table::PlacedAdoption)
        .iter()
        .filter(|r| !pa(r, "DATE_PLACED").is_empty())
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::Episodes) {
        if ep(row, "LS") == "E1" && !decided.contains(row.child()) {
            out.push(finding(RULE.code, Table::Episodes, row, "LS"));
        }
    }
}
