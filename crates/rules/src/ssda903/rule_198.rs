//! # What it checks
//!
//! Each row of the OC2 table with an `SDQ_REASON` is of a child looked after continuously for the
//! 12 months to 31 March (by the Episodes table, as rule 185 judges it).
//!
//! # Why
//!
//! A reason for no SDQ score is asked only of the OC2 cohort; for any other child it says something
//! the return does not collect.
//!
//! # DfE wording
//!
//! Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "198",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if !row.get(table, "SDQ_REASON").is_empty() && !cohort.contains(row.child()) {
            out.push(finding(RULE.code, table, row, "SDQ_REASON"));
        }
    }
}
