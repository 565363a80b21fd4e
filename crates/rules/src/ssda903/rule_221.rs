//! # What it checks
//!
//! Each row of the Episodes table placing a child at a provider's premises (`PLACE` `K1`, `K2`,
//! `K3`, `R3` or `S1`), not for a short break (`LS` other than `V3` and `V4`), with a `PL_POST` and a
//! `URN` in Ofsted's provider lists that give the provider's postcode, has that postcode as its
//! `PL_POST` (compared without spaces, ignoring case). Without the lists (`harbour validate
//! --providers`) the rule is skipped, and the output says so.
//!
//! # Why
//!
//! For a placement in a home, hostel or residential school the child lives at the provider's
//! address; another postcode means the URN or the postcode is wrong, and the placement distance
//! with it.
//!
//! # DfE wording
//!
//! The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "221",
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        let placed = ep(row, "PL_POST").replace(' ', "").to_uppercase();
        if let Some(postcode) = provider.and_then(|p| p.postcode.as_deref())
            && matches!(ep(row, "PLACE"), "K1" | "K2" | "K3" | "R3" | "S1")
            && !matches!(ep(row, "LS"), "V3" | "V4")
            && !placed.is_empty()
            && placed != postcode
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_POST"));
        }
    }
}
