//! # What it checks
//!
//! Some child in the return with a disability (a code other than NONE) has more than one disability
//! code. When children have disabilities but none has two or more codes, the return is queried. The
//! finding is about the return, not a child.
//!
//! # Why
//!
//! Many disabled children have more than one disability; a return where no child has two suggests
//! only a main disability is being recorded.
//!
//! # DfE wording
//!
//! Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use super::ReturnCheck;

pub(crate) const RULE: Rule = Rule {
    code: "2888Q",
    message: "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.",
    severity: Severity::Query,
    years: &[2024, 2025, 2026],
    check: Check::Return(|| Box::<Counts>::default()),
};

#[derive(Default)]
struct Counts {
    disabled: bool,
    several: bool,
}

impl ReturnCheck for Counts {
    fn child(&mut self, _: &Ctx, child: &RawChild, _: &mut Vec<Finding>) {
        let codes = child.disabilities.iter().filter(|(_, v)| v.text != "NONE").count();
        self.disabled |= codes > 0;
        self.several |= child.disabilities.len() > 1;
    }

    fn finish(&mut self, _: &Ctx, out: &mut Vec<Finding>) {
        if self.disabled && !self.several {
            out.push(return_finding(RULE.code));
        }
    }
}
