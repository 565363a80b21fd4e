//! # What it checks
//!
//! Each row of this year's Episodes table other than a short break (`LS` `V3` or `V4`) has a
//! valid `PL_LA`: an ONS local authority code (`E09000027`), or `WAL`, `SCO`, `NIR` or `NUK` for
//! a placement in Wales, Scotland, Northern Ireland or outside the UK.
//!
//! `PL_LA` is derived by the DfE from `PL_POST`: Harbour reads it when the Episodes file carries
//! it and otherwise derives it with the ONS postcode directory (`harbour validate --postcodes`),
//! blank when the placement postcode is missing or unknown; with neither the rule is skipped, and
//! the output says so.
//!
//! # Why
//!
//! The placement's local authority is how the DfE counts children placed out of area; a missing
//! one means the placement postcode is missing or wrong.
//!
//! # DfE wording
//!
//! Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.

use super::common::*;
use super::common_pc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "169",
    message: "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if !short_break(row) && !valid_pl_la(ep(row, "PL_LA")) {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_LA"));
        }
    }
}
