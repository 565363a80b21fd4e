//! # What it checks
//!
//! Each row of the OC3 table of a young person whose previous year's OC3 row has `IN_TOUCH` `DIED`
//! also has `IN_TOUCH` `DIED`. Without the previous year's return the rule does nothing.
//!
//! # Why
//!
//! A care leaver reported last year as having died cannot be reported this year as alive.
//!
//! # DfE wording
//!
//! Care leaver has previously been reported as having died.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "348",
    message: "Care leaver has previously been reported as having died.",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let table = Table::Oc3;
    let died: HashSet<&str> = previous
        .rows(table)
        .iter()
        .filter(|r| r.get(table, "IN_TOUCH") == "DIED")
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(table) {
        if died.contains(row.child()) && row.get(table, "IN_TOUCH") != "DIED" {
            out.push(finding(RULE.code, table, row, "IN_TOUCH"));
        }
    }
}
