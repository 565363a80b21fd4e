//! # What it checks
//!
//! Each episode of a temporary period in hospital (`PLACE` `T1`) whose `DECOM` and `DEC` are dates
//! ends no more than 42 days (six weeks) after it began.
//!
//! # Why
//!
//! A hospital stay of more than six weeks is no longer a temporary absence; the child's placement
//! should be recorded as the hospital.
//!
//! # DfE wording
//!
//! Hospitalisation coded as a temporary placement exceeds six weeks.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "375",
    message: "Hospitalisation coded as a temporary placement exceeds six weeks.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    temporary_longer_than(&ret.current, "T1", 42, RULE.code, out);
}
