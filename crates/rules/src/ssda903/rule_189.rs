//! # What it checks
//!
//! Each row of the OC2 table of a child aged 17 or over on 1 April, the first day of the collection
//! year (by the `DOB` of the row), has `SDQ_SCORE` and `SDQ_REASON` both blank. A row whose `DOB`
//! is not a date is left to the rules on dates of birth.
//!
//! # Why
//!
//! The strengths and difficulties questionnaire is for children aged 4 to 16; a young person
//! already 17 when the year began is not asked it.
//!
//! # DfE wording
//!
//! Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "189",
    message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        let Some(dob) = date(row.get(table, "DOB")) else {
            continue;
        };
        if age(dob, ctx.collection_start) < 17 {
            continue;
        }
        for field in ["SDQ_SCORE", "SDQ_REASON"] {
            if !row.get(table, field).is_empty() {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
