//! # What it checks
//!
//! Each child protection plan starting in the census year starts on the day of an initial child
//! protection conference of its episode: a `DateOfInitialCPC` of one of its Section 47 enquiries or
//! of the episode itself. A plan that does not is reported with the episode's Section 47 enquiries
//! that needed a conference (`ICPCnotRequired` not set). An episode with no Section 47 enquiry and
//! no conference date of its own is not checked: its plan was made at a conference recorded
//! elsewhere.
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
        // Plans carried from an earlier episode's conference have nothing here to compare with.
        if ep.section47.is_empty() && text(ep.date_of_initial_cpc.as_ref()).is_none() {
            continue;
        }
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
                for s in ep.section47.iter().filter(|s| !is_true(s.icpc_not_required.as_ref())) {
                    flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
                }
            }
        }
    }
}
