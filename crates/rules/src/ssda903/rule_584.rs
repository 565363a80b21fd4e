//! # What it checks
//!
//! With the previous year's return given: for each row of last year's PlacedAdoption table whose
//! `DATE_PLACED` and `DATE_PLACED_CEASED` are dates (a decision that ended), each row of the same
//! child in this year's PlacedAdoption table whose `DATE_PLACED` is a date other than that one is a
//! new decision, made on or after the day the old one ceased; one dated before is reported. Without
//! the previous year's return nothing is checked.
//!
//! # Why
//!
//! After a decision to place a child for adoption ends, only a new decision can follow it, and a
//! new decision is made after the old one ended.
//!
//! # DfE wording
//!
//! Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "584",
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let ended = rows_by_child(previous, Table::PlacedAdoption);
    for row in ret.current.rows(Table::PlacedAdoption) {
        let Some(d) = date(pa(row, "DATE_PLACED")) else {
            continue;
        };
        let before_end = ended.get(row.child()).into_iter().flatten().any(|last| {
            match (
                date(pa(last, "DATE_PLACED")),
                date(pa(last, "DATE_PLACED_CEASED")),
            ) {
                (Some(placed), Some(ceased)) => d != placed && d < ceased,
                _ => false,
            }
        });
        if before_end {
            out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
        }
    }
}
