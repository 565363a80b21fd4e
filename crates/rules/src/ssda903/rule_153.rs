//! # What it checks
//!
//! Each row of the OC3 table has all three care-leaver items filled in (`IN_TOUCH`, `ACTIV`,
//! `ACCOM`) or none of them: a row with some filled and some blank is reported.
//!
//! # Why
//!
//! Care leavers' contact, activity and accommodation are counted together for the same cohort; one
//! item without the others cannot be counted.
//!
//! # DfE wording
//!
//! All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "153",
    message: "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc3;
    let items = ["IN_TOUCH", "ACTIV", "ACCOM"];
    for row in ret.current.rows(table) {
        let filled = items.iter().filter(|i| !row.get(table, i).is_empty()).count();
        if filled != 0 && filled != items.len() {
            let blank = items.iter().find(|i| row.get(table, i).is_empty());
            out.push(finding(RULE.code, table, row, blank.copied().unwrap_or("IN_TOUCH")));
        }
    }
}
