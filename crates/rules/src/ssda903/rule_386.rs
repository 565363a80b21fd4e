//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is `E11` or `E12` (adopted) is of a child aged under
//! 18 on its `DEC`, by the child's `DOB` in the Header table. Episodes of children with no Header
//! row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! Only a child can be adopted; an adoption order cannot be made for a person of 18 or over.
//!
//! # DfE wording
//!
//! Reason episode ceased is adopted but child has reached age 18.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "386",
    message: "Reason episode ceased is adopted but child has reached age 18.",
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
        if matches!(row.get(table, "REC"), "E11" | "E12") && age >= 18 {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
