//! # What it checks
//!
//! Of the children in the return who are born (children with an expected date of birth and no date
//! of birth are left out), no more than 2% have no sex recorded: `Sex` missing, empty or `U` (to
//! 2023-24: `GenderCurrent` missing, empty or `0`, not known). The finding is about the return, not
//! a child.
//!
//! # Why
//!
//! Sex is needed for the national statistics on children in need; a council where many children
//! have none recorded is probably not recording it.
//!
//! # DfE wording
//!
//! 2024-25, 2025-26: Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)
//!
//! 2023-24: Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use super::ReturnCheck;

pub(crate) const RULE: Rule = Rule {
    code: "2886Q",
    message: "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)",
    severity: Severity::Query,
    years: &[2025, 2026],
    check: Check::Return(|| Box::new(Share { unknown: "U", ..Share::default() })),
};

pub(crate) const RULE_2024: Rule = Rule {
    code: "2886Q",
    message: "Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)",
    severity: Severity::Query,
    years: &[2024],
    check: Check::Return(|| Box::new(Share { unknown: "0", ..Share::default() })),
};

#[derive(Default)]
struct Share {
    born: u64,
    unrecorded: u64,
    /// The value that means not recorded: `U`, or `0` to 2023-24.
    unknown: &'static str,
}

impl ReturnCheck for Share {
    fn child(&mut self, _: &Ctx, child: &RawChild, _: &mut Vec<Finding>) {
        let unborn = date(child.person_birth_date.as_ref()).is_none()
            && date(child.expected_person_birth_date.as_ref()).is_some();
        if unborn {
            return;
        }
        self.born += 1;
        if text(child.sex.as_ref()).is_none_or(|s| s == self.unknown) {
            self.unrecorded += 1;
        }
    }

    fn finish(&mut self, _: &Ctx, out: &mut Vec<Finding>) {
        // More than 2%, in whole numbers: unrecorded / born > 2 / 100.
        if self.unrecorded * 100 > self.born * 2 {
            out.push(return_finding(RULE.code));
        }
    }
}
