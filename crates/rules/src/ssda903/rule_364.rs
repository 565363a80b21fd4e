//! # What it checks
//!
//! A child's episodes in local authority accommodation under PACE (`LS` `J2`), taken together when one
//! starts the day the one before ended, last no more than 21 days from the first `DECOM` to the last
//! `DEC` (31 March when still open, or when `DEC` is not a date). Every episode of a longer run is
//! reported.
//!
//! # Why
//!
//! Sections 41 to 46 of the Police and Criminal Evidence Act 1984 strictly limit how long a child may
//! be held; a longer stay means the legal status has changed.
//!
//! # DfE wording
//!
//! Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "364",
    message: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    legal_status_longer_than(ctx, &ret.current, "J2", 21, RULE.code, out);
}
