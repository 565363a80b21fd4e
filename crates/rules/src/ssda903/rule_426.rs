//! # What it checks
//!
//! A child's episodes in the Episodes table do not have both `LS` `V3` (a single period of short
//! break care) and `LS` `V4` (a series of short breaks); every `V3` and `V4` episode of a child who
//! has both is reported.
//!
//! # Why
//!
//! Short breaks are either one period or a planned series; a child counted under both would be
//! counted twice in the short break figures.
//!
//! # DfE wording
//!
//! A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "426",
    message: "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, rows) in by_child(&ret.current, Table::Episodes) {
        let has = |ls: &str| rows.iter().any(|r| ep(r, "LS") == ls);
        if has("V3") && has("V4") {
            for row in rows.iter().filter(|r| matches!(ep(r, "LS"), "V3" | "V4")) {
                out.push(finding(RULE.code, Table::Episodes, row, "LS"));
            }
        }
    }
}
