//! # What it checks
//!
//! No two children in the return have the same `LAchildID`. Every child that shares an id with
//! another is reported, the first as well as the later ones. Children without an id are left to
//! rule 8500.
//!
//! # Why
//!
//! Each child is one record in the census; two records under one id are either one child sent
//! twice, whose episodes must be merged into one record, or two children of whom one has the
//! wrong id.
//!
//! # DfE wording
//!
//! More than one child record with the same LA Child ID

use super::common::{CHILD_IDENTIFIERS, Ctx, finding, text};
use super::{Check, ReturnCheck, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawChild;
use std::collections::HashMap;

pub(crate) const RULE: Rule = Rule {
    code: "8510",
    message: "More than one child record with the same LA Child ID",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Return(|| Box::<Seen>::default()),
};

/// Each id seen: the finding for its first child, until a second child is seen and it is
/// reported.
#[derive(Default)]
struct Seen(HashMap<String, Option<Finding>>);

impl ReturnCheck for Seen {
    fn child(&mut self, _: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
        let Some(id) = text(child.la_child_id.as_ref()) else {
            return;
        };
        let here = finding(
            RULE.code,
            child,
            CHILD_IDENTIFIERS,
            child.place,
            "LAchildID",
            child.la_child_id.as_ref(),
        );
        match self.0.get_mut(id) {
            None => {
                self.0.insert(id.to_owned(), Some(here));
            }
            Some(first) => {
                out.extend(first.take());
                out.push(here);
            }
        }
    }

    fn finish(&mut self, _: &Ctx, _: &mut Vec<Finding>) {}
}
