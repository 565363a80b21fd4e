//! # What it checks
//!
//! Each row of the AD1 table is of a child with an episode in the Episodes table that ceased with
//! adoption (`REC` `E11` or `E12`) during the year (a `DEC` from 1 April to 31 March); otherwise it
//! is reported.
//!
//! # Why
//!
//! The AD1 table describes children adopted during the year; a row for a child whose episodes do
//! not show an adoption belongs to no adoption.
//!
//! # DfE wording
//!
//! The episode data submitted for this child does not show that he/she was adopted during the year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "602",
    message: "The episode data submitted for this child does not show that he/she was adopted during the year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let adopted_children: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .filter(|r| adopted_in_year(ctx, r))
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::Ad1) {
        if !adopted_children.contains(row.child()) {
            out.push(finding(RULE.code, Table::Ad1, row, "CHILD"));
        }
    }
}
