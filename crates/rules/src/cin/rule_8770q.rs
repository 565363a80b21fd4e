//! # What it checks
//!
//! A child of school age has a `UPN`, or else a `UPNunknown` reason that is not UN1 (UN1 says the
//! child is not of school age). From 2024-25 a child is of school age in the census when they were
//! 5 or older on 31 August at the start of the census year (for 2025-26, born on or before 31
//! August 2020); up to 2023-24 the rule asks it of children more than 5 years old, 6 or older on
//! the reference date. Only children with a referral that went on to further action
//! (`ReferralNFA` 0) are checked: for the others UN7 explains the missing UPN.
//!
//! # Why
//!
//! Children of school age have a UPN from their school; it links the census with the school census
//! so that the education of children in need can be followed. UN1 (child is not of school age)
//! cannot be right for them.
//!
//! # DfE wording
//!
//! 2024-25, 2025-26: Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.
//!
//! 2023-24: Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8770Q",
    message: "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.",
    severity: Severity::Query,
    years: &[2025, 2026],
    check: Check::Child(check),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "8770Q",
    message: "Please check and either amend data or provide a reason: UPN or reason UPN missing expected for a child who is more than 5 years old",
    severity: Severity::Query,
    years: &[2024],
    check: Check::Child(check_2024),
};

/// Whether the child was 5 or older on 31 August at the start of the census year.
fn school_age(ctx: &Ctx, child: &RawChild) -> bool {
    let Some(birth) = date(child.person_birth_date.as_ref()) else {
        return false;
    };
    let cutoff = model::Date::new(ctx.reference_date.year() - 6, 8, 31);
    cutoff.is_ok_and(|cutoff| birth <= cutoff)
}

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    check_with(ctx, child, out, RULE.code);
}

/// To 2023-24: a child more than 5 years old (6 or older) on the reference date.
fn check_2024(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(birth) = date(child.person_birth_date.as_ref()) else {
        return;
    };
    let six = birth.checked_add(jiff::Span::new().years(6));
    if text(child.upn.as_ref()).is_some()
        || six.is_ok_and(|six| six > ctx.reference_date)
        || !further_action(child)
    {
        return;
    }
    let reason = text(child.upn_unknown.as_ref());
    if reason.is_none() || reason == Some("UN1") {
        flag(out, RULE_2024.code, child, CHILD_IDENTIFIERS, child.place, "UPNunknown", child.upn_unknown.as_ref());
    }
}

/// Whether a referral of the child went on to further action (`ReferralNFA` 0 or false): a child
/// whose referrals all ended there has UN7 to explain a missing UPN.
fn further_action(child: &RawChild) -> bool {
    child
        .cin_details
        .iter()
        .any(|ep| matches!(text(ep.referral_nfa.as_ref()), Some("0" | "false")))
}

fn check_with(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>, code: &'static str) {
    if text(child.upn.as_ref()).is_some() || !school_age(ctx, child) || !further_action(child) {
        return;
    }
    let reason = text(child.upn_unknown.as_ref());
    if reason.is_none() || reason == Some("UN1") {
        flag(out, code, child, CHILD_IDENTIFIERS, child.place, "UPNunknown", child.upn_unknown.as_ref());
    }
}
