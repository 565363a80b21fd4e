//! # What it checks
//!
//! Each row of the Missing table whose `DOB` is a date has neither `MIS_START` nor `MIS_END` (when
//! they are dates) before it.
//!
//! # Why
//!
//! A child cannot go missing before being born; such a date is a typing error in one of the dates.
//!
//! # DfE wording
//!
//! Dates of missing periods are before child’s date of birth.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "586",
    message: "Dates of missing periods are before child’s date of birth.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Missing;
    for row in ret.current.rows(table) {
        let Some(dob) = date(row.get(table, "DOB")) else {
            continue;
        };
        for field in ["MIS_START", "MIS_END"] {
            if date(row.get(table, field)).is_some_and(|d| d < dob) {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
