//! # What it checks
//!
//! For each child with an AD1 row whose `DATE_INT` (the decision that adoption is in the child's
//! best interests) is a date, and an episode in the Episodes table placed for adoption (`PLACE`
//! `A3` to `A6`): `DATE_INT` is on or before the `DECOM` of the child's first such episode.
//! Otherwise the AD1 row and the episode are reported.
//!
//! # Why
//!
//! A child is placed for adoption after the decision that they should be; a decision dated after
//! the placement has a wrong date.
//!
//! # DfE wording
//!
//! Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "521",
    message: "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Ad1) {
        let Some(decided) = date(row.get(Table::Ad1, "DATE_INT")) else {
            continue;
        };
        let placed = episodes
            .get(row.child())
            .and_then(|eps| eps.iter().find(|e| placed_for_adoption(e.get("PLACE"))));
        if let Some(placed) = placed
            && decided > placed.start
        {
            out.push(finding(RULE.code, Table::Ad1, row, "DATE_INT"));
            out.push(finding(RULE.code, Table::Episodes, placed.row, "DECOM"));
        }
    }
}
