//! # What it checks
//!
//! Each row of the Episodes table whose `HOME_POST` and `PL_POST` are both given and the same is a
//! placement with parents (`PLACE` `P1`).
//!
//! # Why
//!
//! Only a child placed with their parents lives at their home address; the same postcode for any
//! other placement is usually a keying error, and makes the placement distance zero.
//!
//! # DfE wording
//!
//! Home and placement postcodes should not be same unless the placement type is P1.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "392d",
    message: "Home and placement postcodes should not be same unless the placement type is P1.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (home, placed) = (ep(row, "HOME_POST"), ep(row, "PL_POST"));
        if !home.is_empty() && home == placed && ep(row, "PLACE") != "P1" {
            out.push(finding(RULE.code, table, row, "PL_POST"));
        }
    }
}
