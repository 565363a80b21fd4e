//! # What it checks
//!
//! Each row of the OC3 table has an `ACTIV` code of the current list: `F1`, `P1` (higher
//! education), `F2`, `P2` (other education), `F4`, `P4` (apprenticeship), `F5`, `P5` (training or
//! employment), `G4`, `G5`, `G6` (not in education, employment or training) or `0` (not in touch,
//! died or returned home). The codes `F3` and `P3`, replaced in 2021-22, and a blank `ACTIV` are
//! reported.
//!
//! # Why
//!
//! The share of care leavers in education, employment or training is a national measure; it
//! needs one of these codes for every care leaver in the cohort.
//!
//! # DfE wording
//!
//! Data entry for activity after leaving care is invalid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "132",
    message: "Data entry for activity after leaving care is invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Oc3, "ACTIV", |v| !matches!(v, "F1" | "P1" | "F2" | "P2" | "F4" | "P4" | "F5" | "P5" | "G4" | "G5" | "G6" | "0"));
}
