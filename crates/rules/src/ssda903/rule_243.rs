//! # What it checks
//!
//! Each row of this year's Episodes table placed outside England (`PL_LA` `WAL`, `SCO`, `NIR` or
//! `NUK`, or `CON`) has no `URN`, not even `XXXXXXX`.
//!
//! `PL_LA` is derived by the DfE from `PL_POST`: Harbour reads it when the Episodes file carries
//! it and otherwise derives it with the ONS postcode directory (`harbour validate --postcodes`);
//! with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! Ofsted registers providers in England only; a placement in Wales, Scotland, Northern Ireland or
//! abroad has no Ofsted URN, so one recorded is wrong, or the placement postcode is.
//!
//! # DfE wording
//!
//! Only placements with providers registered with Ofsted should have a URN reported.

use super::common::*;
use super::common_pc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "243",
    message: "Only placements with providers registered with Ofsted should have a URN reported.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if matches!(ep(row, "PL_LA"), "CON" | "NIR" | "SCO" | "WAL" | "NUK")
            && !ep(row, "URN").is_empty()
        {
            out.push(finding(RULE.code, Table::Episodes, row, "URN"));
        }
    }
}
