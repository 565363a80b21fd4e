//! # What it checks
//!
//! A child of school age has a `UPN`, or else a `UPNunknown` reason that is not UN1 (from 2024-25;
//! up to 2023-24 any reason will do). A child is of school age in the census when they were 5 or
//! older on 31 August at the start of the census year (for 2025-26, born on or before 31 August
//! 2020).
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
    check_with(ctx, child, out, RULE.code, true);
}

fn check_2024(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    check_with(ctx, child, out, RULE_2024.code, false);
}

fn check_with(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>, code: &'static str, un1: bool) {
    if text(child.upn.as_ref()).is_some() || !school_age(ctx, child) {
        return;
    }
    let reason = text(child.upn_unknown.as_ref());
    if reason.is_none() || (un1 && reason == Some("UN1")) {
        flag(out, code, child, CHILD_IDENTIFIERS, child.place, "UPNunknown", child.upn_unknown.as_ref());
    }
}
