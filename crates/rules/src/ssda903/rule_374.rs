//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is `P3` (residential employment) is of a child aged
//! 14 or over on its `DECOM`, by the child's `DOB` in the Header table. Episodes of children with
//! no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! Children may not be employed before 14; a younger child cannot be placed in residential
//! employment.
//!
//! # DfE wording
//!
//! Child in residential employment should be at least 14 years old.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "374",
    message: "Child in residential employment should be at least 14 years old.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let Some(header) = headers.get(row.child()) else {
            continue;
        };
        let (Some(dob), Some(on)) = (
            date(header.get(Table::Header, "DOB")),
            date(row.get(table, "DECOM")),
        ) else {
            continue;
        };
        let age = age(dob, on);
        if row.get(table, "PLACE") == "P3" && age < 14 {
            out.push(finding(RULE.code, table, row, "DECOM"));
        }
    }
}
