//! # What it checks
//!
//! Each row of the Episodes table whose `PLACE` is `A3` or `A5` (placed for adoption with the
//! current foster carers) and whose `DECOM` is a date on or after 1 April 2015 has an `RNE` of `S`
//! (started to be looked after), `T` (change of legal status and placement) or `U` (change of
//! legal status only): the placement type changes, so the reason cannot be a change of placement
//! alone.
//!
//! The episode's start is one of the rule's fields (`DECOM`, `PLACE`, `RNE` in the DfE's list of
//! rules): the DfE checks episodes that began from 1 April 2015, when the codes for placement for
//! adoption with current foster carers came into use. An episode whose `DECOM` is blank or not a
//! date cannot be placed against that day, and is left to the rules on `DECOM` (141 for one that is not a date).
//!
//! # Why
//!
//! A child placed for adoption with their foster carers stays with the same carers; the episode
//! starts because the legal basis changes, which the reason for the new episode must show.
//!
//! # DfE wording
//!
//! Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "217",
    message: "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    let Ok(from) = model::Date::new(2015, 4, 1) else {
        return;
    };
    for row in ret.current.rows(table) {
        if matches!(row.get(table, "PLACE"), "A3" | "A5")
            && date(row.get(table, "DECOM")).is_some_and(|d| d >= from)
            && !matches!(row.get(table, "RNE"), "S" | "T" | "U")
        {
            out.push(finding(RULE.code, table, row, "RNE"));
        }
    }
}
