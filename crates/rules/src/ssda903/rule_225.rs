//! # What it checks
//!
//! Each row of the Episodes table that ends with `REC` `X1` (a new episode follows) in a placement
//! that is not temporary (`T0` to `T4`), followed (the child's next episode by `DECOM`) by an
//! episode that changes the placement (`RNE` `P`, `B`, `T` or `U`) to one that is not temporary,
//! has a `REASON_PLACE_CHANGE`.
//!
//! # Why
//!
//! Why children move placement is a national measure of stability; every change of placement must
//! say why it happened.
//!
//! # DfE wording
//!
//! Reason for placement change must be recorded.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "225",
    message: "Reason for placement change must be recorded.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, episodes) in episodes_in_order(&ret.current) {
        for pair in episodes.windows(2) {
            let ((_, row), (_, next)) = (pair[0], pair[1]);
            if ep(row, "REC") == "X1"
                && ep(row, "REASON_PLACE_CHANGE").is_empty()
                && !temporary(ep(row, "PLACE"))
                && matches!(ep(next, "RNE"), "P" | "B" | "T" | "U")
                && !temporary(ep(next, "PLACE"))
            {
                out.push(finding(RULE.code, Table::Episodes, row, "REASON_PLACE_CHANGE"));
            }
        }
    }
}
