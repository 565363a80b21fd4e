//! # What it checks
//!
//! For each child with rows in the PlacedAdoption table whose `DATE_PLACED` is a date, and an
//! episode in the Episodes table under a placement order (`LS` `E1`): at least one `DATE_PLACED` is
//! on or before the `DECOM` of the child's first such episode. Otherwise that episode and the
//! child's PlacedAdoption rows with a date are reported.
//!
//! # Why
//!
//! A placement order is sought after the decision that the child should be placed for adoption; a
//! decision dated after the order has a wrong date.
//!
//! # DfE wording
//!
//! Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "554",
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for (child, rows) in by_child(&ret.current, Table::PlacedAdoption) {
        let dates = decision_dates(&rows);
        let first = episodes
            .get(child)
            .and_then(|eps| eps.iter().find(|e| e.get("LS") == "E1"));
        if let Some(first) = first
            && !dates.is_empty()
            && dates.iter().all(|d| *d > first.start)
        {
            out.push(finding(RULE.code, Table::Episodes, first.row, "DECOM"));
            for row in rows.iter().filter(|r| date(pa(r, "DATE_PLACED")).is_some()) {
                out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED"));
            }
        }
    }
}
