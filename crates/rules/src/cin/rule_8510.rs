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

use super::common::{CHILD_IDENTIFIERS, Ctx, finding};
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

/// Each id seen, with where its first child's id is, until a second child with it is seen and
/// both are reported. Kept small: a census may hold a million children.
#[derive(Default)]
struct Seen(HashMap<Box<str>, Option<Place>>);

/// The row, line and column of a first occurrence.
#[derive(Clone, Copy)]
struct Place {
    row: usize,
    line: u64,
    column: u64,
}

impl ReturnCheck for Seen {
    fn child(&mut self, _: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
        let Some(value) = child.la_child_id.as_ref().filter(|v| !v.text.is_empty()) else {
            return;
        };
        let id = value.text.as_str();
        match self.0.get_mut(id) {
            None => {
                let place = Place {
                    row: child.place.row,
                    line: value.line,
                    column: value.column,
                };
                self.0.insert(id.into(), Some(place));
            }
            Some(first) => {
                if let Some(first) = first.take() {
                    out.push(Finding {
                        rule_code: RULE.code,
                        child_id: id.to_owned(),
                        table: CHILD_IDENTIFIERS,
                        field: "LAchildID",
                        row: Some(first.row),
                        line: Some(first.line),
                        column: Some(first.column),
                        value: id.to_owned(),
                    });
                }
                out.push(finding(
                    RULE.code,
                    child,
                    CHILD_IDENTIFIERS,
                    child.place,
                    "LAchildID",
                    Some(value),
                ));
            }
        }
    }

    fn finish(&mut self, _: &Ctx, _: &mut Vec<Finding>) {}
}
