//! # What it checks
//!
//! With the previous year's return given: each row of this year's Header table whose `MC_DOB` (date
//! of birth of the first child) is a date agrees with the child's `MC_DOB` in last year's Header
//! table when that is a date too; otherwise it is reported. Without the previous year's return
//! nothing is checked.
//!
//! # Why
//!
//! The date of birth of a mother's first child does not change from one year to the next.
//!
//! # DfE wording
//!
//! Date of birth of the first child contradicts the date of birth of the first child previously recorded.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "624",
    message: "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let last_year = header_rows(previous);
    for row in ret.current.rows(Table::Header) {
        let before = last_year
            .get(row.child())
            .and_then(|h| date(h.get(Table::Header, "MC_DOB")));
        if let (Some(now), Some(before)) = (date(row.get(Table::Header, "MC_DOB")), before)
            && now != before
        {
            out.push(finding(RULE.code, Table::Header, row, "MC_DOB"));
        }
    }
}
