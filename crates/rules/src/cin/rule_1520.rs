//! # What it checks
//!
//! No two children in the return have the same `UPN`. Every child that shares a UPN with another is
//! reported, the first as well as the later ones.
//!
//! # Why
//!
//! A UPN belongs to one child; two records with one UPN are one child sent twice or a UPN typed
//! against the wrong child.
//!
//! # DfE wording
//!
//! More than one record with the same UPN.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use super::ReturnCheck;
use std::collections::HashMap;

pub(crate) const RULE: Rule = Rule {
    code: "1520",
    message: "More than one record with the same UPN.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Return(|| Box::<Seen>::default()),
};

/// Each UPN seen: the finding for its first child, until a second child is seen.
#[derive(Default)]
struct Seen(HashMap<String, Option<Finding>>);

impl ReturnCheck for Seen {
    fn child(&mut self, _: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
        let Some(upn) = text(child.upn.as_ref()) else {
            return;
        };
        let here = finding(RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPN", child.upn.as_ref());
        match self.0.get_mut(upn) {
            None => {
                self.0.insert(upn.to_owned(), Some(here));
            }
            Some(first) => {
                out.extend(first.take());
                out.push(here);
            }
        }
    }

    fn finish(&mut self, _: &Ctx, _: &mut Vec<Finding>) {}
}
