//! # What it checks
//!
//! Each row of the Episodes table whose `URN` is in Ofsted's provider lists, when the lists say
//! which placement types the provider holds, has one of those as its `PLACE`. A URN not in the lists
//! is rule 1008's. Without the lists (`harbour validate --providers`) the rule is skipped, and the
//! output says so.
//!
//! # Why
//!
//! A provider is registered for some kinds of care only (a children's home, a fostering agency); a
//! placement type the provider does not offer means the URN or the placement type is wrong.
//!
//! # DfE wording
//!
//! The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "219",
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        if let Some(p) = provider
            && !p.place_codes.is_empty()
            && !p.place_codes.iter().any(|c| c == ep(row, "PLACE"))
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PLACE"));
        }
    }
}
