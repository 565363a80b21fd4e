//! # What it checks
//!
//! Each row of the Missing table with no `MIS_END` (blank, or not a date) and whose `MIS_START` is
//! a date is not of a placement that has ended: when the child's episode in the Episodes table that
//! was going on at `MIS_START` (began on or before it and ceased on or after it, or has not ceased)
//! has a `DEC`, the missing period is reported.
//!
//! # Why
//!
//! A child goes missing from a placement; once the placement has ended, the period away from it has
//! ended too and has an end date.
//!
//! # DfE wording
//!
//! If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "575",
    message: "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Missing) {
        let Some(start) = date(mis(row, "MIS_START")) else {
            continue;
        };
        if date(mis(row, "MIS_END")).is_some() {
            continue;
        }
        let ended = episodes.get(row.child()).is_some_and(|eps| {
            eps.iter().any(|e| {
                e.start <= start && e.end.is_some_and(|end| start <= end)
            })
        });
        if ended {
            out.push(finding(RULE.code, Table::Missing, row, "MIS_END"));
        }
    }
}
