//! # What it checks
//!
//! Each row of the UASC table with both `DOB` and `DUC` dates has a `DUC` (the date UASC status
//! ceased) on or before the child's 18th birthday (by the `DOB` of the row).
//!
//! # Why
//!
//! Unaccompanied asylum-seeking child status ends at 18 at the latest; a later date of ceasing is
//! an error in one of the dates.
//!
//! # DfE wording
//!
//! Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "304",
    message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Uasc;
    for row in ret.current.rows(table) {
        let (Some(dob), Some(duc)) = (date(row.get(table, "DOB")), date(row.get(table, "DUC"))) else {
            continue;
        };
        if duc > birthday(dob, 18) {
            out.push(finding(RULE.code, table, row, "DUC"));
        }
    }
}
