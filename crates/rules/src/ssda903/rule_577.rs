//! # What it checks
//!
//! For each child who ceased to be looked after (their last episode in the Episodes table, by
//! `DECOM`, has a `DEC` and a `REC` code other than `X1`), each of the child's rows in the Missing
//! table has a `MIS_END` that is a date; one without (blank or not a date) is reported.
//!
//! # Why
//!
//! A child who has left care is no longer missing from a placement; every period away from one
//! ended by then.
//!
//! # DfE wording
//!
//! Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "577",
    message: "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Missing) {
        let ceased = episodes.get(row.child()).and_then(|eps| ceased_on(eps));
        if ceased.is_some() && date(mis(row, "MIS_END")).is_none() {
            out.push(finding(RULE.code, Table::Missing, row, "MIS_END"));
        }
    }
}
