//! # What it checks
//!
//! A child's episodes do not overlap: each
//! `CINreferralDate` is after the `CINclosureDate` of the episode before. A referral on the day
//! the previous episode closed overlaps it, as do two episodes referred on the same day. An episode
//! whose closure date is written but not a date has no known end and overlaps every later one; an
//! open episode, with no closure date, followed by another is left to rule 8816. Every episode in
//! an overlap is reported.
//!
//! # Why
//!
//! A child is in one episode of need at a time; a new referral while an episode is open belongs to
//! that episode.
//!
//! # DfE wording
//!
//! The dates on the CIN episodes for this child overlap

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8820",
    message: "The dates on the CIN episodes for this child overlap",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let spans: Vec<_> = child
        .cin_details
        .iter()
        .filter_map(|ep| Some((ep, date(ep.cin_referral_date.as_ref())?, date(ep.cin_closure_date.as_ref()))))
        .collect();
    let mut reported = vec![false; spans.len()];
    for (i, (a, a_start, a_end)) in spans.iter().enumerate() {
        // An episode with no closure date is open and left to rule 8816; one whose closure date
        // is there but not a date has no known end, so it overlaps every later episode.
        let written = text(a.cin_closure_date.as_ref()).is_some();
        for (j, (_, b_start, _)) in spans.iter().enumerate() {
            if (a_start, i) >= (b_start, j) {
                continue;
            }
            if *b_start == *a_start || (written && a_end.is_none_or(|end| *b_start <= end)) {
                reported[i] = true;
                reported[j] = true;
            }
        }
    }
    for ((ep, _, _), hit) in spans.iter().zip(reported) {
        if hit {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINreferralDate", ep.cin_referral_date.as_ref());
        }
    }
}
