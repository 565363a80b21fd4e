//! # What it checks
//!
//! Each row of the Episodes table open on or after 1 April (`DEC` blank, or a date on or after it)
//! in a placement Ofsted registers (a `PLACE` other than those of rule 222) has a `URN`. A `DEC`
//! that is not a date is left to other rules.
//!
//! Placements outside England, which Ofsted does not register, are exempt in the DfE's rule; which
//! they are is told from the placement postcode's local authority, and Harbour has no postcode
//! directory, so it cannot exempt them: a URN missing for such a placement is reported.
//!
//! # Why
//!
//! The URN links the placement to Ofsted's inspection of the provider; every placement with a
//! registered provider must give it.
//!
//! # DfE wording
//!
//! Ofsted Unique reference number (URN) is required.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "218",
    message: "Ofsted Unique reference number (URN) is required.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let dec = ep(row, "DEC");
        let open_in_year = dec.is_empty() || date(dec).is_some_and(|d| d >= ctx.collection_start);
        if open_in_year
            && ep(row, "URN").is_empty()
            && !no_urn_places(ctx.year).contains(&ep(row, "PLACE"))
        {
            out.push(finding(RULE.code, table, row, "URN"));
        }
    }
}
