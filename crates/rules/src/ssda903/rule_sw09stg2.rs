//! # What it checks
//!
//! Each row of the SWEpisodes table whose `SW_DECOM` and `SW_DEC` are both dates does not end on
//! the day it began: with dates only, that episode lasted less than 24 hours. An episode that ends
//! before it began is SW18STG2's.
//!
//! # Why
//!
//! A social worker allocated for less than a day is usually a recording error (a duplicate or a
//! correction entered as a new episode) and would count as a change of social worker.
//!
//! # DfE wording
//!
//! Social worker episode appears to have lasted for less than 24 hours.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW09STG2",
    message: "Social worker episode appears to have lasted for less than 24 hours.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::SwEpisodes) {
        if let (Some(start), Some(end)) = (date(sw(row, "SW_DECOM")), date(sw(row, "SW_DEC")))
            && start == end
        {
            out.push(finding(RULE.code, Table::SwEpisodes, row, "SW_DEC"));
        }
    }
}
