//! # What it checks
//!
//! Each row of the OC2 table of a child looked after continuously for the 12 months to 31 March (as
//! rule 185 judges it) who was 4 or over on 1 April and under 17 on 31 March, by the row's `DOB`, has
//! an `SDQ_SCORE` or an `SDQ_REASON`.
//!
//! # Why
//!
//! The Strengths and Difficulties Questionnaire is collected for every child of 4 to 16 in the
//! cohort; a row with neither a score nor a reason for none is a gap in the measure.
//!
//! # DfE wording
//!
//! Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "186",
    message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
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
            && birthday(dob, 17) > ctx.collection_end
            && row.get(table, "SDQ_SCORE").is_empty()
            && row.get(table, "SDQ_REASON").is_empty()
        {
            out.push(finding(RULE.code, table, row, "SDQ_SCORE"));
        }
    }
}
