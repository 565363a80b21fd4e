//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE_PROVIDER` is `PR5` (voluntary or third sector
//! provision) has a `PLACE` other than `P1` (with parents).
//!
//! # Why
//!
//! A child placed with parents is not in voluntary provision; the provider code for that placement
//! is `PR0`.
//!
//! # DfE wording
//!
//! A placement provider code of PR5 cannot be associated with placements P1.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "531",
    message: "A placement provider code of PR5 cannot be associated with placements P1.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let (place, provider) = (row.get(table, "PLACE"), row.get(table, "PLACE_PROVIDER"));
        if provider == "PR5" && place == "P1" {
            out.push(finding(RULE.code, table, row, "PLACE_PROVIDER"));
        }
    }
}
