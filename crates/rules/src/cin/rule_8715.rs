//! # What it checks
//!
//! A `DateOfInitialCPC`, of an episode or of a Section 47 enquiry, is within the census year (1
//! April to 31 March).
//!
//! # Why
//!
//! A conference before the census year belongs to an earlier return, and one after it has not
//! happened yet.
//!
//! # DfE wording
//!
//! Date of Initial Child Protection Conference must fall within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8715",
    message: "Date of Initial Child Protection Conference must fall within the census year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let outside = |v| date(v).is_some_and(|d| !ctx.in_year(d));
    for ep in &child.cin_details {
        if outside(ep.date_of_initial_cpc.as_ref()) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "DateOfInitialCPC", ep.date_of_initial_cpc.as_ref());
        }
        for s in &ep.section47 {
            if outside(s.date_of_initial_cpc.as_ref()) {
                flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
            }
        }
    }
}
