//! # What it checks
//!
//! Each row of the OC2 table with `HEALTH_CHECK` filled in has `IMMUNISATIONS`, `TEETH_CHECK`,
//! `HEALTH_ASSESSMENT` and `SUBSTANCE_MISUSE` all filled in; the row is reported at the first of
//! them left blank.
//!
//! # Why
//!
//! The health items are asked of every child looked after for 12 months; a child with the
//! development assessment item answered is one of them.
//!
//! # DfE wording
//!
//! Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "547",
    message: "Any child who has health promotion information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if row.get(table, "HEALTH_CHECK").is_empty() {
            continue;
        }
        if let Some(blank) = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]
            .into_iter()
            .find(|f| row.get(table, f).is_empty())
        {
            out.push(finding(RULE.code, table, row, blank));
        }
    }
}
