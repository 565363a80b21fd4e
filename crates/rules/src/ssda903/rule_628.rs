//! # What it checks
//!
//! Each row of the Header table of a care leaver who was not looked after during the year (care
//! leaver information in the OC3 table, any of `IN_TOUCH`, `ACTIV`, `ACCOM`, and no episode in the
//! Episodes table) has no `MOTHER`; one with it is reported.
//!
//! # Why
//!
//! Motherhood is recorded for young women looked after during the year; for a care leaver only the
//! care leaver information is collected.
//!
//! # DfE wording
//!
//! Motherhood details are not required for care leavers who have not been looked after during the year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "628",
    message: "Motherhood details are not required for care leavers who have not been looked after during the year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let looked_after: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .map(|r| r.child())
        .collect();
    let care_leavers: HashSet<&str> = ret
        .current
        .rows(Table::Oc3)
        .iter()
        .filter(|r| oc3_completed(r))
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::Header) {
        if care_leavers.contains(row.child())
            && !looked_after.contains(row.child())
            && !row.get(Table::Header, "MOTHER").is_empty()
        {
            out.push(finding(RULE.code, Table::Header, row, "MOTHER"));
        }
    }
}
