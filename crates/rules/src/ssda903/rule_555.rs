//! # What it checks
//!
//! 2023-24 only. A child with an episode of legal status `D1` (freeing order granted) in the
//! Episodes table has a row in the PlacedAdoption table (a decision that they should be placed
//! for adoption); each `D1` episode of a child without one is reported, at `LS`. And while the
//! `D1` episode is open (no `DEC`), that decision has not ended: each of the child's
//! PlacedAdoption rows with a `DATE_PLACED_CEASED` or a `REASON_PLACED_CEASED` is reported, at
//! `DATE_PLACED_CEASED`.
//!
//! # Why
//!
//! A freeing order is granted only after the decision that the child should be placed for
//! adoption, and it stands on that decision while it lasts.
//!
//! # DfE wording
//!
//! Freeing order has been granted but there is no date of decision that the child should be placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "555",
    message: "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let with_decision: HashSet<&str> = ret
        .current
        .rows(Table::PlacedAdoption)
        .iter()
        .map(|r| r.child())
        .collect();
    let mut open_d1: HashSet<&str> = HashSet::new();
    for row in ret.current.rows(Table::Episodes) {
        if ep(row, "LS") != "D1" {
            continue;
        }
        if !with_decision.contains(row.child()) {
            out.push(finding(RULE.code, Table::Episodes, row, "LS"));
        }
        if ep(row, "DEC").is_empty() {
            open_d1.insert(row.child());
        }
    }
    for row in ret.current.rows(Table::PlacedAdoption) {
        if open_d1.contains(row.child()) && decision_ended(row) {
            out.push(finding(
                RULE.code,
                Table::PlacedAdoption,
                row,
                "DATE_PLACED_CEASED",
            ));
        }
    }
}
