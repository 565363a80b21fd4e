//! # What it checks
//!
//! An assessment with no `AssessmentAuthorisationDate` has not been open for more than 45 working
//! days on the census reference date (31 March). Days are counted from the start date to 31 March,
//! both included when they are working days (England and Wales bank holidays and weekends do not
//! count), so an assessment started on the 46th working day before 31 March is queried.
//!
//! # Why
//!
//! Assessments are to be completed within 45 working days of the referral; one still open after
//! longer is either late or completed without its date recorded.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawAssessment, RawCinDetails};
use model::calendar::DayCount;

pub(crate) const RULE: Rule = Rule {
    code: "8670Q",
    message: "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.assessments {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentActualStartDate", b.actual_start_date.as_ref());
                flag(out, RULE.code, child, ASSESSMENTS, b.place, "AssessmentAuthorisationDate", b.authorisation_date.as_ref());
            }
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawAssessment) -> bool {
    date(b.authorisation_date.as_ref()).is_none()
        && date(b.actual_start_date.as_ref()).is_some_and(|start| {
            ctx.calendar.working_days_between(start, ctx.reference_date, DayCount::StartIsDayOne) > 45
        })
}
