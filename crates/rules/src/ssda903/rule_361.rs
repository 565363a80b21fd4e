//! # What it checks
//!
//! A child's episodes under police protection (`LS` `L1`), taken together when one starts the day the
//! one before ended, last no more than 3 days from the first `DECOM` to the last `DEC` (31 March
//! when still open, or when `DEC` is not a date). Every episode of a longer run is reported.
//!
//! # Why
//!
//! Police protection under section 46 of the Children Act 1989 lasts at most 72 hours.
//!
//! # DfE wording
//!
//! Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "361",
    message: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    legal_status_longer_than(ctx, &ret.current, "L1", 3, RULE.code, out);
}
