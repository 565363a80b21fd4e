//! # What it checks
//!
//! Each row of the PlacedAdoption table whose `DATE_PLACED_CEASED` is a date has it on or after
//! 1 April and on or after the `DECOM` of the child's earliest episode (by `DECOM`) that is not a
//! short break (`LS` other than `V3` and `V4`). The PlacedAdoption row and that episode are
//! reported.
//!
//! # Why
//!
//! The decision that a child should no longer be placed for adoption is reported in the year it was
//! taken, while the child was looked after; an earlier date belongs to another return.
//!
//! # DfE wording
//!
//! Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "118",
    message: "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let mut earliest = HashMap::new();
    for (child, episodes) in episodes_in_order(&ret.current) {
        if let Some(first) = episodes
            .iter()
            .find(|(_, r)| !matches!(ep(r, "LS"), "V3" | "V4"))
        {
            earliest.insert(child, *first);
        }
    }
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        let Some((started, episode)) = earliest.get(row.child()) else {
            continue;
        };
        if date(row.get(table, "DATE_PLACED_CEASED"))
            .is_some_and(|d| d < ctx.collection_start || d < *started)
        {
            out.push(finding(RULE.code, table, row, "DATE_PLACED_CEASED"));
            out.push(finding(RULE.code, Table::Episodes, episode, "DECOM"));
        }
    }
}
