//! # What it checks
//!
//! Each row of the AD1 table whose `LS_ADOPTR` is `L11` (a married couple of a man and a woman) has
//! `SEX_ADOPTR` `MF`.
//!
//! # Why
//!
//! The legal status of a couple of adopters and their sexes are recorded apart; they must agree.
//!
//! # DfE wording
//!
//! Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "520",
    message: "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        let (ls, sex) = (row.get(table, "LS_ADOPTR"), row.get(table, "SEX_ADOPTR"));
        let _ = (ls, sex);
        if ls == "L11" && sex != "MF" {
            out.push(finding(RULE.code, table, row, "SEX_ADOPTR"));
        }
    }
}
