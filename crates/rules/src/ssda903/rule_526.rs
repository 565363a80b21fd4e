//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is filled in and is not a temporary placement (`T0`
//! to `T4`) has a `PLACE_PROVIDER`.
//!
//! # Why
//!
//! Placements are counted by who provides them; every placement but a temporary move has a
//! provider.
//!
//! # DfE wording
//!
//! Child is missing a placement provider code for at least one episode.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "526",
    message: "Child is missing a placement provider code for at least one episode.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let place = row.get(table, "PLACE");
        if !place.is_empty() && !matches!(place, "T0" | "T1" | "T2" | "T3" | "T4") && row.get(table, "PLACE_PROVIDER").is_empty() {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
