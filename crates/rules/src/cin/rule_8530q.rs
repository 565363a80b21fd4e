//! # What it checks
//!
//! An `ExpectedPersonBirthDate`, when given, is between 1 March and 31 December of the year the
//! census ends in (for 2025-26: 1 March to 31 December 2026).
//!
//! # Why
//!
//! An unborn child is expected within about nine months of the census date; a date well before or
//! after that is likely a typing error or a child who has since been born.
//!
//! # DfE wording
//!
//! Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8530Q",
    message: "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(ctx: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    let Some(d) = date(child.expected_person_birth_date.as_ref()) else {
        return;
    };
    let year = ctx.reference_date.year();
    if d.year() != year || d.month() < 3 {
        flag(out, RULE.code, child, CHILD_IDENTIFIERS, child.place, "ExpectedPersonBirthDate", child.expected_person_birth_date.as_ref());
    }
}
