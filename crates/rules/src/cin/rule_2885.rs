//! # What it checks
//!
//! Each child protection plan starting in the census year starts on the day of an initial child
//! protection conference of its episode: a `DateOfInitialCPC` of one of its Section 47 enquiries or
//! of the episode itself. A plan that does not is reported with the episode's Section 47 enquiries
//! that needed a conference (`ICPCnotRequired` not set), or with the episode when it has none.
//!
//! The child (for dates of death) or the episode (for closure) is reported with the block.
//!
//! # Why
//!
//! A child protection plan is made at the initial conference; a plan starting on another day means
//! the plan's or the conference's date is wrong.
//!
//! # DfE wording
//!
//! Child protection plan shown as starting a different day to the initial child protection conference.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "2885",
    message: "Child protection plan shown as starting a different day to the initial child protection conference.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let conferences: Vec<_> = std::iter::once(&ep.date_of_initial_cpc)
            .chain(ep.section47.iter().map(|s| &s.date_of_initial_cpc))
            .filter_map(|v| date(v.as_ref()))
            .collect();
        for plan in &ep.child_protection_plans {
            // A plan that started before the census year was made at an earlier year's
            // conference, and one starting after it is not this year's.
            let Some(start) = date(plan.start_date.as_ref()).filter(|&d| ctx.in_year(d)) else {
                continue;
            };
            if !conferences.contains(&start) {
                flag(out, RULE.code, child, CP_PLANS, plan.place, "CPPstartDate", plan.start_date.as_ref());
                let needing: Vec<_> = ep.section47.iter().filter(|s| !is_true(s.icpc_not_required.as_ref())).collect();
                for s in &needing {
                    flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
                }
                // With no enquiry to hold it, the conference is the episode's own.
                if needing.is_empty() {
                    flag(out, RULE.code, child, CIN_DETAILS, ep.place, "DateOfInitialCPC", ep.date_of_initial_cpc.as_ref());
                }
            }
        }
    }
}
