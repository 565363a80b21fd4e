//! # What it checks
//!
//! An episode's `PrimaryNeedCode`, when given, is a code of the Primary Need table (N0 to N9),
//! written exactly.
//!
//! # Why
//!
//! The primary need is the main reason the child is in need, the basis of the national statistics
//! on why children need help; an unknown code cannot be counted.
//!
//! # DfE wording
//!
//! Primary Need Code invalid (see Primary Need table in CIN census code set)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;
use model::codes::PrimaryNeed;

pub(crate) const RULE: Rule = Rule {
    code: "8650",
    message: "Primary Need Code invalid (see Primary Need table in CIN census code set)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "PrimaryNeedCode", ep.primary_need_code.as_ref());
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    text(ep.primary_need_code.as_ref()).is_some() && !is_code::<PrimaryNeed>(ep.primary_need_code.as_ref())
}
