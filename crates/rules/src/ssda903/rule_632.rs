//! # What it checks
//!
//! Each row of the PrevPerm table whose `DATE_PERM` is filled in holds a date written `DD/MM/YYYY`,
//! the day or the day and month `ZZ` when not known, that is before the `DECOM` of the child's
//! first episode in the Episodes table (the earliest day the value can mean is compared). A value
//! that is not such a date, or one on or after that `DECOM`, reports the PrevPerm row and that
//! episode.
//!
//! # Why
//!
//! The previous permanence order ended an earlier period of care, so it was made before the child
//! came back into care; other values cannot be counted in the measure of returns to care.
//!
//! # DfE wording
//!
//! Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "632",
    message: "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::PrevPerm) {
        let v = pp(row, "DATE_PERM");
        if v.is_empty() {
            continue;
        }
        let first = episodes.get(row.child()).and_then(|eps| eps.first());
        let bad = match date_perm(v) {
            None => true,
            Some(made) => first.is_some_and(|f| made >= f.start),
        };
        if bad {
            out.push(finding(RULE.code, Table::PrevPerm, row, "DATE_PERM"));
            if let Some(first) = first {
                out.push(finding(RULE.code, Table::Episodes, first.row, "DECOM"));
            }
        }
    }
}
