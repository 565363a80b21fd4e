//! # What it checks
//!
//! Each row of the OC2 table with an `SDQ_SCORE` filled in has a blank `SDQ_REASON`.
//!
//! # Why
//!
//! The reason is asked only when there is no score; a row with both says two different things.
//!
//! # DfE wording
//!
//! Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "197a",
    message: "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if !row.get(table, "SDQ_SCORE").is_empty() && !row.get(table, "SDQ_REASON").is_empty() {
            out.push(finding(RULE.code, table, row, "SDQ_REASON"));
        }
    }
}
