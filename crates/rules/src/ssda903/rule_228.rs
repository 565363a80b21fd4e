//! # What it checks
//!
//! Each row of the Episodes table whose `URN` is in Ofsted's provider lists with a closure date ends
//! by then: its `DEC` (when a date) is not after the closure date, and an open episode (blank `DEC`)
//! is of a provider that closed no earlier than 31 March. Without the lists (`harbour validate
//! --providers`) the rule is skipped, and the output says so.
//!
//! # Why
//!
//! A placement cannot continue after its provider closed; the child must have moved, so an episode
//! is missing, or the URN is wrong.
//!
//! # DfE wording
//!
//! Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "228",
    message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        let Some(closed) = provider.and_then(|p| p.closed) else {
            continue;
        };
        let dec = ep(row, "DEC");
        let after = if dec.is_empty() {
            ctx.collection_end > closed
        } else {
            date(dec).is_some_and(|d| d > closed)
        };
        if after {
            out.push(finding(RULE.code, Table::Episodes, row, "DEC"));
        }
    }
}
