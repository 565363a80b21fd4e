//! # What it checks
//!
//! Each row of the Episodes table has both `DEC` (the date the episode ceased) and `REC` (the
//! reason) filled in, or neither (the episode is open): one without the other is reported at the
//! item left blank.
//!
//! # Why
//!
//! An episode that ended has a date and a reason; the reason says whether care ended or went on
//! in a new episode, and the date says when.
//!
//! # DfE wording
//!
//! Date episode ceased and reason episode ceased must both be coded, or both left blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "148",
    message: "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        match (row.get(table, "DEC").is_empty(), row.get(table, "REC").is_empty()) {
            (true, false) => out.push(finding(RULE.code, table, row, "DEC")),
            (false, true) => out.push(finding(RULE.code, table, row, "REC")),
            _ => {}
        }
    }
}
