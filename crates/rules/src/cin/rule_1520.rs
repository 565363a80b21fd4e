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

/// Each UPN seen, with its first child's id and place, until a second child with it is seen and
/// both are reported. Kept small: a census may hold a million children.
#[derive(Default)]
struct Seen(HashMap<Box<str>, Option<First>>);

struct First {
    child_id: Box<str>,
    row: usize,
    line: u64,
    column: u64,
}

impl ReturnCheck for Seen {
    fn child(&mut self, _: &Ctx, child: &RawChild, out: &mut Vec<Finding>) {
        let Some(value) = child.upn.as_ref().filter(|v| !v.text.is_empty()) else {
            return;
        };
        let upn = value.text.as_str();
        match self.0.get_mut(upn) {
            None => {
                let first = First {
                    child_id: child.id().into(),
                    row: child.place.row,
                    line: value.line,
                    column: value.column,
                };
                self.0.insert(upn.into(), Some(first));
            }
            Some(first) => {
                if let Some(first) = first.take() {
                    out.push(Finding {
                        rule_code: RULE.code,
                        child_id: first.child_id.into(),
                        table: CHILD_IDENTIFIERS,
                        field: "UPN",
                        row: Some(first.row),
                        line: Some(first.line),
                        column: Some(first.column),
                        value: upn.to_owned(),
                    });
                }
                out.push(finding(RULE.code, child, CHILD_IDENTIFIERS, child.place, "UPN", Some(value)));
            }
        }
    }

    fn finish(&mut self, _: &Ctx, _: &mut Vec<Finding>) {}
}
