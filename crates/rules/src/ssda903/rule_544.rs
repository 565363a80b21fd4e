//! # What it checks
//!
//! Each row of the OC2 table whose `CONVICTED` is filled in (conviction information completed)
//! has `IMMUNISATIONS`, `TEETH_CHECK`, `HEALTH_ASSESSMENT` and `SUBSTANCE_MISUSE` filled in too.
//! Whether the values are valid codes is for the rules on each field.
//!
//! # Why
//!
//! The conviction item is one of the outcomes recorded for children looked after continuously for
//! 12 months; a child with it recorded is in that cohort, and the health items are collected for
//! every child in it.
//!
//! # DfE wording
//!
//! Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "544",
    message: "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        let missing = [
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
        ]
        .iter()
        .any(|f| row.get(table, f).is_empty());
        if !row.get(table, "CONVICTED").is_empty() && missing {
            out.push(finding(RULE.code, table, row, "CONVICTED"));
        }
    }
}
