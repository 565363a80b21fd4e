//! # What it checks
//!
//! Each row of the Header table of a child with an episode this year whose previous year's Header
//! row has `MOTHER` `1` (the child is a mother) still has `MOTHER` `1`. Without the previous year's
//! return the rule does nothing.
//!
//! # Why
//!
//! A child recorded as a mother last year is still a mother; a different value this year is a
//! keying error.
//!
//! # DfE wording
//!
//! Mother status for the current year disagrees with the mother status already recorded for this child.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "207",
    message: "Mother status for the current year disagrees with the mother status already recorded for this child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(last) = previous_headers(ret) else {
        return;
    };
    let in_care: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .map(|r| r.child())
        .collect();
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if let Some(before) = last.get(row.child())
            && in_care.contains(row.child())
            && before.get(table, "MOTHER") == "1"
            && row.get(table, "MOTHER") != "1"
        {
            out.push(finding(RULE.code, table, row, "MOTHER"));
        }
    }
}
