//! # What it checks
//!
//! A `DateOfInitialCPC`, of an episode or of a Section 47 enquiry, is a Monday to Friday.
//!
//! # Why
//!
//! Conferences are held on working days; a conference on a Saturday or Sunday is a wrong date.
//!
//! # DfE wording
//!
//! The Date of Initial Child Protection Conference cannot be a weekend

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8875",
    message: "The Date of Initial Child Protection Conference cannot be a weekend",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        if date(ep.date_of_initial_cpc.as_ref()).is_some_and(is_weekend) {
            flag(out, RULE.code, child, CIN_DETAILS, ep.place, "DateOfInitialCPC", ep.date_of_initial_cpc.as_ref());
        }
        for s in &ep.section47 {
            if date(s.date_of_initial_cpc.as_ref()).is_some_and(is_weekend) {
                flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
            }
        }
    }
}
