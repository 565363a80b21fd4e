//! # What it checks
//!
//! Each episode of temporary accommodation for an unspecified reason (`PLACE` `T4`) whose `DECOM`
//! and `DEC` are dates ends no more than 7 days after it began.
//!
//! # Why
//!
//! `T4` covers short moves of seven days or less; a longer stay is a placement and must be recorded
//! as one.
//!
//! # DfE wording
//!
//! Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "379",
    message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    temporary_longer_than(&ret.current, "T4", 7, RULE.code, out);
}
