//! # What it checks
//!
//! Each row of the AD1 table whose `LS_ADOPTR` is `L3` has `SEX_ADOPTR` `MF` (a couple of a man and
//! a woman).
//!
//! # Why
//!
//! The legal status of a couple of adopters and their sexes are recorded apart; they must agree.
//!
//! # DfE wording
//!
//! If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "517",
    message: "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        let (ls, sex) = (row.get(table, "LS_ADOPTR"), row.get(table, "SEX_ADOPTR"));
        let _ = (ls, sex);
        if ls == "L3" && sex != "MF" {
            out.push(finding(RULE.code, table, row, "SEX_ADOPTR"));
        }
    }
}
