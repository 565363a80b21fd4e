//! # What it checks
//!
//! Each row of the Episodes table whose `DECOM` and `DEC` are dates has them on different days: an
//! episode that began and ended on the same day is reported.
//!
//! # Why
//!
//! An episode of care lasts at least a day; one that ends the day it starts is usually a record
//! that should have been removed or merged.
//!
//! # DfE wording
//!
//! Episode appears to have lasted for less than 24 hours

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "355",
    message: "Episode appears to have lasted for less than 24 hours",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if let (Some(start), Some(end)) = (date(row.get(table, "DECOM")), date(row.get(table, "DEC")))
            && start == end
        {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
