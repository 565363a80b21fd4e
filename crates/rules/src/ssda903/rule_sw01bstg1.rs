//! # What it checks
//!
//! 2024-25 only. Each row of the SWEpisodes table has a `SW_DECOM` that is a date, and a row whose
//! episode began on or after 1 April 2023 has a `SW_ID` and a `SW_REASON`. (An episode that began
//! before that day is SW01aSTG1's.)
//!
//! # Why
//!
//! From 1 April 2023, when social worker episodes began to be collected, each new episode records
//! the worker, when it began and why the worker changed. The DfE's condition: if `SW_DECOM` is on
//! or after 1 April 2023, `SW_ID`, `SW_DECOM` and `SW_REASON` are all given.
//!
//! # DfE wording
//!
//! For each social worker episode, information should be complete

#[allow(unused_imports)]
use super::common::*;
use super::rule_sw01astg1::FIRST_COLLECTED;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW01bSTG1",
    message: "For each social worker episode, information should be complete",
    severity: Severity::Error,
    years: &[2025],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::SwEpisodes;
    for row in ret.current.rows(table) {
        match date(row.get(table, "SW_DECOM")) {
            None => out.push(finding(RULE.code, table, row, "SW_DECOM")),
            Some(d) if d >= FIRST_COLLECTED => {
                for field in ["SW_ID", "SW_REASON"] {
                    if row.get(table, field).is_empty() {
                        out.push(finding(RULE.code, table, row, field));
                        break;
                    }
                }
            }
            Some(_) => {}
        }
    }
}
