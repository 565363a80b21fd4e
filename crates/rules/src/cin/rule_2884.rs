//! # What it checks
//!
//! An episode with a `DateOfInitialCPC` of its own has no Section 47 enquiry with the same
//! `DateOfInitialCPC`: the same conference recorded twice. The episode and each such enquiry are reported.
//!
//! # Why
//!
//! The conference is recorded once: with the Section 47 enquiry that led to it, or at episode level
//! when the enquiry was in an earlier episode. Recording it twice would count it twice.
//!
//! # DfE wording
//!
//! An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "2884",
    message: "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let Some(icpc) = date(ep.date_of_initial_cpc.as_ref()) else {
            continue;
        };
        let both: Vec<_> = ep.section47.iter().filter(|s| date(s.date_of_initial_cpc.as_ref()) == Some(icpc)).collect();
        if !both.is_empty() {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "DateOfInitialCPC", ep.date_of_initial_cpc.as_ref());
            for s in both {
                flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
            }
        }
    }
}
