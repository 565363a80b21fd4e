//! # What it checks
//!
//! A Section 47 enquiry with a `DateOfInitialCPC` has an `S47ActualStartDate` (a date) on or before
//! it. Enquiries without a conference date are left to the schema and rules 8740 and 8675Q.
//!
//! # Why
//!
//! The initial child protection conference is held because of what the enquiry found; it cannot
//! come before the enquiry started.
//!
//! # DfE wording
//!
//! Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawSection47};

pub(crate) const RULE: Rule = Rule {
    code: "8615",
    message: "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.section47 {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, SECTION47, b.place, "S47ActualStartDate", b.actual_start_date.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawSection47) -> bool {
    let Some(icpc) = date(b.date_of_initial_cpc.as_ref()) else {
        return false;
    };
    date(b.actual_start_date.as_ref()).is_none_or(|start| start > icpc)
}
