//! # What it checks
//!
//! A child with a row in the OC3 table and none in the Episodes table has no row in the Reviews,
//! OC2, AD1, PlacedAdoption, PrevPerm or Missing tables; each such row is reported.
//!
//! # Why
//!
//! A care leaver who was not looked after during the year has no reviews, outcomes, adoption,
//! permanence or missing periods in it; those rows belong to some other child or year.
//!
//! # DfE wording
//!
//! No other data should be returned for OC3 children who had no episodes in the current year

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1012",
    message: "No other data should be returned for OC3 children who had no episodes in the current year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let looked_after: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .map(|r| r.child())
        .collect();
    let care_leavers: HashSet<&str> = ret
        .current
        .rows(Table::Oc3)
        .iter()
        .map(|r| r.child())
        .filter(|c| !looked_after.contains(c))
        .collect();
    for table in [
        Table::Reviews,
        Table::Oc2,
        Table::Ad1,
        Table::PlacedAdoption,
        Table::PrevPerm,
        Table::Missing,
    ] {
        for row in ret.current.rows(table) {
            if care_leavers.contains(row.child()) {
                out.push(finding(RULE.code, table, row, "CHILD"));
            }
        }
    }
}
