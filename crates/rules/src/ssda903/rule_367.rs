//! # What it checks
//!
//! A child's short-term respite breaks (`LS` `V3`) add up to no more than 75 days within the
//! collection year: each counted from its `DECOM` (1 April if earlier) to its `DEC` (31 March if
//! blank or later). When the total is over 75 days, every break of the child that counted a day is
//! reported. Episodes whose dates are not dates are left to other rules.
//!
//! # Why
//!
//! Regulations allow a child at most 75 days of short breaks a year; more is a placement, not
//! respite.
//!
//! # DfE wording
//!
//! The maximum amount of respite care allowable is 75 days in any 12-month period.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "367",
    message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for (_, rows) in by_child(&ret.current, table) {
        let mut counted = Vec::new();
        let mut total = 0;
        for row in rows {
            if ep(row, "LS") != "V3" {
                continue;
            }
            let Some(start) = date(ep(row, "DECOM")) else {
                continue;
            };
            let end = if ep(row, "DEC").is_empty() {
                Some(ctx.collection_end)
            } else {
                date(ep(row, "DEC")).map(|d| d.min(ctx.collection_end))
            };
            let Some(end) = end else {
                continue;
            };
            let days = days_between(start.max(ctx.collection_start), end);
            if days > 0 {
                total += days;
                counted.push(row);
            }
        }
        if total > 75 {
            for row in counted {
                out.push(finding(RULE.code, table, row, "DEC"));
            }
        }
    }
}
