//! # What it checks
//!
//! Each row of the OC2 table of a child identified with a substance misuse problem
//! (`SUBSTANCE_MISUSE` `1`) who received no intervention (`INTERVENTION_RECEIVED` `0`) has
//! `INTERVENTION_OFFERED` filled in.
//!
//! # Why
//!
//! For a child with a substance misuse problem who received no intervention, the return asks
//! whether one was offered: refused help and help never offered are counted apart.
//!
//! # DfE wording
//!
//! If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "159",
    message: "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    for row in ret.current.rows(table) {
        if row.get(table, "SUBSTANCE_MISUSE") == "1"
            && row.get(table, "INTERVENTION_RECEIVED") == "0"
            && row.get(table, "INTERVENTION_OFFERED").is_empty()
        {
            out.push(finding(RULE.code, table, row, "INTERVENTION_OFFERED"));
        }
    }
}
