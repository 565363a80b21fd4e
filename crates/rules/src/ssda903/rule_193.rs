//! # What it checks
//!
//! Each row of the OC2 table whose `SUBSTANCE_MISUSE` is not `1` (no substance misuse problem
//! identified, or the item left blank) has `INTERVENTION_RECEIVED` and `INTERVENTION_OFFERED` both
//! blank.
//!
//! # Why
//!
//! Interventions for substance misuse are counted only for children with a problem identified; an
//! intervention recorded for another child is an error in one of the items.
//!
//! # DfE wording
//!
//! Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "193",
    message: "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if row.get(table, "SUBSTANCE_MISUSE") == "1" {
            continue;
        }
        for field in ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"] {
            if !row.get(table, field).is_empty() {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
