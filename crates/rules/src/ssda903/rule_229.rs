//! # What it checks
//!
//! Each row of this year's Episodes table with a `URN` (other than `XXXXXXX`) that Ofsted's
//! provider lists hold, where the provider's local authority is known: with `PLACE_PROVIDER`
//! `PR1` (the council's own provision) the provider is in the council's area; with `PR2` (another
//! council's provision) it is not. From 2025-26 placements of types `K3`, `P1`, `P3`, `R1`, `R2`,
//! `R5`, `T0` to `T4` and `Z11` to `Z14` are left out.
//!
//! The provider's local authority is the provider list's local authority column when it holds an
//! ONS code, otherwise that of the provider's postcode in the ONS postcode directory (`harbour
//! validate --postcodes`); the council's is its ONS code (`--la`). Without the provider lists or
//! the LA code the rule is skipped, and the output says so.
//!
//! # Why
//!
//! The council's own provision lies in its own area and another council's provision in another
//! area; a mismatch means the placement provider code or the URN is wrong.
//!
//! # DfE wording
//!
//! Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]

use super::common::*;
use super::common_pc::*;
use super::common_r1::episodes_with_urn;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "229",
    message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

pub(crate) const RULE_2025: Rule = Rule {
    years: &[2024, 2025],
    check: Check::Return(check_2025),
    ..RULE
};

/// The placement types the rule leaves out from 2025-26.
const LEFT_OUT: &[&str] = &[
    "K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
];

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    run(ret, out, |place| !LEFT_OUT.contains(&place));
}

fn check_2025(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    run(ret, out, |_| true);
}

fn run(ret: &Return, out: &mut Vec<Finding>, checked: impl Fn(&str) -> bool) {
    let Some(la) = ret.la.as_deref() else {
        return;
    };
    for (row, provider) in episodes_with_urn(ret).unwrap_or_default() {
        let Some(provider_la) = provider.and_then(|p| provider_la(ret, p)) else {
            continue;
        };
        if !checked(ep(row, "PLACE")) {
            continue;
        }
        let own = provider_la.eq_ignore_ascii_case(la);
        let wrong = match ep(row, "PLACE_PROVIDER") {
            "PR1" => !own,
            "PR2" => own,
            _ => false,
        };
        if wrong {
            out.push(finding(RULE.code, Table::Episodes, row, "PLACE_PROVIDER"));
        }
    }
}
