//! # What it checks
//!
//! Each row of the Episodes table with a blank `DEC` (the episode has not ended) has a blank
//! `REASON_PLACE_CHANGE`.
//!
//! # Why
//!
//! The reason for a placement change is recorded on the episode that ends with the change; an open
//! episode has not changed placement yet.
//!
//! # DfE wording
//!
//! Reason for placement change is not required when the episode has not ceased.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "233",
    message: "Reason for placement change is not required when the episode has not ceased.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if ep(row, "DEC").is_empty() && !ep(row, "REASON_PLACE_CHANGE").is_empty() {
            out.push(finding(RULE.code, table, row, "REASON_PLACE_CHANGE"));
        }
    }
}
