//! # What it checks
//!
//! A child's episodes under an emergency protection order (`LS` `L2`), taken together when one starts
//! the day the one before ended, last no more than 21 days from the first `DECOM` to the last `DEC`
//! (31 March when still open, or when `DEC` is not a date). Every episode of a longer run is
//! reported.
//!
//! # Why
//!
//! An emergency protection order lasts at most 8 days, extended once by up to 7; 21 days is the
//! longest the return accepts.
//!
//! # DfE wording
//!
//! Emergency protection order (EPO) lasted longer than 21 days

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "362",
    message: "Emergency protection order (EPO) lasted longer than 21 days",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    legal_status_longer_than(ctx, &ret.current, "L2", 21, RULE.code, out);
}
