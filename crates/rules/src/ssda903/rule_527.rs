//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE_PROVIDER` is `PR1` (own provision) has a `PLACE`
//! other than `P1` (with parents), `R2` (NHS or health establishment) and `R5` (young offender
//! institution).
//!
//! # Why
//!
//! Placements with parents, in health establishments and in custody are not provided by the local
//! authority; the provider code says who provides the placement.
//!
//! # DfE wording
//!
//! A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "527",
    message: "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (place, provider) = (row.get(table, "PLACE"), row.get(table, "PLACE_PROVIDER"));
        if provider == "PR1" && matches!(place, "P1" | "R2" | "R5") {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
