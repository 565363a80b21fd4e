//! # What it checks
//!
//! Each row of the Header table whose `MC_DOB` (the date of birth of the mother's first child) and
//! `DOB` are dates has `MC_DOB` on or after `DOB`.
//!
//! # Why
//!
//! A mother is born before her child; the other order is an error in one of the dates.
//!
//! # DfE wording
//!
//! Mother’s field has been completed but date of birth shows that the mother is younger than her child.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "621",
    message: "Mother’s field has been completed but date of birth shows that the mother is younger than her child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if let (Some(dob), Some(child)) = (date(row.get(table, "DOB")), date(row.get(table, "MC_DOB")))
            && child < dob
        {
            out.push(finding(RULE.code, table, row, "MC_DOB"));
        }
    }
}
