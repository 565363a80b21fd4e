//! # What it checks
//!
//! With the previous year's return given: for each child whose last episode in last year's Episodes
//! table (by `DECOM`) had no `DEC`, the child's first episode in this year's Episodes table has the
//! same `PLACE` (placement type); otherwise that first episode is reported. A code replaced in the
//! year's list is not a change: `H5` last year and `K3` this year in 2024-25, when `K3` (registered
//! supported accommodation) replaced `H5`; `Z1` last year and `Z11` to `Z14` this year in 2025-26,
//! when `Z1` (other placement) was split. Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! The episode open at the end of last year is returned again as this year's first; its placement
//! type cannot have changed without a new episode.
//!
//! # DfE wording
//!
//! The placement type in the first episode does not match open episode at end of last year

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "503D",
    message: "The placement type in the first episode does not match open episode at end of last year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    for (last, first) in open_then_first(&ret.current, previous) {
        if last.get("PLACE") != first.get("PLACE") && !recoded(ctx.year, last.get("PLACE"), first.get("PLACE")) {
            out.push(finding(RULE.code, Table::Episodes, first.row, "PLACE"));
        }
    }
}

/// Whether `before` (last year's code) became `now` only because the year's list of placement
/// types replaced it.
fn recoded(year: i16, before: &str, now: &str) -> bool {
    match year {
        2025 => before == "H5" && now == "K3",
        2026 => before == "Z1" && matches!(now, "Z11" | "Z12" | "Z13" | "Z14"),
        _ => false,
    }
}
