//! # What it checks
//!
//! With the previous year's return given: each row of this year's Header table with `MOTHER` `1`
//! and an `MC_DOB` (date of birth of the first child) before 1 April is not of a child whose
//! `MOTHER` was `0` in last year's Header table; one that is, is reported. Without the previous
//! year's return nothing is checked.
//!
//! # Why
//!
//! A first child born before this year was born by the time of last year's return, which said the
//! young woman was not a mother; one of the two years is wrong.
//!
//! # DfE wording
//!
//! Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "626",
    message: "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let last_year = header_rows(previous);
    for row in ret.current.rows(Table::Header) {
        let was_not = last_year
            .get(row.child())
            .is_some_and(|h| h.get(Table::Header, "MOTHER") == "0");
        if row.get(Table::Header, "MOTHER") == "1"
            && date(row.get(Table::Header, "MC_DOB")).is_some_and(|d| d < ctx.collection_start)
            && was_not
        {
            out.push(finding(RULE.code, Table::Header, row, "MOTHER"));
        }
    }
}
