//! # What it checks
//!
//! Each row of the Missing table with `MIS_START` filled in has `MISSING` filled in: whether the
//! child was missing (`M`) or away without authorisation (`A`).
//!
//! # Why
//!
//! Missing and away episodes are counted apart; each one needs its kind.
//!
//! # DfE wording
//!
//! The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "565",
    message: "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Missing;
    for row in ret.current.rows(table) {
        if !row.get(table, "MIS_START").is_empty() && row.get(table, "MISSING").is_empty() {
            out.push(finding(RULE.code, table, row, "MISSING"));
        }
    }
}
