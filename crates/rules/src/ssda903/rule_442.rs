//! # What it checks
//!
//! Each row of the Header table of a child with at least one row of the Episodes table whose `LS`
//! is not `V3` or `V4` (short-term breaks) has a `UPN` filled in. Children looked after only for
//! short breaks, and children with no episode, are not checked.
//!
//! # Why
//!
//! The Unique Pupil Number links a looked-after child to their education records; where it is not
//! known one of the DfE's `UN` codes is given instead, so the field is never left blank. Children
//! on short breaks alone are not asked for it.
//!
//! # DfE wording
//!
//! Unique Pupil Number (UPN) field is not completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "442",
    message: "Unique Pupil Number (UPN) field is not completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let looked_after: HashSet<&str> = ret
        .current
        .rows(Table::Episodes)
        .iter()
        .filter(|e| !matches!(e.get(Table::Episodes, "LS"), "V3" | "V4"))
        .map(|e| e.child())
        .collect();
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if row.get(table, "UPN").is_empty() && looked_after.contains(row.child()) {
            out.push(finding(RULE.code, table, row, "UPN"));
        }
    }
}
