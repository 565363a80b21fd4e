//! # What it checks
//!
//! Across the whole return, at least 8 different disability codes other than NONE are used (codes
//! outside the Disability table are not counted). The finding is about the return, not a child.
//!
//! # Why
//!
//! Most councils' children in need include children with many kinds of disability; a return using
//! only a few codes suggests disability is not being recorded in full.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use super::ReturnCheck;
use model::codes::Disability;
use std::collections::BTreeSet;

pub(crate) const RULE: Rule = Rule {
    code: "2887Q",
    message: "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Return(|| Box::<Codes>::default()),
};

#[derive(Default)]
struct Codes(BTreeSet<Disability>);

impl ReturnCheck for Codes {
    fn child(&mut self, _: &Ctx, child: &RawChild, _: &mut Vec<Finding>) {
        for (_, value) in &child.disabilities {
            if let Some(code) = Disability::from_code(&value.text)
                && code != Disability::NONE
            {
                self.0.insert(code);
            }
        }
    }

    fn finish(&mut self, _: &Ctx, out: &mut Vec<Finding>) {
        if self.0.len() < 8 {
            out.push(return_finding(RULE.code));
        }
    }
}
