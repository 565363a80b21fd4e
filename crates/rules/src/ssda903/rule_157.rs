//! # What it checks
//!
//! Each row of the OC2 table of a child looked after continuously for the 12 months to 31 March (as
//! rule 185 judges it) who was 4 or over on 1 April and 16 or under on 31 March (turning 16 by then
//! at the latest), by the row's `DOB`, and has no `SDQ_SCORE`, does not give `SDQ1` as the reason.
//!
//! # Why
//!
//! `SDQ1` says there is no score because the child was under 4 or over 16 when the questionnaire was
//! due; a child of those ages all year cannot have that reason.
//!
//! # DfE wording
//!
//! Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "157",
    message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        let Some(dob) = date(row.get(table, "DOB")) else {
            continue;
        };
        if cohort.contains(row.child())
            && birthday(dob, 4) <= ctx.collection_start
            && birthday(dob, 16) >= ctx.collection_end
            && row.get(table, "SDQ_SCORE").is_empty()
            && row.get(table, "SDQ_REASON") == "SDQ1"
        {
            out.push(finding(RULE.code, table, row, "SDQ_REASON"));
        }
    }
}
