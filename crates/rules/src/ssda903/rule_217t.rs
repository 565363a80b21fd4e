//! # What it checks
//!
//! 2023-24 only. No row of the Episodes table has `PLACE` `P2` (independent living) unless it
//! ended (`DEC`) on or before 28 October 2023, the day the code was withdrawn. An episode still
//! open (blank `DEC`) fails; one whose `DEC` is not a date is left to the rules on `DEC`.
//!
//! # Why
//!
//! From 28 October 2023 placements in independent living were recorded with the new codes for
//! supported accommodation and the like; an episode going on after that day must use them.
//!
//! # DfE wording
//!
//! Placement type 'P2' is not a valid placement type from 28 October 2023.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "217t",
    message: "Placement type 'P2' is not a valid placement type from 28 October 2023.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

/// 28 October 2023, the last day a `P2` episode may run to.
const LAST_DAY: Date = Date::constant(2023, 10, 28);

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if row.get(table, "PLACE") != "P2" {
            continue;
        }
        let dec = row.get(table, "DEC");
        let fails = if dec.is_empty() {
            true
        } else {
            date(dec).is_some_and(|d| d > LAST_DAY)
        };
        if fails {
            out.push(finding(RULE.code, table, row, "PLACE"));
        }
    }
}
