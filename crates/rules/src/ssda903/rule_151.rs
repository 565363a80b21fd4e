//! # What it checks
//!
//! Each row of the AD1 table has all six adoption items filled in (`DATE_INT`, `DATE_MATCH`,
//! `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`) or none of them: a row with some filled
//! and some blank is reported.
//!
//! # Why
//!
//! An adoption is counted with its dates, whether the adopters were the foster carers and who the
//! adopters are; a partial record cannot be counted and suggests items were lost.
//!
//! # DfE wording
//!
//! All data items relating to a childs adoption must be coded or left blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "151",
    message: "All data items relating to a childs adoption must be coded or left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Ad1;
    let items = [
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ];
    for row in ret.current.rows(table) {
        let filled = items.iter().filter(|i| !row.get(table, i).is_empty()).count();
        if filled != 0 && filled != items.len() {
            let blank = items.iter().find(|i| row.get(table, i).is_empty());
            out.push(finding(RULE.code, table, row, blank.copied().unwrap_or("DATE_INT")));
        }
    }
}
