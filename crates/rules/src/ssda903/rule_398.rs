//! # What it checks
//!
//! Each episode of a short break (`LS` `V3` or `V4`) has blank `HOME_POST` and `PL_POST`.
//!
//! # Why
//!
//! Placement distances are not collected for short breaks; postcodes given for them would be
//! counted in the distance figures.
//!
//! # DfE wording
//!
//! Distance field completed but child looked after under legal status V3 or V4.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "398",
    message: "Distance field completed but child looked after under legal status V3 or V4.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if matches!(ep(row, "LS"), "V3" | "V4")
            && (!ep(row, "HOME_POST").is_empty() || !ep(row, "PL_POST").is_empty())
        {
            out.push(finding(RULE.code, table, row, "HOME_POST"));
        }
    }
}
