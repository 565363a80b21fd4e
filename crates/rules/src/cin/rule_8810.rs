//! # What it checks
//!
//! An episode with a `ReasonForClosure` has a `CINclosureDate` that is a date (`YYYY-MM-DD`).
//!
//! # Why
//!
//! A reason for closure on an open episode contradicts itself: either the episode closed and its
//! date is missing, or it is still open.
//!
//! # DfE wording
//!
//! A CIN case cannot have a Reason for Closure without a CIN Closure Date

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8810",
    message: "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
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

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    text(ep.reason_for_closure.as_ref()).is_some() && date(ep.cin_closure_date.as_ref()).is_none()
}
