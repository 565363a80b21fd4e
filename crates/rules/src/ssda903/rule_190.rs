//! # What it checks
//!
//! Each row of the OC2 table with any of `CONVICTED`, `HEALTH_CHECK`, `IMMUNISATIONS`,
//! `TEETH_CHECK`, `HEALTH_ASSESSMENT`, `SUBSTANCE_MISUSE`, `INTERVENTION_RECEIVED` or
//! `INTERVENTION_OFFERED` filled in is of a child looked after continuously for the 12 months to
//! 31 March (by the Episodes table, as rule 185 judges it).
//!
//! # Why
//!
//! These outcomes are collected for the OC2 cohort only; recorded for another child they would be
//! counted against the wrong group.
//!
//! # DfE wording
//!
//! Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "190",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

const ITEMS: [&str; 8] = [
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
];

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if let Some(field) = ITEMS.iter().find(|f| !row.get(table, f).is_empty())
            && !cohort.contains(row.child())
        {
            out.push(finding(RULE.code, table, row, field));
        }
    }
}
