//! # What it checks
//!
//! Each row of the Episodes table whose `DECOM` and `DEC` are dates has `DEC` on or after `DECOM`.
//!
//! # Why
//!
//! An episode ends after it begins; the other order is a typing error in one of the dates.
//!
//! # DfE wording
//!
//! The date the episode ceased is before the date the same episode started.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "356",
    message: "The date the episode ceased is before the date the same episode started.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if let (Some(start), Some(end)) = (date(row.get(table, "DECOM")), date(row.get(table, "DEC")))
            && end < start
        {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
