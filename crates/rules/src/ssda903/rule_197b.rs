//! # What it checks
//!
//! Each row of the OC2 table of a child looked after continuously for the 12 months to 31 March (as
//! rule 185 judges it) who turned 4 or 17 during the year (by the row's `DOB`, the birthday from
//! 1 April to 31 March) has an `SDQ_SCORE` or an `SDQ_REASON`.
//!
//! # Why
//!
//! Children turning 4 or 17 in the year are at the edges of the SDQ age range; the return must say
//! either their score or why there is none.
//!
//! # DfE wording
//!
//! SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "197B",
    message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    let table = Table::Oc2;
    let in_year = |d| d >= ctx.collection_start && d <= ctx.collection_end;
    for row in ret.current.rows(table) {
        let Some(dob) = date(row.get(table, "DOB")) else {
            continue;
        };
        if cohort.contains(row.child())
            && (in_year(birthday(dob, 4)) || in_year(birthday(dob, 17)))
            && row.get(table, "SDQ_SCORE").is_empty()
            && row.get(table, "SDQ_REASON").is_empty()
        {
            out.push(finding(RULE.code, table, row, "SDQ_REASON"));
        }
    }
}
