//! # What it checks
//!
//! An episode's `CINclosureDate`, when given, is within the census year (1 April to 31 March).
//!
//! # Why
//!
//! An episode closed before the census year should not be in the return as closed in it, and a
//! closure after its end has not happened yet.
//!
//! # DfE wording
//!
//! CIN Closure Date present and does not fall within the Census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8620",
    message: "CIN Closure Date present and does not fall within the Census year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    date(ep.cin_closure_date.as_ref()).is_some_and(|d| !ctx.in_year(d))
}
