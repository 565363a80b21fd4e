//! # What it checks
//!
//! `ChildCharacteristics/Ethnicity` is present and is a code of the DfE Ethnicity table (for
//! example WBRI, MWBC, AIND, REFU, NOBT), written exactly.
//!
//! # Why
//!
//! Ethnicity is how the DfE and councils see whether some groups of children are over- or under-
//! represented in children's social care.
//!
//! # DfE wording
//!
//! Ethnicity is missing or invalid (see Ethnicity table)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use model::codes::Ethnicity;

pub(crate) const RULE: Rule = Rule {
    code: "4220",
    message: "Ethnicity is missing or invalid (see Ethnicity table)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if !is_code::<Ethnicity>(child.ethnicity.as_ref()) {
        flag(out, RULE.code, child, CHILD_CHARACTERISTICS, child.place, "Ethnicity", child.ethnicity.as_ref());
    }
}
