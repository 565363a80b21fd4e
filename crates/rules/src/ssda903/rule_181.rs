//! # What it checks
//!
//! Each row of the OC2 table has, in each of the items on children looked after for 12 months
//! (`CONVICTED`, `HEALTH_CHECK`, `IMMUNISATIONS`, `TEETH_CHECK`, `HEALTH_ASSESSMENT`,
//! `SUBSTANCE_MISUSE`, `INTERVENTION_RECEIVED`, `INTERVENTION_OFFERED`) that is filled in, `0` or
//! `1`. The row is reported once, at its first such item holding anything else; blank items are
//! left to the rules on which items a child needs.
//!
//! # Why
//!
//! These items are yes-or-no answers (convicted, health checks, immunisations, substance misuse)
//! counted into national outcome measures; any other value cannot be counted.
//!
//! # DfE wording
//!
//! Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "181",
    message: "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    let items = ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];
    for row in ret.current.rows(table) {
        let bad = items
            .iter()
            .find(|i| !matches!(row.get(table, i), "" | "0" | "1"));
        if let Some(item) = bad {
            out.push(finding(RULE.code, table, row, item));
        }
    }
}
