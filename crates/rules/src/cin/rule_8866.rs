//! # What it checks
//!
//! Every episode has a `ReferralSource` that is a code of the Source of Referral table (1A to 10),
//! written exactly.
//!
//! # Why
//!
//! Where referrals come from shows which agencies bring children to children's services; it is
//! required for every referral.
//!
//! # DfE wording
//!
//! Source of Referral is missing or an invalid code

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::RawCinDetails;
use model::codes::ReferralSource;

pub(crate) const RULE: Rule = Rule {
    code: "8866",
    message: "Source of Referral is missing or an invalid code",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if failing(ctx, child, ep) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "ReferralSource", ep.referral_source.as_ref());
        }
    }
}

fn failing(_: &Ctx, _: &RawChild, ep: &RawCinDetails) -> bool {
    !is_code::<ReferralSource>(ep.referral_source.as_ref())
}
