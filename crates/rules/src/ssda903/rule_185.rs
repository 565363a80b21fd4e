//! # What it checks
//!
//! Each row of the OC2 table with an `SDQ_SCORE` is of a child looked after continuously for the 12
//! months to 31 March (by the Episodes table: in care during the year, no period of care starting
//! after 1 April, none ending before 31 March, no short break).
//!
//! # Why
//!
//! The SDQ score is collected only for the OC2 cohort, children looked after for a year; a score for
//! another child is counted nowhere or counted wrongly.
//!
//! # DfE wording
//!
//! Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "185",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if !row.get(table, "SDQ_SCORE").is_empty() && !cohort.contains(row.child()) {
            out.push(finding(RULE.code, table, row, "SDQ_SCORE"));
        }
    }
}
