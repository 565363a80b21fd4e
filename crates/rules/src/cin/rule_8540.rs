//! # What it checks
//!
//! Each `Disability` is a code of the DfE Disability table (NONE, MOB, HAND, PC, INC, COMM, LD,
//! HEAR, VIS, BEH, CON, AUT, DDA), written exactly; an empty `Disability` is missing.
//!
//! # Why
//!
//! Disability is recorded for every child in need so that the needs of disabled children, and the
//! services they get, can be seen.
//!
//! # DfE wording
//!
//! Child’s disability is missing or invalid (see Disability table)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use model::codes::Disability;

pub(crate) const RULE: Rule = Rule {
    code: "8540",
    message: "Child’s disability is missing or invalid (see Disability table)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for (place, value) in &child.disabilities {
        if !is_code::<Disability>(Some(value)) {
            flag(out, RULE.code, child, DISABILITIES, *place, "Disability", Some(value));
        }
    }
}
