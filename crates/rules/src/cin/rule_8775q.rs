//! # What it checks
//!
//! A child is no more than 25 years old at the end of each episode: on its `CINclosureDate`, or on
//! the census reference date when it is open. The child is over 25 from the day after their 25th
//! birthday. Each such episode is reported, with the child's identifiers.
//!
//! # Why
//!
//! Children's services work with children and, for some care leavers and disabled young people,
//! young adults up to 25; anyone older is almost always a wrong date of birth.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: Child is over 25 years old

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8775Q",
    message: "Please check and either amend data or provide a reason: Child is over 25 years old",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(birth) = date(child.person_birth_date.as_ref()) else {
        return;
    };
    let Ok(twenty_fifth) = birth.checked_add(jiff::Span::new().years(25)) else {
        return;
    };
    let mut any = false;
    for ep in &child.cin_details {
        let end = date(ep.cin_closure_date.as_ref()).unwrap_or(ctx.reference_date);
        if end > twenty_fifth {
            any = true;
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "CINclosureDate", ep.cin_closure_date.as_ref());
        }
    }
    if any {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonBirthDate", child.person_birth_date.as_ref());
    }
}
