//! # What it checks
//!
//! Each row of the OC2 table whose `SDQ_REASON` is filled in holds a reason for no SDQ score of the
//! list `SDQ1` to `SDQ5`.
//!
//! # Why
//!
//! Why children have no SDQ score is counted alongside the scores; it is counted by these codes
//! only.
//!
//! # DfE wording
//!
//! Strengths and Difficulties (SDQ) reason is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "196",
    message: "Strengths and Difficulties (SDQ) reason is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Oc2, "SDQ_REASON", |v| {
        !matches!(v, "" | "SDQ1" | "SDQ2" | "SDQ3" | "SDQ4" | "SDQ5")
    });
}
