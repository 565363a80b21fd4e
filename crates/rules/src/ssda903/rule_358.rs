//! # What it checks
//!
//! Each row of the Episodes table whose `LS` is `J1`, `J2` or `J3` (remanded, or detained under the
//! Police and Criminal Evidence Act or sentenced) is of a child aged 10 or over on its `DECOM`, by
//! the child's `DOB` in the Header table; the episode and the child's Header row are reported.
//! Episodes of children with no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! The age of criminal responsibility is 10; a younger child cannot be remanded or detained.
//!
//! # DfE wording
//!
//! Child with this legal status should not be under 10.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "358",
    message: "Child with this legal status should not be under 10.",
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
        if matches!(row.get(table, "LS"), "J1" | "J2" | "J3") && age < 10 {
            out.push(finding(RULE.code, table, row, "DECOM"));
            out.push(finding(RULE.code, Table::Header, header, "DOB"));
        }
    }
}
