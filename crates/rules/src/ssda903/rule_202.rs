//! # What it checks
//!
//! Each row of the Header table of a child who has a row in the previous year's Header table has the
//! same `SEX` as last year. In 2024-25, whose previous return (2023-24) recorded gender as `1`
//! and `2`, last year's `1` and `2` count as `M` and `F`; in other years codes compare as
//! written. Without the previous year's return the rule does nothing.
//!
//! # Why
//!
//! A child's recorded sex does not change from one return to the next without a reason; a change is
//! usually a keying error in one of the years.
//!
//! # DfE wording
//!
//! The gender code conflicts with the gender already recorded for this child.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "202",
    message: "The gender code conflicts with the gender already recorded for this child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn normalised(sex: &str) -> &str {
    match sex {
        "1" => "M",
        "2" => "F",
        other => other,
    }
}

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let then = |v| if ctx.year == 2025 { normalised(v) } else { v };
    let Some(last) = previous_headers(ret) else {
        return;
    };
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if let Some(before) = last.get(row.child())
            && row.get(table, "SEX") != then(before.get(table, "SEX"))
        {
            out.push(finding(RULE.code, table, row, "SEX"));
        }
    }
}
