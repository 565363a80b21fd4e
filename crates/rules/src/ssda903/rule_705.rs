//! # What it checks
//!
//! Each child's orders in the DoLo table, in order of `DOLO_START` (orders whose `DOLO_START` is not
//! a date left out): an order that follows one with no `DOLO_END` (blank, or not a date: the order
//! has not ended), or starts before the earlier one's `DOLO_END`, is reported. An order may start on
//! the day the one before it ended.
//!
//! # Why
//!
//! A child is deprived of liberty under one order at a time: a new order replaces one that has
//! ended. Overlapping orders double-count the time.
//!
//! # DfE wording
//!
//! A DoLO cannot start when the previous DoLO is still open.

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
    code: "705",
    message: "A DoLO cannot start when the previous DoLO is still open.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, rows) in by_child(&ret.current, Table::DoLo) {
        let mut orders: Vec<(model::Date, &formats::ssda903::raw::RawRow)> = rows
            .into_iter()
            .filter_map(|r| Some((date(dolo(r, "DOLO_START"))?, r)))
            .collect();
        orders.sort_by_key(|(d, r)| (*d, r.row));
        for pair in orders.windows(2) {
            let ((_, before), (start, row)) = (pair[0], pair[1]);
            if date(dolo(before, "DOLO_END")).is_none_or(|e| start < e) {
                out.push(finding(RULE.code, Table::DoLo, row, "DOLO_START"));
            }
        }
    }
}
