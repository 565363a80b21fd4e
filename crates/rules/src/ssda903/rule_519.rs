//! # What it checks
//!
//! Each row of the AD1 table whose `LS_ADOPTR` is `L2` (a couple in a civil partnership) has a
//! `SEX_ADOPTR` of a couple: `MM`, `FF` or `MF`.
//!
//! # Why
//!
//! Adopters in a civil partnership are a couple; the code of a single adopter contradicts it.
//!
//! # DfE wording
//!
//! Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "519",
    message: "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        let (ls, sex) = (row.get(table, "LS_ADOPTR"), row.get(table, "SEX_ADOPTR"));
        let _ = (ls, sex);
        if ls == "L2" && !matches!(sex, "MM" | "FF" | "MF") {
            out.push(finding(RULE.code, table, row, "SEX_ADOPTR"));
        }
    }
}
