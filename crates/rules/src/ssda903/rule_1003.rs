//! # What it checks
//!
//! For each child with a row in the PlacedAdoption table whose `DATE_PLACED` is a date, and an
//! episode in the Episodes table that started to be looked after (`RNE` `S`), `DATE_PLACED` is not
//! before the `DECOM` of the child's first such episode. Both the PlacedAdoption row and that
//! episode are reported.
//!
//! # Why
//!
//! The decision that a child should be placed for adoption is taken while the child is looked
//! after; one dated before the child came into care has a wrong date.
//!
//! # DfE wording
//!
//! Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1003",
    message: "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::PlacedAdoption) {
        let Some(placed) = date(row.get(Table::PlacedAdoption, "DATE_PLACED")) else {
            continue;
        };
        let first = episodes
            .get(row.child())
            .and_then(|eps| eps.iter().find(|e| e.get("RNE") == "S"));
        if let Some(first) = first
            && placed < first.start
        {
            out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
            out.push(finding(RULE.code, Table::Episodes, first.row, "DECOM"));
        }
    }
}
