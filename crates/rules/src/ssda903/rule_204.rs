//! # What it checks
//!
//! Each row of the Header table of a child who has a row in the previous year's Header table has the
//! same `ETHNIC` code as last year. Without the previous year's return the rule does nothing.
//!
//! # Why
//!
//! Ethnicity is recorded as the child or family describe it and rarely changes; a change between
//! returns is more often a keying error, and it moves the child between national counts.
//!
//! # DfE wording
//!
//! Ethnic origin code disagrees with the ethnic origin already recorded for this child.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "204",
    message: "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(last) = previous_headers(ret) else {
        return;
    };
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if let Some(before) = last.get(row.child())
            && row.get(table, "ETHNIC") != before.get(table, "ETHNIC")
        {
            out.push(finding(RULE.code, table, row, "ETHNIC"));
        }
    }
}
