//! # What it checks
//!
//! Each row of the PrevPerm table with any of `PREV_PERM`, `LA_PERM`, `DATE_PERM` filled in is of a
//! child whose first episode in the Episodes table (by `DECOM`) began on or after 1 April 2016;
//! otherwise the PrevPerm row and that episode are reported.
//!
//! # Why
//!
//! Previous permanence has been collected for children who started to be looked after from 1 April
//! 2016; a child whose care began before then has none to record.
//!
//! # DfE wording
//!
//! There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "634",
    message: "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let from = jiff::civil::date(2016, 4, 1);
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::PrevPerm) {
        if ["PREV_PERM", "LA_PERM", "DATE_PERM"]
            .iter()
            .all(|f| pp(row, f).is_empty())
        {
            continue;
        }
        if let Some(first) = episodes.get(row.child()).and_then(|eps| eps.first())
            && first.start < from
        {
            out.push(finding(RULE.code, Table::PrevPerm, row, "PREV_PERM"));
            out.push(finding(RULE.code, Table::Episodes, first.row, "DECOM"));
        }
    }
}
