//! # What it checks
//!
//! With the previous year's return given: for each child whose last episode in last year's Episodes
//! table (by `DECOM`) had no `DEC`, the child's first episode in this year's Episodes table has the
//! same `PL_LA` (local authority of placement) when both are filled in; otherwise that first
//! episode is reported. Without the previous year's return nothing is checked.
//!
//! `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` are derived by the DfE from the postcodes; Harbour
//! reads them when the Episodes file has them (some systems export them) and otherwise derives
//! them with the ONS postcode directory (`harbour validate --postcodes FILE`, with `--la CODE` for
//! `PL_LOCATION`); with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! The episode open at the end of last year is returned again as this year's first, in the same
//! placement; its PL_LA cannot have changed without a new episode.
//!
//! # DfE wording
//!
//! Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "452",
    message: "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    for (last, first) in open_then_first(&ret.current, previous) {
        let (a, b) = (last.get("PL_LA"), first.get("PL_LA"));
        if !a.is_empty() && !b.is_empty() && (a != b) {
            out.push(finding(RULE.code, Table::Episodes, first.row, "PL_LA"));
        }
    }
}
