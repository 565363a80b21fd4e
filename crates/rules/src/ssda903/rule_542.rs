//! # What it checks
//!
//! Each row of the OC2 table of a child aged under 10 on 31 March, the last day of the collection
//! year (by the `DOB` of the row), has a blank `CONVICTED`. A row whose `DOB` is not a date is left
//! to the rules on dates of birth.
//!
//! # Why
//!
//! The age of criminal responsibility is 10; the conviction item is asked only of older children.
//!
//! # DfE wording
//!
//! A child aged under 10 at 31 March should not have conviction information completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "542",
    message: "A child aged under 10 at 31 March should not have conviction information completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if let Some(dob) = date(row.get(table, "DOB"))
            && age(dob, ctx.collection_end) < 10
            && !row.get(table, "CONVICTED").is_empty()
        {
            out.push(finding(RULE.code, table, row, "CONVICTED"));
        }
    }
}
