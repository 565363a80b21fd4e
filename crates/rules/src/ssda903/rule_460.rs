//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is `E17` (aged 18 or over and remained with current
//! carers) is of a young person aged 18 or over on its `DEC`, by the `DOB` in the Header table.
//! Episodes of children with no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! Staying put is for young people who have turned 18; a younger child cannot leave care that way.
//!
//! # DfE wording
//!
//! Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "460",
    message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
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
        if row.get(table, "REC") == "E17" && age < 18 {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
