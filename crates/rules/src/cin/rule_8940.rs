//! # What it checks
//!
//! Within an episode, the child protection plans do not overlap: each starts after the one before
//! has ended (a plan starting on the day another ends overlaps it, and a plan with no end date
//! overlaps every later one). Every plan in an overlap is reported.
//!
//! # Why
//!
//! A child has one child protection plan at a time; overlapping plans are duplicates or plans left
//! open.
//!
//! # DfE wording
//!
//! Child Protection Plan data contains overlapping dates

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::{RawChild, RawCpPlan};

pub(crate) const RULE: Rule = Rule {
    code: "8940",
    message: "Child Protection Plan data contains overlapping dates",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        check_episode(child, &ep.child_protection_plans, out);
    }
}

fn check_episode(child: &RawChild, blocks: &[RawCpPlan], out: &mut Vec<Finding>) {
    let spans: Vec<_> = blocks.iter()
        .filter_map(|b| Some((b, date(b.start_date.as_ref())?, date(b.end_date.as_ref()))))
        .collect();
    let mut reported = vec![false; spans.len()];
    for (i, (_, a_start, a_end)) in spans.iter().enumerate() {
        for (j, (_, b_start, _)) in spans.iter().enumerate() {
            // Each pair once: the one starting first (or first in the file) is `a`.
            if (a_start, i) >= (b_start, j) {
                continue;
            }
            if a_end.is_none_or(|end| *b_start <= end) {
                reported[i] = true;
                reported[j] = true;
            }
        }
    }
    for ((b, _, _), hit) in spans.iter().zip(reported) {
        if hit {
            flag(out, RULE.code, child, CP_PLANS, b.place, "CPPstartDate", b.start_date.as_ref());
        }
    }
}
