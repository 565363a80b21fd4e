//! # What it checks
//!
//! Each row of the Missing table with `MISSING` filled in (the child was missing, `M`, or away
//! without authorisation, `A`) has `MIS_START` filled in.
//!
//! # Why
//!
//! Missing and away episodes are counted by when they started; the start date is needed for every
//! one.
//!
//! # DfE wording
//!
//! Child was missing or away from placement without authorisation and the date started is blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "564",
    message: "Child was missing or away from placement without authorisation and the date started is blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Missing;
    for row in ret.current.rows(table) {
        if !row.get(table, "MISSING").is_empty() && row.get(table, "MIS_START").is_empty() {
            out.push(finding(RULE.code, table, row, "MIS_START"));
        }
    }
}
