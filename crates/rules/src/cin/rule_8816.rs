//! # What it checks
//!
//! An open episode (no `CINclosureDate` that is a date) that is not a referral with no further
//! action has the latest `CINreferralDate` of the child's episodes. When an open episode has
//! another episode referred on or after its referral date, the open episode and every episode from
//! its date on are reported.
//!
//! # Why
//!
//! Episodes follow one another; an open episode followed by a later one should have been closed
//! when the later one began.
//!
//! # DfE wording
//!
//! An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8816",
    message: "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let referrals: Vec<_> = child
        .cin_details
        .iter()
        .map(|ep| date(ep.cin_referral_date.as_ref()))
        .collect();
    // The earliest referral of an open episode with another episode on or after its date.
    let Some(first_open) = child
        .cin_details
        .iter()
        .zip(&referrals)
        .enumerate()
        .filter(|(_, (ep, _))| open_episode(ep))
        .filter_map(|(i, (_, d))| {
            let d = (*d)?;
            let later = referrals
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.is_some_and(|o| o >= d));
            later.then_some(d)
        })
        .min()
    else {
        return;
    };
    // That episode and every episode on or after it.
    for (ep, d) in child.cin_details.iter().zip(&referrals) {
        if d.is_some_and(|d| d >= first_open) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
        }
    }
}
