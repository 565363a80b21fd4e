//! # What it checks
//!
//! For each child with a row in the AD1 table, the `DECOM` of the child's latest episode that started
//! a period of care (`RNE` `S`) is on or before `DATE_INT` (the date of the decision that the child
//! should be placed for adoption). The AD1 row and the episode are reported. Dates that are not
//! dates are left to other rules.
//!
//! # Why
//!
//! The decision to place a child for adoption is taken while they are looked after; a decision before
//! the period of care began belongs to an earlier period, or a date is wrong.
//!
//! # DfE wording
//!
//! Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "334",
    message: "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let mut latest_start: HashMap<&str, Dated<'_>> =
        HashMap::new();
    for (child, episodes) in episodes_in_order(&ret.current) {
        if let Some(last) = episodes.iter().rev().find(|(_, r)| ep(r, "RNE") == "S") {
            latest_start.insert(child, *last);
        }
    }
    for ad1 in ret.current.rows(Table::Ad1) {
        if let Some((start, row)) = latest_start.get(ad1.child())
            && date(ad1.get(Table::Ad1, "DATE_INT")).is_some_and(|d| d < *start)
        {
            out.push(finding(RULE.code, Table::Ad1, ad1, "DATE_INT"));
            out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
        }
    }
}
