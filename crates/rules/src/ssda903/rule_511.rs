//! # What it checks
//!
//! Each row of the AD1 table whose `NB_ADOPTR` is `2` (two adopters) has a `SEX_ADOPTR` of a
//! couple: `MM`, `FF` or `MF`. A blank `SEX_ADOPTR` is left to rule 151, and one that is not a code
//! at all to rule 176: the row is reported when its code is that of a single adopter, `M1` or `F1`.
//!
//! # Why
//!
//! Adoptions are counted by who the adopters are; two adopters recorded with the code of a single
//! adopter (or none) contradict each other.
//!
//! # DfE wording
//!
//! If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "511",
    message: "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        if row.get(table, "NB_ADOPTR") == "2"
            && matches!(row.get(table, "SEX_ADOPTR"), "M1" | "F1")
        {
            out.push(finding(RULE.code, table, row, "SEX_ADOPTR"));
        }
    }
}
