//! # What it checks
//!
//! Each row of the Header table of a girl (`SEX` `F`; `2` in 2023-24) with an episode that is not a
//! short break (`LS` other than `V3` and `V4`) has `MOTHER` filled in.
//!
//! # Why
//!
//! Whether looked-after girls are mothers is a national measure; it is asked of every girl looked
//! after other than for short breaks.
//!
//! # DfE wording
//!
//! Child is looked after but mother field is not completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "393",
    message: "Child is looked after but mother field is not completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let female = if ctx.year <= 2024 { "2" } else { "F" };
    let looked_after: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .filter(|r| !matches!(ep(r, "LS"), "V3" | "V4"))
        .map(|r| r.child())
        .collect();
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if row.get(table, "SEX") == female
            && row.get(table, "MOTHER").is_empty()
            && looked_after.contains(row.child())
        {
            out.push(finding(RULE.code, table, row, "MOTHER"));
        }
    }
}
