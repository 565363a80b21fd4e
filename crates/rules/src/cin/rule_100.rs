//! # What it checks
//!
//! The header's `CollectionDetails/ReferenceDate` is 31 March of the collection year (for 2025-26,
//! `2026-03-31`). A missing header or date is incorrect too.
//!
//! # Why
//!
//! The reference date fixes the census year that every other date is checked against; a wrong one
//! means the file was made for another year, or the wrong year's rules are being applied.
//!
//! # DfE wording
//!
//! Reference Date is incorrect

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Rule};
use crate::{Finding, Severity};
use formats::cin::raw::RawHeader;

pub(crate) const RULE: Rule = Rule {
    code: "100",
    message: "Reference Date is incorrect",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Header(check),
};

fn check(ctx: &Ctx, header: Option<&RawHeader>, out: &mut Vec<Finding>) {
    let written = header.and_then(|h| h.reference_date.as_ref());
    if date(written) != Some(ctx.reference_date) {
        let place = header.map(|h| h.place).unwrap_or_default();
        out.push(Finding {
            rule_code: RULE.code,
            child_id: String::new(),
            table: HEADER,
            field: "ReferenceDate",
            row: Some(0),
            line: Some(written.map_or(place.line, |v| v.line)),
            column: Some(written.map_or(place.column, |v| v.column)),
            value: written.map(|v| v.text.clone()).unwrap_or_default(),
        });
    }
}
