//! # What it checks
//!
//! A child with more than one row in the PlacedAdoption table has a `DATE_PLACED_CEASED` on every
//! row but the latest (by `DATE_PLACED`); each earlier row without one is reported.
//!
//! # Why
//!
//! A second decision to place a child for adoption replaces the first, which has to have been
//! revoked; an earlier decision left open means two plans at once, or a row that should not be
//! there.
//!
//! # DfE wording
//!
//! More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "583",
    message: "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, rows) in by_child(&ret.current, Table::PlacedAdoption) {
        let Some(latest) = rows
            .iter()
            .max_by_key(|r| (date(pa(r, "DATE_PLACED")), r.row))
        else {
            continue;
        };
        for row in &rows {
            if row.row != latest.row && pa(row, "DATE_PLACED_CEASED").is_empty() {
                out.push(finding(RULE.code, Table::PlacedAdoption, row, "DATE_PLACED_CEASED"));
            }
        }
    }
}
