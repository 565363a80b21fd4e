//! # What it checks
//!
//! 2024-25 only. Each row of the SWEpisodes table has a `SW_DECOM` that is a date, and a row whose
//! episode began before 1 April 2023 has a `SW_ID`. (An episode that began on or after that day is
//! SW01bSTG1's.)
//!
//! # Why
//!
//! Social worker episodes were first collected for 2023-24. An episode that was already going on
//! when the collection began may lack the reason for the change of worker, which nobody recorded
//! then, but it still needs the worker and the date the episode began, or it cannot be placed in
//! the child's history. The DfE's condition: if `SW_DECOM` is before 1 April 2023, at least
//! `SW_ID` and `SW_DECOM` are given.
//!
//! # DfE wording
//!
//! For each social worker episode, information should be complete

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "SW01aSTG1",
    message: "For each social worker episode, information should be complete",
    severity: Severity::Error,
    years: &[2025],
    check: Check::Return(check),
};

/// 1 April 2023, the start of the first collection with social worker episodes.
pub(crate) const FIRST_COLLECTED: Date = Date::constant(2023, 4, 1);

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::SwEpisodes;
    for row in ret.current.rows(table) {
        match date(row.get(table, "SW_DECOM")) {
            None => out.push(finding(RULE.code, table, row, "SW_DECOM")),
            Some(d) if d < FIRST_COLLECTED && row.get(table, "SW_ID").is_empty() => {
                out.push(finding(RULE.code, table, row, "SW_ID"));
            }
            Some(_) => {}
        }
    }
}
