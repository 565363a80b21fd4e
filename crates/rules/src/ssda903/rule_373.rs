//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is `S1` (a residential school) is of a child aged 4
//! or over on its `DECOM`, by the child's `DOB` in the Header table. Episodes of children with no
//! Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! Children start school at 4 at the earliest; a younger child cannot be placed in a school.
//!
//! # DfE wording
//!
//! Child placed in a school should be at least 4 years old.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "373",
    message: "Child placed in a school should be at least 4 years old.",
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
        if row.get(table, "PLACE") == "S1" && age < 4 {
            out.push(finding(RULE.code, table, row, "DECOM"));
        }
    }
}
