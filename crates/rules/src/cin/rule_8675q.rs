//! # What it checks
//!
//! An open Section 47 enquiry (no `DateOfInitialCPC`, and `ICPCnotRequired` is 0) has not been
//! open for more than 15 working days on the census reference date (31 March), counting the start
//! date and 31 March when they are working days.
//!
//! # Why
//!
//! An initial child protection conference is to be held within 15 working days of the strategy
//! discussion that starts the enquiry; an enquiry open longer without one is late or its conference
//! date is missing.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use formats::cin::raw::{RawCinDetails, RawSection47};
use model::calendar::DayCount;

pub(crate) const RULE: Rule = Rule {
    code: "8675Q",
    message: "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        for b in &ep.section47 {
            if failing(ctx, child, ep, b) {
                flag(out, RULE.code, child, SECTION47, b.place, "S47ActualStartDate", b.actual_start_date.as_ref());
            }
        }
    }
}

fn failing(ctx: &Ctx, _: &RawChild, _: &RawCinDetails, b: &RawSection47) -> bool {
    open_s47(b)
        && date(b.actual_start_date.as_ref()).is_some_and(|start| {
            ctx.calendar.working_days_between(start, ctx.reference_date, DayCount::StartIsDayOne) > 15
        })
}
