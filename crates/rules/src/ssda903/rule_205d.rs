//! # What it checks
//!
//! Each child with a row in this year's UASC table (an unaccompanied asylum-seeking child) who was in
//! last year's return (a row in its Header table) had a row in last year's UASC table too. The
//! child's Header row of this year is reported. Without the previous year's return, or when it has no
//! UASC table, the rule does nothing.
//!
//! # Why
//!
//! A child does not become unaccompanied and asylum-seeking while looked after; a child UASC this
//! year and in care last year was UASC then too, or one of the years is wrong.
//!
//! # DfE wording
//!
//! Child identified as UASC this year but not identified as UASC status provided for the child last year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "205D",
    message: "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    if previous.table(Table::Uasc).is_none() {
        return;
    }
    let uasc_now: HashSet<&str> =
        ret.current.rows(Table::Uasc).iter().map(|r| r.child()).collect();
    let uasc_then: HashSet<&str> =
        previous.rows(Table::Uasc).iter().map(|r| r.child()).collect();
    let last_headers = header_rows(previous);
    let table = Table::Header;
    for row in ret.current.rows(table) {
        let child = row.child();
        if uasc_now.contains(child) && last_headers.contains_key(child) && !uasc_then.contains(child)
        {
            out.push(finding(RULE.code, table, row, "CHILD"));
        }
    }
}
