//! # What it checks
//!
//! Each row of this year's Episodes table of a supported accommodation placement (`PLACE` `K3`)
//! with a `URN` (other than `XXXXXXX`) that Ofsted's provider lists hold, where the provider's
//! local authority is known, has that local authority as its `PL_LA`. A blank `PL_LA` is rule
//! 169's.
//!
//! The provider's local authority is the provider list's local authority column when it holds an
//! ONS code, otherwise that of the provider's postcode in the ONS postcode directory (`harbour
//! validate --postcodes`). `PL_LA` is read from the Episodes file or derived from `PL_POST` with
//! the directory. Without the provider lists, or without `PL_LA`, the rule is skipped, and the
//! output says so.
//!
//! # Why
//!
//! A supported accommodation provider is registered for premises in particular areas; a placement
//! in another area means the URN or the placement postcode is wrong.
//!
//! # DfE wording
//!
//! LA of placement is not an LA the provider has premises.

use super::common::*;
use super::common_pc::*;
use super::common_r1::episodes_with_urn;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "241",
    message: "LA of placement is not an LA the provider has premises.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        let pl_la = ep(row, "PL_LA");
        if ep(row, "PLACE") != "K3" || pl_la.is_empty() {
            continue;
        }
        if let Some(provider_la) = provider.and_then(|p| provider_la(ret, p))
            && !provider_la.eq_ignore_ascii_case(pl_la)
        {
            out.push(finding(RULE.code, Table::Episodes, row, "URN"));
        }
    }
}
