//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is `R5` (young offender institution or prison) is
//! of a child aged 10 or over on its `DECOM`, by the child's `DOB` in the Header table. Episodes of
//! children with no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! The age of criminal responsibility is 10; a younger child cannot be in youth custody.
//!
//! # DfE wording
//!
//! Child in youth custody or prison should be at least 10.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "372",
    message: "Child in youth custody or prison should be at least 10.",
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
        if row.get(table, "PLACE") == "R5" && age < 10 {
            out.push(finding(RULE.code, table, row, "DECOM"));
        }
    }
}
