//! # What it checks
//!
//! An open Section 47 enquiry (no `DateOfInitialCPC`, and `ICPCnotRequired` is 0) has its
//! `S47ActualStartDate` within the census year.
//!
//! # Why
//!
//! An enquiry still waiting for its conference at the end of the year should have started in it; an
//! older one was most likely concluded without the conference date being recorded.
//!
//! # DfE wording
//!
//! For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawSection47};

pub(crate) const RULE: Rule = Rule {
    code: "8740",
    message: "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year",
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

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawSection47) -> bool {
    open_s47(b)
        && date(b.actual_start_date.as_ref()).is_some_and(|d| !ctx.in_year(d))
}
