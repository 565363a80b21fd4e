//! # What it checks
//!
//! Each episode that ended in adoption (`REC` `E11` or `E12`) is a placement for adoption (`PLACE`
//! `A3` to `A6`).
//!
//! # Why
//!
//! A child is adopted from a placement for adoption; an adoption from any other placement means the
//! placement or the reason is wrong.
//!
//! # DfE wording
//!
//! Reason episode ceased is adopted but child has not been previously placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "390",
    message: "Reason episode ceased is adopted but child has not been previously placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if matches!(ep(row, "REC"), "E11" | "E12")
            && !matches!(ep(row, "PLACE"), "A3" | "A4" | "A5" | "A6")
        {
            out.push(finding(RULE.code, table, row, "PLACE"));
        }
    }
}
