//! # What it checks
//!
//! Each row of the AD1 table whose `LS_ADOPTR` is `L0` (a single adopter) has a `SEX_ADOPTR` that
//! is not that of a couple (`MM`, `FF`, `MF`).
//!
//! # Why
//!
//! A single adopter and a couple of adopters cannot both be true of one adoption.
//!
//! # DfE wording
//!
//! Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "514",
    message: "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        let (ls, sex) = (row.get(table, "LS_ADOPTR"), row.get(table, "SEX_ADOPTR"));
        let _ = (ls, sex);
        if ls == "L0" && matches!(sex, "MM" | "FF" | "MF") {
            out.push(finding(RULE.code, table, row, "SEX_ADOPTR"));
        }
    }
}
