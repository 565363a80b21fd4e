//! # What it checks
//!
//! Each row of the SWEpisodes table has a `SW_ID`, a `SW_DECOM` and a `SW_REASON`; a row with
//! any of them blank is reported once, at the first blank field (in that order).
//!
//! # Why
//!
//! A social worker episode without its worker, start date or reason cannot be used to say who
//! the child's social worker was, from when, or why it changed.
//!
//! # DfE wording
//!
//! For each social worker episode, information should be complete.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW03STG1",
    message: "For each social worker episode, information should be complete.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::SwEpisodes) {
        if let Some(field) = ["SW_ID", "SW_DECOM", "SW_REASON"]
            .into_iter()
            .find(|f| sw(row, f).is_empty())
        {
            out.push(finding(RULE.code, Table::SwEpisodes, row, field));
        }
    }
}
