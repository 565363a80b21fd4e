//! # What it checks
//!
//! Each child's missing periods in the Missing table, in order of `MIS_START` (periods whose
//! `MIS_START` is not a date left out): a period that follows one with no `MIS_END` (blank, or not
//! a date: the period has not ended), or starts before the earlier one's `MIS_END`, is reported. A
//! period may start on the day the one before it ended.
//!
//! # Why
//!
//! A child is missing or away from placement once at a time; overlapping periods double-count the
//! time and the number of times the child went missing.
//!
//! # DfE wording
//!
//! A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.

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
    code: "574",
    message: "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, rows) in by_child(&ret.current, Table::Missing) {
        let mut periods: Vec<(Date, &RawRow)> = rows
            .into_iter()
            .filter_map(|r| Some((date(mis(r, "MIS_START"))?, r)))
            .collect();
        periods.sort_by_key(|(d, r)| (*d, r.row));
        for pair in periods.windows(2) {
            let ((_, before), (start, row)) = (pair[0], pair[1]);
            if date(mis(before, "MIS_END")).is_none_or(|e| start < e) {
                out.push(finding(RULE.code, Table::Missing, row, "MIS_START"));
            }
        }
    }
}
