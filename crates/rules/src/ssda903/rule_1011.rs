//! # What it checks
//!
//! Each row of the OC3 table that has care leaver information (any of `IN_TOUCH`, `ACTIV`, `ACCOM`)
//! is not of a child whose last episode in the Episodes table (by `DECOM`) ceased with `REC` `E3`
//! (care transferred to another local authority).
//!
//! # Why
//!
//! A child whose care moved to another council is that council's care leaver, and it returns the
//! care leaver information.
//!
//! # DfE wording
//!
//! This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1011",
    message: "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let transferred: HashSet<&str> = episodes_in_order(&ret.current)
        .into_iter()
        .filter(|(_, eps)| eps.last().is_some_and(|e| e.get("REC") == "E3"))
        .map(|(child, _)| child)
        .collect();
    oc3_rows_where(out, RULE.code, &ret.current, |r| {
        transferred.contains(r.child())
    });
}
