//! # What it checks
//!
//! Each child who was an unaccompanied asylum-seeking child last year (UASC status `1` in last
//! year's Header table) and is not this year (`0`) has the date their status ceased in last year's
//! UASC table (`DUC`), a date within last year's collection year, and no `DUC` this year. The
//! child's Header row and UASC row of this year are reported. Without last year's return the rule
//! does nothing, as it does for a child whose status in either year is blank or not a code.
//!
//! # Why
//!
//! A child who stopped being UASC between the two returns stopped during last year, and last
//! year's return should say when; this year's, where the child is no longer UASC, has no date to
//! give.
//!
//! # DfE wording
//!
//! Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.

use super::common::*;
use super::common_uasc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "205A",
    message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let now = UascYear::new(&ret.current);
    let then = UascYear::new(previous);
    let last_year = Ctx::new(ctx.year - 1);
    let ceased_last_year = |v: &str| {
        date(v).is_some_and(|d| last_year.collection_start <= d && d <= last_year.collection_end)
    };
    for header in ret.current.rows(Table::Header) {
        let child = header.child();
        if status_of(header) != Status::NotUasc || then.status(child) != Status::Uasc {
            continue;
        }
        if now.duc(child).is_empty() && ceased_last_year(then.duc(child)) {
            continue;
        }
        out.push(finding(RULE.code, Table::Header, header, "UASC"));
        for row in ret.current.rows(Table::Uasc).iter().filter(|r| r.child() == child) {
            out.push(finding(RULE.code, Table::Uasc, row, "DUC"));
        }
    }
}
