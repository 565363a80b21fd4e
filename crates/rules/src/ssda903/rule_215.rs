//! # What it checks
//!
//! A child with care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM` in the OC3 table) has none
//! of the items of children looked after for 12 months (`CONVICTED`, `HEALTH_CHECK`,
//! `IMMUNISATIONS`, `TEETH_CHECK`, `HEALTH_ASSESSMENT`, `SUBSTANCE_MISUSE`,
//! `INTERVENTION_RECEIVED`, `INTERVENTION_OFFERED` in the OC2 table). Both rows are reported.
//!
//! # Why
//!
//! A care leaver has left care; the outcomes of children looked after all year cannot describe them
//! too.
//!
//! # DfE wording
//!
//! Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "215",
    message: "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let oc2_items = [
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ];
    let with_items = |r: &&formats::ssda903::raw::RawRow| {
        oc2_items.iter().any(|f| !r.get(Table::Oc2, f).is_empty())
    };
    let leaver = |r: &&formats::ssda903::raw::RawRow| {
        ["IN_TOUCH", "ACTIV", "ACCOM"]
            .iter()
            .any(|f| !r.get(Table::Oc3, f).is_empty())
    };
    let oc2: HashSet<&str> = ret
        .current
        .rows(Table::Oc2)
        .iter()
        .filter(with_items)
        .map(|r| r.child())
        .collect();
    let leavers: HashSet<&str> = ret
        .current
        .rows(Table::Oc3)
        .iter()
        .filter(leaver)
        .map(|r| r.child())
        .collect();
    for row in ret.current.rows(Table::Oc3).iter().filter(leaver) {
        if oc2.contains(row.child()) {
            out.push(finding(RULE.code, Table::Oc3, row, "IN_TOUCH"));
        }
    }
    for row in ret.current.rows(Table::Oc2).iter().filter(with_items) {
        if leavers.contains(row.child()) {
            out.push(finding(RULE.code, Table::Oc2, row, "CONVICTED"));
        }
    }
}
