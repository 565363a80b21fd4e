//! # What it checks
//!
//! Each row of the OC2 table whose `INTERVENTION_RECEIVED` is `1` (the child received an
//! intervention for a substance misuse problem) has a blank `INTERVENTION_OFFERED`.
//!
//! # Why
//!
//! Whether an intervention was offered is asked only of children who did not receive one; for a
//! child who received one the item has no meaning.
//!
//! # DfE wording
//!
//! If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "158",
    message: "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if row.get(table, "INTERVENTION_RECEIVED") == "1"
            && !row.get(table, "INTERVENTION_OFFERED").is_empty()
        {
            out.push(finding(RULE.code, table, row, "INTERVENTION_OFFERED"));
        }
    }
}
