//! # What it checks
//!
//! For each child who ceased to be looked after (their last episode in the Episodes table, by
//! `DECOM`, has a `DEC` and a `REC` code other than `X1`), each of the child's rows in the DoLo
//! table has a `DOLO_END` that is a date; one without (blank or not a date) is reported.
//!
//! # Why
//!
//! A deprivation of liberty order of a child looked after is returned for the time in care; when
//! the child leaves care the order, as the return records it, has ended.
//!
//! # DfE wording
//!
//! Child ceased to be looked after but there is a DoLO without an end date.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_dolo::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "707",
    message: "Child ceased to be looked after but there is a DoLO without an end date.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::DoLo) {
        let ceased = episodes.get(row.child()).and_then(|eps| ceased_on(eps));
        if ceased.is_some() && date(dolo(row, "DOLO_END")).is_none() {
            out.push(finding(RULE.code, Table::DoLo, row, "DOLO_END"));
        }
    }
}
