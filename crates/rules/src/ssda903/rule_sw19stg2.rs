//! # What it checks
//!
//! No two rows of the SWEpisodes table of the same child have the same `SW_DECOM` (compared as
//! dates; a `SW_DECOM` that is blank or not a date is left to other rules). Each row whose start
//! date an earlier row of the child already has is reported; the first is not.
//!
//! # Why
//!
//! A child has one social worker episode at a time; two starting the same day mean one is a
//! duplicate or has the wrong date.
//!
//! # DfE wording
//!
//! There are 2 social worker episodes for the child starting on the same date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW19STG2",
    message: "There are 2 social worker episodes for the child starting on the same date.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::SwEpisodes;
    for (_, rows) in by_child(&ret.current, table) {
        let mut seen = HashSet::new();
        for row in rows {
            if let Some(start) = date(row.get(table, "SW_DECOM"))
                && !seen.insert(start)
            {
                out.push(finding(RULE.code, table, row, "SW_DECOM"));
            }
        }
    }
}
