//! # What it checks
//!
//! 2023-24 only. Each row of the Episodes table with `PLACE` `H5` (semi-independent living
//! accommodation not subject to children's homes regulations) in England that was going on after
//! 28 October 2023 (`DEC` after that day, or blank) has a `URN` other than the placeholder
//! `XXXXXXX`. A placement is in England unless its `PL_LA` (derived from `PL_POST`) is Welsh,
//! Scottish or Northern Irish or outside the UK (an ONS code starting `W`, `S` or `N`, or `WAL`,
//! `SCO`, `NIR`, `NUK`); a blank `PL_LA` is taken as England. An episode whose `DEC` is not a date
//! is left to the rules on `DEC`.
//!
//! # Why
//!
//! From 28 October 2023 supported accommodation for 16 and 17 year olds in England must be
//! registered with Ofsted, so each such placement has Ofsted's unique reference number.
//!
//! # DfE wording
//!
//! Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.

#[allow(unused_imports)]
use super::common::*;
use super::common_pc::ep;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "230",
    message: "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

/// 28 October 2023: placements going on after this day need a URN.
const FROM: Date = Date::constant(2023, 10, 28);

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if ep(row, "PLACE") != "H5" || outside_england(ep(row, "PL_LA")) {
            continue;
        }
        let dec = ep(row, "DEC");
        let going_on = dec.is_empty() || date(dec).is_some_and(|d| d > FROM);
        if going_on && matches!(ep(row, "URN"), "" | "XXXXXXX") {
            out.push(finding(RULE.code, table, row, "URN"));
        }
    }
}

/// Whether a `PL_LA` places the child outside England.
fn outside_england(pl_la: &str) -> bool {
    matches!(pl_la.as_bytes().first(), Some(b'W' | b'S' | b'N'))
}
