//! # What it checks
//!
//! Every child protection plan has a `NumberOfPreviousCPP`.
//!
//! # Why
//!
//! The number of previous plans shows how many children come back onto a plan, a key measure of
//! whether plans work.
//!
//! # DfE wording
//!
//! Total Number of previous Child Protection Plans missing

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8730",
    message: "Total Number of previous Child Protection Plans missing",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.child_protection_plans {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CP_PLANS, b.place, "NumberOfPreviousCPP", b.number_of_previous_cpp.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCpPlan) -> bool {
    text(b.number_of_previous_cpp.as_ref()).is_none()
}
