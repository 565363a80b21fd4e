//! # What it checks
//!
//! Each row of the Episodes table placed for adoption (`PLACE` `A3` to `A6`) or under a placement
//! order (`LS` `E1`) that ceased with a `REC` other than adoption (`E11`, `E12`) or `X1` (the
//! period of care goes on) is of a child with a row in the PlacedAdoption table whose
//! `DATE_PLACED_CEASED` and `REASON_PLACED_CEASED` are both filled in. Otherwise the episode and
//! the child's PlacedAdoption rows lacking either are reported.
//!
//! # Why
//!
//! A child who was to be adopted and left care another way no longer has that plan; the decision
//! that they should no longer be placed for adoption is recorded to close it.
//!
//! # DfE wording
//!
//! Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
use formats::ssda903::raw::RawRow;

pub(crate) const RULE: Rule = Rule {
    code: "557",
    message: "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let placed = rows_by_child(&ret.current, Table::PlacedAdoption);
    let complete = |r: &RawRow| {
        !pa(r, "DATE_PLACED_CEASED").is_empty() && !pa(r, "REASON_PLACED_CEASED").is_empty()
    };
    for row in ret.current.rows(Table::Episodes) {
        let rec = ep(row, "REC");
        let in_plan = placed_for_adoption(ep(row, "PLACE")) || ep(row, "LS") == "E1";
        if !in_plan || rec.is_empty() || rec == "X1" || adopted(rec) {
            continue;
        }
        let rows = placed.get(row.child()).map_or(&[][..], Vec::as_slice);
        if rows.iter().any(|r| complete(r)) {
            continue;
        }
        out.push(finding(RULE.code, Table::Episodes, row, "REC"));
        for r in rows {
            out.push(finding(RULE.code, Table::PlacedAdoption, r, "DATE_PLACED_CEASED"));
        }
    }
}
