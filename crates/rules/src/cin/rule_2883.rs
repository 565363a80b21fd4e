//! # What it checks
//!
//! Across the whole return, the child protection plans starting in the census year are no more than
//! the initial child protection conferences held in it (each `DateOfInitialCPC` in the year, of an
//! episode or of a Section 47 enquiry). The finding is about the return, not a child.
//!
//! # Why
//!
//! Every child protection plan is made at an initial conference, so there cannot be more plans
//! starting than conferences held; more means conferences are missing from the return.
//!
//! # DfE wording
//!
//! There are more child protection plans starting than initial conferences taking place

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use super::ReturnCheck;

pub(crate) const RULE: Rule = Rule {
    code: "2883",
    message: "There are more child protection plans starting than initial conferences taking place",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Return(|| Box::<Counts>::default()),
};

#[derive(Default)]
struct Counts {
    plans: u64,
    conferences: u64,
}

impl ReturnCheck for Counts {
    fn child(&mut self, ctx: &Ctx, child: &RawChild, _: &mut Vec<Finding>) {
        let in_year = |v: Option<&formats::cin::raw::RawValue>| date(v).is_some_and(|d| ctx.in_year(d));
        for ep in &child.cin_details {
            self.conferences += u64::from(in_year(ep.date_of_initial_cpc.as_ref()));
            for s in &ep.section47 {
                self.conferences += u64::from(in_year(s.date_of_initial_cpc.as_ref()));
            }
            for p in &ep.child_protection_plans {
                self.plans += u64::from(in_year(p.start_date.as_ref()));
            }
        }
    }

    fn finish(&mut self, _: &Ctx, out: &mut Vec<Finding>) {
        if self.plans > self.conferences {
            out.push(return_finding(RULE.code));
        }
    }
}
