//! # What it checks
//!
//! Each row of the Header table of a child who has a row in the previous year's Header table has the
//! same `UPN` as last year, unless the change is one the codes allow: from blank or `UN1` to one of
//! `UN2` to `UN5`, or from blank or any `UN` code to a pupil number. Without the previous year's
//! return the rule does nothing.
//!
//! # Why
//!
//! A pupil number, once known, stays with the child; a change links the child to another pupil's
//! school records.
//!
//! # DfE wording
//!
//! Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "208",
    message: "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn unknown_code(v: &str) -> bool {
    matches!(v, "UN1" | "UN2" | "UN3" | "UN4" | "UN5")
}

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(last) = previous_headers(ret) else {
        return;
    };
    let table = Table::Header;
    for row in ret.current.rows(table) {
        let Some(before) = last.get(row.child()) else {
            continue;
        };
        let (now, then) = (row.get(table, "UPN"), before.get(table, "UPN"));
        if now.eq_ignore_ascii_case(then) {
            continue;
        }
        let now_unknown = now.is_empty() || unknown_code(now);
        let allowed = ((then.is_empty() || then == "UN1")
            && matches!(now, "UN2" | "UN3" | "UN4" | "UN5"))
            || ((then.is_empty() || unknown_code(then)) && !now_unknown);
        if !allowed {
            out.push(finding(RULE.code, table, row, "UPN"));
        }
    }
}
