//! # What it checks
//!
//! For each child with an episode in the Episodes table that ceased with adoption (`REC` `E11` or
//! `E12`), the child's latest row in the PlacedAdoption table (by `DATE_PLACED`) has no
//! `DATE_PLACED_CEASED`. Otherwise that row and the episode are reported.
//!
//! # Why
//!
//! A child who was adopted went through with the decision to place them for adoption; a date the
//! decision ceased says the opposite.
//!
//! # DfE wording
//!
//! If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "558",
    message: "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let placed = rows_by_child(&ret.current, Table::PlacedAdoption);
    for row in ret.current.rows(Table::Episodes) {
        if !adopted(ep(row, "REC")) {
            continue;
        }
        let latest = placed
            .get(row.child())
            .and_then(|rows| rows.iter().max_by_key(|r| (date(pa(r, "DATE_PLACED")), r.row)));
        if let Some(latest) = latest
            && !pa(latest, "DATE_PLACED_CEASED").is_empty()
        {
            out.push(finding(RULE.code, Table::Episodes, row, "REC"));
            out.push(finding(RULE.code, Table::PlacedAdoption, latest, "DATE_PLACED_CEASED"));
        }
    }
}
