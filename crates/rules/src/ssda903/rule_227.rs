//! # What it checks
//!
//! Each row of the Episodes table whose `URN` is in Ofsted's provider lists starts (`DECOM`, when a
//! date) while the provider was registered: before its closure date, and not before its
//! registration date when the lists give one. Without the lists (`harbour validate --providers`) the
//! rule is skipped, and the output says so.
//!
//! # Why
//!
//! A child cannot start a placement with a provider that had closed, or was not yet registered; the
//! URN or the date is wrong.
//!
//! # DfE wording
//!
//! Ofsted Unique reference number (URN) is not valid for the episode start date.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "227",
    message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        let (Some(p), Some(start)) = (provider, date(ep(row, "DECOM"))) else {
            continue;
        };
        if p.closed.is_some_and(|c| start >= c) || p.registered.is_some_and(|r| start < r) {
            out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
        }
    }
}
