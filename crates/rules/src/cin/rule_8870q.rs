//! # What it checks
//!
//! A Section 47 enquiry's `InitialCPCtarget`, when given, is a Monday to Friday.
//!
//! # Why
//!
//! Conferences are held on working days; a target on a Saturday or Sunday is most likely a wrong
//! date.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawSection47};

pub(crate) const RULE: Rule = Rule {
    code: "8870Q",
    message: "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.section47 {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, SECTION47, b.place, "InitialCPCtarget", b.initial_cpc_target.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawSection47) -> bool {
    date(b.initial_cpc_target.as_ref()).is_some_and(is_weekend)
}
