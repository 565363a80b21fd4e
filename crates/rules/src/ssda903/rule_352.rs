//! # What it checks
//!
//! Each row of the Episodes table whose `RNE` is `S` (the child started to be looked after) is of a
//! child aged under 18 on its `DECOM`, by the child's `DOB` in the Header table. Episodes of
//! children with no Header row, or whose dates are not dates, are left to other rules.
//!
//! # Why
//!
//! Children stop being looked after at 18; a young person cannot start to be looked after at 18 or
//! over.
//!
//! # DfE wording
//!
//! Child who started to be looked after was aged 18 or over.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "352",
    message: "Child who started to be looked after was aged 18 or over.",
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
        if row.get(table, "RNE") == "S" && age >= 18 {
            out.push(finding(RULE.code, table, row, "DECOM"));
        }
    }
}
