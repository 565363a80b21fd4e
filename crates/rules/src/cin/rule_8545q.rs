//! # What it checks
//!
//! A child's `PersonDeathDate`, when given, is within the census year (1 April to 31 March).
//!
//! # Why
//!
//! Children who died before the census year should not be in this year's return, and a date after
//! its end has not happened yet.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: Child's date of death should be within the census year

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8545Q",
    message: "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    if date(child.person_death_date.as_ref()).is_some_and(|d| !ctx.in_year(d)) {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "PersonDeathDate", child.person_death_date.as_ref());
    }
}
