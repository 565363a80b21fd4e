//! # What it checks
//!
//! An episode flagged `ReferralNFA` (no further action) has a `CINreferralDate` no earlier than the
//! working day before the census year starts (the last working day before 1 April).
//!
//! # Why
//!
//! A referral with no further action is closed within a day or so; one made well before the census
//! year and still flagged NFA would have closed in an earlier year and should not be in this
//! return.
//!
//! # DfE wording
//!
//! A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;

pub(crate) const RULE: Rule = Rule {
    code: "8569Q",
    message: "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    if !is_true(ep.referral_nfa.as_ref()) {
        return false;
    }
    let Some(referral) = date(ep.cin_referral_date.as_ref()) else {
        return false;
    };
    referral < working_day_before(ctx, ctx.period_start)
}
