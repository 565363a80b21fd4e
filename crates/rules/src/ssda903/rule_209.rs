//! # What it checks
//!
//! Each row of the Header table whose `UPN` is `UN1` (child not of school age) is of a child who was
//! under 4 on 31 August before the collection year (31 August 2024 for 2025-26), by `DOB`. A `DOB`
//! that is not a date is left to the rules on it.
//!
//! # Why
//!
//! A child who was 4 by that 31 August has been of school age, so has, or should be given, a pupil
//! number; `UN1` cannot describe them.
//!
//! # DfE wording
//!
//! Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "209",
    message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Ok(reference) = model::Date::new(ctx.collection_start.year() - 1, 8, 31) else {
        return;
    };
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if row.get(table, "UPN") == "UN1"
            && date(row.get(table, "DOB")).is_some_and(|dob| birthday(dob, 4) <= reference)
        {
            out.push(finding(RULE.code, table, row, "UPN"));
        }
    }
}
