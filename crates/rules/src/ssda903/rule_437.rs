//! # What it checks
//!
//! Each child's episodes in the Episodes table, in order of `DECOM` (episodes whose `DECOM` is not
//! a date left out): an episode that ceased with `REC` `E2` (died) or `E15` (age assessment found
//! the child to be 18 or over) is the child's last; one followed by another episode is reported.
//!
//! # Why
//!
//! Neither a child who died nor a young person found to be an adult can be looked after again.
//!
//! # DfE wording
//!
//! Reason episode ceased is child has died or is aged 18 or over but there are further episodes.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "437",
    message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in episodes_in_order(&ret.current) {
        for pair in eps.windows(2) {
            if matches!(pair[0].get("REC"), "E2" | "E15") {
                out.push(finding(RULE.code, Table::Episodes, pair[0].row, "REC"));
            }
        }
    }
}
