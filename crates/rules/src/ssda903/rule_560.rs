//! # What it checks
//!
//! With the previous year's return given: for each child whose latest row in last year's
//! PlacedAdoption table (by `DATE_PLACED`) had neither `DATE_PLACED_CEASED` nor
//! `REASON_PLACED_CEASED` (the decision still stood), each row of this year's PlacedAdoption table
//! whose `DATE_PLACED` is filled in has that same date; one with another date, or a value that is
//! not a date, is reported. Without the previous year's return nothing is checked.
//!
//! # Why
//!
//! A decision that still stood at the end of last year goes on into this year with the date it was
//! made; a new date without the old decision ending means one of the dates is wrong.
//!
//! # DfE wording
//!
//! Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "560",
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(previous) = &ret.previous else {
        return;
    };
    let standing: HashMap<&str, Date> = by_child(previous, Table::PlacedAdoption)
        .into_iter()
        .filter_map(|(child, rows)| {
            let latest = rows
                .iter()
                .max_by_key(|r| (date(pa(r, "DATE_PLACED")), r.row))?;
            let d = date(pa(latest, "DATE_PLACED"))?;
            (!decision_ended(latest)).then_some((child, d))
        })
        .collect();
    for row in ret.current.rows(Table::PlacedAdoption) {
        let v = pa(row, "DATE_PLACED");
        if let Some(before) = standing.get(row.child())
            && !v.is_empty()
            && date(v) != Some(*before)
        {
            out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
        }
    }
}
