//! # What it checks
//!
//! Each row of the OC3 table whose `ACCOM` is `T` (a Foyer or similar supported accommodation) is of
//! a young person aged 18 or over on 1 April, by the row's `DOB`.
//!
//! # Why
//!
//! Foyers house young people who have left care at 18 or over; a care leaver under 18 may not be
//! accommodated in one.
//!
//! # DfE wording
//!
//! Care leavers aged under 18 years, can not be accommodated in a Foyer.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "347",
    message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc3;
    for row in ret.current.rows(table) {
        if row.get(table, "ACCOM") == "T"
            && date(row.get(table, "DOB")).is_some_and(|dob| age(dob, ctx.collection_start) < 18)
        {
            out.push(finding(RULE.code, table, row, "ACCOM"));
        }
    }
}
