//! # What it checks
//!
//! Each row of the Episodes table with `PL_LOCATION` `IN` (in the council's area) has a `PL_LA`
//! that can be the council's: one of `WAL`, `SCO`, `NIR` (Wales, Scotland, Northern Ireland) or
//! `NUK` (outside the UK) is reported. The rules are not told which council is returning, so a
//! placement in another English authority marked `IN` is not found.
//!
//! `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` are derived by the DfE from the postcodes; Harbour
//! reads them when the Episodes file has them (some systems export them) and otherwise derives
//! them with the ONS postcode directory (`harbour validate --postcodes FILE`, with `--la CODE` for
//! `PL_LOCATION`); with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! The location code and the authority of placement say the same thing twice; when they disagree,
//! the count of children placed out of area is wrong.
//!
//! # DfE wording
//!
//! Placement location code disagrees with LA of placement.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "411",
    message: "Placement location code disagrees with LA of placement.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if ep(row, "PL_LOCATION") == "IN"
            && matches!(ep(row, "PL_LA"), "WAL" | "SCO" | "NIR" | "NUK")
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_LOCATION"));
        }
    }
}
