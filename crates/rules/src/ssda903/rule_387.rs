//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is `E5` or `E6` (moved into independent living) is of
//! a child aged 14 or over on its `DEC`, by the child's `DOB` in the Header table. Episodes of
//! children with no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! A child under 14 cannot be living independently; the reason or a date is wrong.
//!
//! # DfE wording
//!
//! Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "387",
    message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
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
            date(row.get(table, "DEC")),
        ) else {
            continue;
        };
        let age = age(dob, on);
        if matches!(row.get(table, "REC"), "E5" | "E6") && age < 14 {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
