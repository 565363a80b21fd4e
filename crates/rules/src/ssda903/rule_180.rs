//! # What it checks
//!
//! Each row of the OC2 table whose `SDQ_SCORE` is filled in holds a whole number from 0 to 40, the
//! range of the questionnaire's total difficulties score.
//!
//! # Why
//!
//! The average SDQ score of children looked after is the national measure of their emotional and
//! behavioural health; a value outside the questionnaire's range cannot be counted.
//!
//! # DfE wording
//!
//! Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "180",
    message: "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Oc2, "SDQ_SCORE", |v| {
        !v.is_empty() && !int_in(v, 0, 40)
    });
}
