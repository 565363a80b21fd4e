//! # What it checks
//!
//! Each child who is not an unaccompanied asylum-seeking child this year (UASC status `0` in the
//! Header table) and was not last year (`0` in last year's Header table, or not in last year's
//! return) has no date their status ceased (`DUC`) in either year's UASC table. The child's Header
//! row and UASC row of this year are reported. Without last year's return the rule does nothing,
//! as it does for a child whose status in either year is blank or not a code.
//!
//! # Why
//!
//! Only a child who was UASC can stop being one: a date the status ceased, for a child who was UASC
//! in neither year, is a wrong date or a wrong status.
//!
//! # DfE wording
//!
//! Child not identified as UASC either this year or last year but date UASC ceased has been provided.

use super::common_uasc::*;
use super::{Check, Ctx, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "205C",
    message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let now = UascYear::new(&ret.current);
    let then = UascYear::new(previous);
    for header in ret.current.rows(Table::Header) {
        let child = header.child();
        if status_of(header) != Status::NotUasc
            || then.status_last_year(child) != Status::NotUasc
            || (now.duc(child).is_empty() && then.duc(child).is_empty())
        {
            continue;
        }
        out.push(super::common::finding(
            RULE.code,
            Table::Header,
            header,
            "UASC",
        ));
        for row in ret.current.rows(Table::Uasc).iter().filter(|r| r.child() == child) {
            out.push(super::common::finding(RULE.code, Table::Uasc, row, "DUC"));
        }
    }
}
