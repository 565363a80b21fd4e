//! # What it checks
//!
//! Each row of the Header table whose `MOTHER` is `1` is of a child aged 11 or over on 1 April, the
//! first day of the collection year (by `DOB`). A `DOB` that is not a date is left to the rules on
//! dates of birth.
//!
//! # Why
//!
//! A child under 11 recorded as a mother is almost certainly an error in the mother item or the
//! date of birth.
//!
//! # DfE wording
//!
//! Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "620",
    message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if row.get(table, "MOTHER") == "1"
            && let Some(dob) = date(row.get(table, "DOB"))
            && age(dob, ctx.collection_start) < 11
        {
            out.push(finding(RULE.code, table, row, "DOB"));
        }
    }
}
