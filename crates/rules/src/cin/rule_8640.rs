//! # What it checks
//!
//! An episode's `ReasonForClosure`, when given, is a code of the Reason for Closure table (RC1 to
//! RC9), written exactly.
//!
//! # Why
//!
//! The reason for closure shows what children's services achieved or why they stopped; an unknown
//! code cannot be counted.
//!
//! # DfE wording
//!
//! CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;
use model::codes::ReasonForClosure;

pub(crate) const RULE: Rule = Rule {
    code: "8640",
    message: "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
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
    text(ep.reason_for_closure.as_ref()).is_some() && !is_code::<ReasonForClosure>(ep.reason_for_closure.as_ref())
}
