//! # What it checks
//!
//! Each row of the OC2 table with `SUBSTANCE_MISUSE` `1` (a substance misuse problem identified)
//! has `INTERVENTION_RECEIVED` filled in.
//!
//! # Why
//!
//! For a child with a substance misuse problem the return counts whether the child received an
//! intervention; the answer cannot be left out.
//!
//! # DfE wording
//!
//! Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "192",
    message: "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if row.get(table, "SUBSTANCE_MISUSE") == "1"
            && row.get(table, "INTERVENTION_RECEIVED").is_empty()
        {
            out.push(finding(RULE.code, table, row, "INTERVENTION_RECEIVED"));
        }
    }
}
