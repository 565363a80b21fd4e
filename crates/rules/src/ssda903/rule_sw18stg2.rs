//! # What it checks
//!
//! Each row of the SWEpisodes table whose `SW_DECOM` and `SW_DEC` are both dates has `SW_DEC` on
//! or after `SW_DECOM`. An episode that ends the day it began is not before its start; it is rule
//! SW09STG2's (an episode of less than 24 hours). Values that are not dates are left to SW04STG1
//! and SW05STG1.
//!
//! # Why
//!
//! A social worker episode cannot end before it began; one of the two dates is wrong.
//!
//! # DfE wording
//!
//! The end date of the social worker episode is before the start date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW18STG2",
    message: "The end date of the social worker episode is before the start date",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::SwEpisodes;
    for row in ret.current.rows(table) {
        if let (Some(start), Some(end)) = (
            date(row.get(table, "SW_DECOM")),
            date(row.get(table, "SW_DEC")),
        ) && end < start
        {
            out.push(finding(RULE.code, table, row, "SW_DEC"));
        }
    }
}
