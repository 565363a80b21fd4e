//! # What it checks
//!
//! An episode with a `CINclosureDate` (a date, `YYYY-MM-DD`; a value that is not a date is left to
//! rule 8620) has a `ReasonForClosure`.
//!
//! # Why
//!
//! A closed episode needs its reason for closure to show how the child's time as a child in need
//! ended.
//!
//! # DfE wording
//!
//! A CIN case cannot have a CIN closure date without a Reason for Closure

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8805",
    message: "A CIN case cannot have a CIN closure date without a Reason for Closure",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReasonForClosure", ep.reason_for_closure.as_ref());
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    date(ep.cin_closure_date.as_ref()).is_some() && text(ep.reason_for_closure.as_ref()).is_none()
}
