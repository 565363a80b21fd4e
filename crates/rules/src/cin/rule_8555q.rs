//! # What it checks
//!
//! No episode's `CINreferralDate` is after the child's `PersonDeathDate`.
//!
//! The child (for dates of death) or the episode (for closure) is reported with the block.
//!
//! # Why
//!
//! A child cannot be referred after they died; one of the dates is wrong.
//!
//! # DfE wording
//!
//! Child cannot be referred after its recorded date of death

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8555Q",
    message: "Child cannot be referred after its recorded date of death",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let mut any = false;
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            { any = true; flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref()); }
        }
    }
    if any {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonDeathDate", child.person_death_date.as_ref());
    }
}

fn failing(_: &Ctx, child: &RawChild, ep: &RawCinDetails) -> bool {
    match (date(child.person_death_date.as_ref()), date(ep.cin_referral_date.as_ref())) {
        (Some(death), Some(referral)) => referral > death,
        _ => false,
    }
}
