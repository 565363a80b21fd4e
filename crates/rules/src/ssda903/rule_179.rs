//! # What it checks
//!
//! Each row of this year's Episodes table other than a short break (`LS` `V3` or `V4`) has a
//! `PL_LOCATION` of `IN` (placed inside the council's area) or `OUT`.
//!
//! `PL_LOCATION` is derived by the DfE from the placement's local authority: Harbour reads it when
//! the Episodes file carries it and otherwise derives it with the ONS postcode directory and the
//! council's LA code (`harbour validate --postcodes FILE --la CODE`), blank when the placement
//! postcode is missing or unknown; with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! Whether a child is placed inside or outside the council's area is one of the return's main
//! measures; no code means the placement postcode is missing or wrong.
//!
//! # DfE wording
//!
//! Placement location code is not a valid code.

use super::common::*;
use super::common_pc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "179",
    message: "Placement location code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if !short_break(row) && !matches!(ep(row, "PL_LOCATION"), "IN" | "OUT") {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_LOCATION"));
        }
    }
}
