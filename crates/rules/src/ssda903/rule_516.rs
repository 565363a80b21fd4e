//! # What it checks
//!
//! Each row of the Episodes table whose `REC` is `E45` or `E46` (special guardianship order) has a
//! `PLACE` of `U1` to `U6` (foster placement).
//!
//! # Why
//!
//! These reasons record a special guardianship order made to the child's foster carers, former or
//! not; the episode that ends with it is a foster placement.
//!
//! # DfE wording
//!
//! The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "516",
    message: "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if matches!(ep(row, "REC"), "E45" | "E46")
            && !matches!(ep(row, "PLACE"), "U1" | "U2" | "U3" | "U4" | "U5" | "U6")
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PLACE"));
        }
    }
}
