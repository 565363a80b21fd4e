//! # What it checks
//!
//! Each row of the Episodes table with a `URN` (other than `XXXXXXX`, used for regional adoption
//! agencies) names a provider in Ofsted's provider lists. Without the lists (`harbour validate
//! --providers`) the rule is skipped, and the output says so.
//!
//! # Why
//!
//! The URN identifies the Ofsted-registered provider of the placement; one Ofsted does not list is
//! mistyped, or belongs to a provider that is not registered.
//!
//! # DfE wording
//!
//! Ofsted Unique Reference Number (URN) is not valid.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1008",
    message: "Ofsted Unique Reference Number (URN) is not valid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        if provider.is_none() {
            out.push(finding(RULE.code, Table::Episodes, row, "URN"));
        }
    }
}
