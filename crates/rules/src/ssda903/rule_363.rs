//! # What it checks
//!
//! A child's episodes under a child assessment order (`LS` `L3`), taken together when one starts the
//! day the one before ended, last no more than 7 days from the first `DECOM` to the last `DEC`
//! (31 March when still open, or when `DEC` is not a date). Every episode of a longer run is
//! reported.
//!
//! # Why
//!
//! A child assessment order under section 43 of the Children Act 1989 lasts at most 7 days.
//!
//! # DfE wording
//!
//! Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "363",
    message: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    legal_status_longer_than(ctx, &ret.current, "L3", 7, RULE.code, out);
}
