//! # What it checks
//!
//! No row of the Episodes table has `PLACE` `P1` (placed with own parent(s) or other person(s)
//! with parental responsibility) with `LS` `V2` (single period of accommodation under section 20).
//!
//! # Why
//!
//! A placement with parents is a placement of a child in care or under an order; a child merely
//! accommodated under section 20 for a single period who lives with their parents is not looked
//! after in that placement.
//!
//! # DfE wording
//!
//! A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "378",
    message: "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (ls, place) = (row.get(table, "LS"), row.get(table, "PLACE"));
        if place == "P1" && ls == "V2" {
            out.push(finding(RULE.code, table, row, "PLACE"));
        }
    }
}
