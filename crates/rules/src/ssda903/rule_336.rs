//! # What it checks
//!
//! Each episode placing a child for adoption with a foster carer as adopter (`PLACE` `A3` or `A4`)
//! that is not the child's first (by `DECOM`) follows an episode in a foster placement (`PLACE` `A3`
//! to `A6` or `U1` to `U6`).
//!
//! # Why
//!
//! `A3` and `A4` are placements for adoption with the child's current foster carer; the placement
//! before must then have been with that carer.
//!
//! # DfE wording
//!
//! Child does not have a foster placement immediately prior to being placed for adoption.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "336",
    message: "Child does not have a foster placement immediately prior to being placed for adoption.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, episodes) in episodes_in_order(&ret.current) {
        for pair in episodes.windows(2) {
            let ((_, before), (_, row)) = (pair[0], pair[1]);
            let foster = matches!(
                ep(before, "PLACE"),
                "A3" | "A4" | "A5" | "A6" | "U1" | "U2" | "U3" | "U4" | "U5" | "U6"
            );
            if matches!(ep(row, "PLACE"), "A3" | "A4") && !foster {
                out.push(finding(RULE.code, Table::Episodes, row, "PLACE"));
            }
        }
    }
}
