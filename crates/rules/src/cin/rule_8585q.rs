//! # What it checks
//!
//! An episode closed with `ReasonForClosure` RC2 (died) belongs to a child with a
//! `PersonDeathDate`.
//!
//! The child (for dates of death) or the episode (for closure) is reported with the block.
//!
//! # Why
//!
//! If the child died, the date of death should be recorded; if not, the reason for closure is
//! wrong.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8585Q",
    message: "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let mut any = false;
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            any = true;
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReasonForClosure", ep.reason_for_closure.as_ref());
        }
    }
    if any {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonDeathDate", child.person_death_date.as_ref());
    }
}

fn failing(_: &Ctx, child: &RawChild, ep: &RawCinDetails) -> bool {
    text(ep.reason_for_closure.as_ref()) == Some("RC2") && date(child.person_death_date.as_ref()).is_none()
}
