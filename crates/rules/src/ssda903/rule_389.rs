//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is `E7` (transferred to residential care funded by
//! adult social care) is of a child aged 16 or over on its `DEC`, by the child's `DOB` in the
//! Header table. Episodes of children with no Header row, or whose dates are not dates, are left to
//! other rules.
//!
//! # Why
//!
//! Adult social care takes over care from 16 at the earliest; a younger child cannot leave care for
//! it.
//!
//! # DfE wording
//!
//! Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "389",
    message: "Reason episode ceased is that child transferred to care of adult social care services, but child is aged under 16.",
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
        if row.get(table, "REC") == "E7" && age < 16 {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
