//! # What it checks
//!
//! Each episode of a short-term respite break (`LS` `V3`) lasts no more than 17 days: its `DEC` (31
//! March when blank) is no more than 17 days after its `DECOM`. A date that is not a date is left
//! to other rules.
//!
//! # Why
//!
//! Regulations limit any single short break to 17 days; a longer stay is not a short break.
//!
//! # DfE wording
//!
//! Any individual short- term respite placement must not exceed 17 days.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "365",
    message: "Any individual short- term respite placement must not exceed 17 days.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let end = if ep(row, "DEC").is_empty() {
            Some(ctx.collection_end)
        } else {
            date(ep(row, "DEC"))
        };
        if ep(row, "LS") == "V3"
            && let (Some(start), Some(end)) = (date(ep(row, "DECOM")), end)
            && days_between(start, end) > 17
        {
            out.push(finding(RULE.code, table, row, "DEC"));
        }
    }
}
