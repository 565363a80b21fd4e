//! # What it checks
//!
//! With the previous year's return given: a child's first episode in this year's Episodes table (by
//! `DECOM`) that began before 1 April is the last episode of the child in last year's Episodes
//! table, with the same `DECOM`; otherwise it is reported. Without the previous year's return
//! nothing is checked.
//!
//! # Why
//!
//! An episode that began before the year was open at the end of last year and was returned then;
//! without it, last year's return is missing the episode that continues into this year.
//!
//! # DfE wording
//!
//! Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "562",
    message: "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let last_year = episodes_by_child(previous);
    for (child, eps) in episodes_in_order(&ret.current) {
        let first = eps[0];
        if first.start >= ctx.collection_start {
            continue;
        }
        let last = last_year.get(child).and_then(|e| e.last());
        if last.is_none_or(|l| l.start != first.start) {
            out.push(finding(RULE.code, Table::Episodes, first.row, "DECOM"));
        }
    }
}
