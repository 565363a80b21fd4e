//! # What it checks
//!
//! Each row of the Episodes table whose `URN` is in Ofsted's provider lists, when the lists give the
//! provider's placement provider codes, has one of those as its `PLACE_PROVIDER`. A URN not in the
//! lists is rule 1008's. Without the lists (`harbour validate --providers`) the rule is skipped, and
//! the output says so.
//!
//! # Why
//!
//! The placement provider code says who runs the placement (the council, another council, the
//! private or voluntary sector); it must agree with the provider the URN names.
//!
//! # DfE wording
//!
//! The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "224",
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        if let Some(p) = provider
            && !p.provider_codes.is_empty()
            && !p.provider_codes.iter().any(|c| c == ep(row, "PLACE_PROVIDER"))
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PLACE_PROVIDER"));
        }
    }
}
