//! # What it checks
//!
//! Every child protection plan has an `LatestCategoryOfAbuse` that is a code of the Category of
//! Abuse table (NEG, PHY, SAB, EMO, MUL), written exactly.
//!
//! # Why
//!
//! The latest category of abuse is how the national statistics count why children are on plans.
//!
//! # DfE wording
//!
//! Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawCpPlan};
use model::codes::CategoryOfAbuse;

pub(crate) const RULE: Rule = Rule {
    code: "8910",
    message: "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.child_protection_plans {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, CP_PLANS, b.place, "LatestCategoryOfAbuse", b.latest_category_of_abuse.as_ref());
            }
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawCpPlan) -> bool {
    !is_code::<CategoryOfAbuse>(b.latest_category_of_abuse.as_ref())
}
