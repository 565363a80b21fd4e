//! # What it checks
//!
//! An episode has at most one open Section 47 enquiry (one with no `DateOfInitialCPC` and not
//! marked `ICPCnotRequired`). When it has two or more, each open one is reported.
//!
//! # Why
//!
//! A child has one Section 47 enquiry at a time within an episode; two open ones are usually one
//! enquiry recorded twice, or an old one never concluded.
//!
//! # DfE wording
//!
//! Within one CINDetails group there are 2 or more open S47 Assessments

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;

pub(crate) const RULE: Rule = Rule {
    code: "8839",
    message: "Within one CINDetails group there are 2 or more open S47 Assessments",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Child(check),
};

fn check(_: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
    for ep in &child.cin_details {
        let open: Vec<_> = ep.section47.iter().filter(|s| open_s47(s)).collect();
        if open.len() > 1 {
            for s in open {
                flag(out, RULE.code, child, SECTION47, s.place, "DateOfInitialCPC", s.date_of_initial_cpc.as_ref());
            }
        }
    }
}
