//! # What it checks
//!
//! After a temporary placement (`PLACE` `T0` to `T4`) that follows another episode of the child, the
//! next episode (by `DECOM`) returns the child to the placement before it: a change of placement
//! only (`RNE` `P`) to the same `PLACE` and `PL_POST` as the episode before the temporary one. The
//! episode after the temporary placement is reported.
//!
//! # Why
//!
//! A temporary placement is an absence from the usual placement; the child goes back there
//! afterwards, or the temporary code is wrong and the move was a change of placement.
//!
//! # DfE wording
//!
//! A child in a temporary placement must subsequently return to his/her normal placement.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "383",
    message: "A child in a temporary placement must subsequently return to his/her normal placement.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, episodes) in episodes_in_order(&ret.current) {
        for triple in episodes.windows(3) {
            let ((_, usual), (_, away), (_, back)) = (triple[0], triple[1], triple[2]);
            if !temporary(ep(away, "PLACE")) {
                continue;
            }
            let returned = ep(back, "RNE") == "P"
                && ep(back, "PLACE") == ep(usual, "PLACE")
                && ep(back, "PL_POST") == ep(usual, "PL_POST");
            if !returned {
                out.push(finding(RULE.code, Table::Episodes, back, "PLACE"));
            }
        }
    }
}
