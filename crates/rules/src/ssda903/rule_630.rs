//! # What it checks
//!
//! Each row of the Episodes table that started to be looked after (`RNE` `S`) on or after 1 April
//! is of a child with a row in the PrevPerm table whose `PREV_PERM` is filled in, and, unless it is
//! `Z1` (no previous permanence option), whose `LA_PERM` and `DATE_PERM` are filled in too.
//! Otherwise the episode is reported.
//!
//! # Why
//!
//! Whether a child coming into care had left care before to adoption, special guardianship or a
//! child arrangements order is collected when they start to be looked after; the measure of
//! children returning to care is built from it.
//!
//! # DfE wording
//!
//! Information on previous permanence option should be returned.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
use formats::ssda903::raw::RawRow;

pub(crate) const RULE: Rule = Rule {
    code: "630",
    message: "Information on previous permanence option should be returned.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let prev_perm = rows_by_child(&ret.current, Table::PrevPerm);
    let complete = |r: &RawRow| match pp(r, "PREV_PERM") {
        "" => false,
        "Z1" => true,
        _ => !pp(r, "LA_PERM").is_empty() && !pp(r, "DATE_PERM").is_empty(),
    };
    for row in ret.current.rows(Table::Episodes) {
        let started = ep(row, "RNE") == "S"
            && date(ep(row, "DECOM")).is_some_and(|d| d >= ctx.collection_start);
        let given = prev_perm
            .get(row.child())
            .is_some_and(|rows| rows.iter().any(|r| complete(r)));
        if started && !given {
            out.push(finding(RULE.code, Table::Episodes, row, "RNE"));
        }
    }
}
