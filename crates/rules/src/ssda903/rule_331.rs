//! # What it checks
//!
//! For each child with an episode that ended in adoption (`REC` `E11` or `E12`), the AD1 table's
//! `DATE_MATCH` (date matched with the adopters) is on or before that episode's `DECOM` (when the
//! child was placed for adoption). The AD1 row and the episode are reported. Dates that are not
//! dates are left to other rules.
//!
//! # Why
//!
//! A child is matched with adopters before being placed with them; a match after the placement
//! means one of the dates is wrong.
//!
//! # DfE wording
//!
//! Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "331",
    message: "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let adoptions = ret.current.rows(Table::Ad1);
    for row in ret.current.rows(Table::Episodes) {
        if !matches!(ep(row, "REC"), "E11" | "E12") {
            continue;
        }
        let Some(placed) = date(ep(row, "DECOM")) else {
            continue;
        };
        for ad1 in adoptions.iter().filter(|a| a.child() == row.child()) {
            if date(ad1.get(Table::Ad1, "DATE_MATCH")).is_some_and(|m| m > placed) {
                out.push(finding(RULE.code, Table::Ad1, ad1, "DATE_MATCH"));
                out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
            }
        }
    }
}
