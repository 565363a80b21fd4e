//! # What it checks
//!
//! With the previous year's return given: each row of this year's PlacedAdoption table whose
//! `DATE_PLACED` is a date before 1 April is of a child with a row in last year's PlacedAdoption
//! table whose `DATE_PLACED` is filled in; otherwise it is reported (whether the two dates agree is
//! rule 560's). Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! A decision made before the year began was returned last year; without it there, one of the two
//! returns is wrong.
//!
//! # DfE wording
//!
//! Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "559",
    message: "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let last_year: HashSet<&str> = previous
        .rows(Table::PlacedAdoption)
        .iter()
        .filter(|r| !pa(r, "DATE_PLACED").is_empty())
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::PlacedAdoption) {
        if let Some(d) = date(pa(row, "DATE_PLACED"))
            && d < ctx.collection_start
            && !last_year.contains(row.child())
        {
            out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
        }
    }
}
