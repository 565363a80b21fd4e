//! # What it checks
//!
//! Each row of the Episodes table that ceased with adoption (`REC` `E11` or `E12`) and whose `DEC`
//! is a date is not on the child's AD1 `DATE_MATCH` (the date matched with adopters); when it is,
//! the episode is reported.
//!
//! # Why
//!
//! A child is matched with adopters, placed with them, and adopted later; an adoption on the day of
//! the match is unlikely and usually one of the dates is wrong.
//!
//! # DfE wording
//!
//! Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "582",
    message: "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let ad1 = rows_by_child(&ret.current, Table::Ad1);
    for row in ret.current.rows(Table::Episodes) {
        let Some(dec) = date(ep(row, "DEC")) else {
            continue;
        };
        if !adopted(ep(row, "REC")) {
            continue;
        }
        for a in ad1.get(row.child()).into_iter().flatten() {
            if date(a.get(Table::Ad1, "DATE_MATCH")) == Some(dec) {
                out.push(finding(RULE.code, Table::Episodes, row, "DEC"));
            }
        }
    }
}
