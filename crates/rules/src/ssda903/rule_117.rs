//! # What it checks
//!
//! Each row of the PlacedAdoption table has `DATE_PLACED` and `DATE_PLACED_CEASED` (those that are
//! dates) no later than 31 March and no later than the `DEC` of the child's latest episode (by
//! `DECOM`) that does not end with `REC` `X1`. The PlacedAdoption row and that episode are reported.
//! Children with no such episode are left to other rules.
//!
//! # Why
//!
//! The decisions about placing a child for adoption are taken while the child is looked after and
//! within the year reported; a date after the child left care, or after 31 March, is wrong.
//!
//! # DfE wording
//!
//! Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "117",
    message: "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let mut latest = HashMap::new();
    for (child, episodes) in episodes_in_order(&ret.current) {
        if let Some((_, row)) = episodes.iter().rev().find(|(_, r)| ep(r, "REC") != "X1") {
            latest.insert(child, *row);
        }
    }
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        let Some(episode) = latest.get(row.child()) else {
            continue;
        };
        let ceased = date(ep(episode, "DEC"));
        let late = ["DATE_PLACED", "DATE_PLACED_CEASED"].iter().any(|f| {
            date(row.get(table, f))
                .is_some_and(|d| d > ctx.collection_end || ceased.is_some_and(|c| d > c))
        });
        if late {
            out.push(finding(RULE.code, table, row, "DATE_PLACED"));
            out.push(finding(RULE.code, Table::Episodes, episode, "DEC"));
        }
    }
}
