//! # What it checks
//!
//! No child protection plan's `CPPstartDate` is after the child's `PersonDeathDate`.
//!
//! The child (for dates of death) or the episode (for closure) is reported with the block.
//!
//! # Why
//!
//! A plan cannot start for a child who has died; one of the dates is wrong.
//!
//! # DfE wording
//!
//! Child Protection Plan shown as starting after the child’s Date of Death

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8915",
    message: "Child Protection Plan shown as starting after the child’s Date of Death",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let mut any = false;
    for ep in &child.cin_details {
        for b in &ep.child_protection_plans {
            if failing(ctx, child, ep, b) {
                { any = true; flag(out, RULE.code, child, CP_PLANS, b.place, "CPPstartDate", b.start_date.as_ref()); }
            }
        }
    }
    if any {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonDeathDate", child.person_death_date.as_ref());
    }
}

fn failing(_: &Ctx, child: &RawChild, _: &RawCinDetails, b: &RawCpPlan) -> bool {
    match (date(child.person_death_date.as_ref()), date(b.start_date.as_ref())) {
        (Some(death), Some(d)) => d > death,
        _ => false,
    }
}
