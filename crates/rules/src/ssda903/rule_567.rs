//! # What it checks
//!
//! Each row of the Missing table whose `MIS_START` and `MIS_END` are dates has `MIS_END` on or
//! after `MIS_START`.
//!
//! # Why
//!
//! A missing or away episode ends after it starts; the other order is an error in one of the dates.
//!
//! # DfE wording
//!
//! The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "567",
    message: "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Missing;
    for row in ret.current.rows(table) {
        if let (Some(start), Some(end)) = (date(row.get(table, "MIS_START")), date(row.get(table, "MIS_END")))
            && end < start
        {
            out.push(finding(RULE.code, table, row, "MIS_END"));
        }
    }
}
