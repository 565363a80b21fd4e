//! # What it checks
//!
//! Each row of the OC2 table with any of its items filled in (the SDQ score or reason, conviction,
//! health check, immunisations, teeth check, health assessment, substance misuse or the
//! interventions) has all four of `IMMUNISATIONS`, `TEETH_CHECK`, `HEALTH_ASSESSMENT` and
//! `SUBSTANCE_MISUSE` filled in. A row with every item blank is not reported.
//!
//! # Why
//!
//! Immunisations, teeth checks, health assessments and substance misuse are asked of every child
//! looked after for 12 months, whatever their age; a child with outcome data but not these four is
//! missing part of the national health measures.
//!
//! # DfE wording
//!
//! Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "182",
    message: "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc2;
    let needed = [
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
    ];
    let others = [
        "SDQ_SCORE",
        "SDQ_REASON",
        "CONVICTED",
        "HEALTH_CHECK",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ];
    for row in ret.current.rows(table) {
        let any = needed
            .iter()
            .chain(&others)
            .any(|i| !row.get(table, i).is_empty());
        if let Some(blank) = needed.iter().find(|i| row.get(table, i).is_empty())
            && any
        {
            out.push(finding(RULE.code, table, row, blank));
        }
    }
}
