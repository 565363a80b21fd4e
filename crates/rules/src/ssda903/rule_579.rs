//! # What it checks
//!
//! Each child's rows in the PlacedAdoption table, in order of `DATE_PLACED` (rows whose
//! `DATE_PLACED` is not a date left out): a decision that follows another starts on or after the
//! earlier one's `DATE_PLACED_CEASED`. One that follows a decision with no `DATE_PLACED_CEASED`, or
//! one that ceased after it started, is reported.
//!
//! # Why
//!
//! A child has one decision that they should be placed for adoption at a time; a new decision comes
//! after the previous one has ended.
//!
//! # DfE wording
//!
//! A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
use formats::ssda903::raw::RawRow;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "579",
    message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, rows) in by_child(&ret.current, Table::PlacedAdoption) {
        let mut decisions: Vec<(Date, &RawRow)> = rows
            .into_iter()
            .filter_map(|r| Some((date(pa(r, "DATE_PLACED"))?, r)))
            .collect();
        decisions.sort_by_key(|(d, r)| (*d, r.row));
        for pair in decisions.windows(2) {
            let ((_, before), (start, row)) = (pair[0], pair[1]);
            let ceased = date(pa(before, "DATE_PLACED_CEASED"));
            if ceased.is_none_or(|c| start < c) {
                out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
            }
        }
    }
}
