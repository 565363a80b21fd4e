//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is a placement Ofsted does not register (`P1`, `P3`,
//! `R1`, `R2`, `R5`, `T0` to `T4`, `Z11` to `Z14`; in 2024-25 `Z1` for the `Z1x` codes; in 2023-24
//! also `P2`) has a blank `URN` (`XXXXXXX`, the code for a regional adoption agency, is let
//! through).
//!
//! # Why
//!
//! A URN identifies an Ofsted-registered provider; a placement type that is never registered cannot
//! have one, so the URN, or the placement type, is wrong.
//!
//! # DfE wording
//!
//! Ofsted Unique reference number (URN) should not be recorded for this placement type.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "222",
    message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row_where(out, ret, |row| {
        no_urn_places(ctx.year).contains(&ep(row, "PLACE"))
            && !ep(row, "URN").is_empty()
            && ep(row, "URN") != "XXXXXXX"
    });
}

fn each_row_where(
    out: &mut Vec<Finding>,
    ret: &Return,
    bad: impl Fn(&formats::ssda903::raw::RawRow) -> bool,
) {
    for row in ret.current.rows(Table::Episodes) {
        if bad(row) {
            out.push(finding(RULE.code, Table::Episodes, row, "URN"));
        }
    }
}
