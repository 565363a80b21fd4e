//! # What it checks
//!
//! Each episode of temporary accommodation while the usual foster carer is on holiday (`PLACE` `T3`)
//! whose `DECOM` and `DEC` are dates ends no more than 21 days (three weeks) after it began.
//!
//! # Why
//!
//! Cover for a foster carer's holiday is limited to three weeks; a longer stay is a change of
//! placement.
//!
//! # DfE wording
//!
//! Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "376",
    message: "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    temporary_longer_than(&ret.current, "T3", 21, RULE.code, out);
}
