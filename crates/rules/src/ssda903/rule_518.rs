//! # What it checks
//!
//! Each row of the AD1 table whose `LS_ADOPTR` is `L4` has `SEX_ADOPTR` `MM` or `FF` (a couple of
//! two men or two women).
//!
//! # Why
//!
//! The legal status of a couple of adopters and their sexes are recorded apart; they must agree.
//!
//! # DfE wording
//!
//! If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "518",
    message: "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        let (ls, sex) = (row.get(table, "LS_ADOPTR"), row.get(table, "SEX_ADOPTR"));
        let _ = (ls, sex);
        if ls == "L4" && !matches!(sex, "MM" | "FF") {
            out.push(finding(RULE.code, table, row, "SEX_ADOPTR"));
        }
    }
}
