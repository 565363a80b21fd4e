//! # What it checks
//!
//! A child whose latest decision to be placed for adoption in the PlacedAdoption table (by
//! `DATE_PLACED`) has a `DATE_PLACED_CEASED` (the decision was reversed) has no adoption details in
//! the AD1 table (any of `DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR`,
//! `LS_ADOPTR`). Otherwise the PlacedAdoption row and the AD1 row are reported.
//!
//! # Why
//!
//! Adoption details describe a child adopted in the year; a child whose plan for adoption was
//! reversed, with no new decision, was not adopted.
//!
//! # DfE wording
//!
//! A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "525",
    message: "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let ad1 = rows_by_child(&ret.current, Table::Ad1);
    for (child, rows) in by_child(&ret.current, Table::PlacedAdoption) {
        let latest = rows
            .iter()
            .max_by_key(|r| (date(pa(r, "DATE_PLACED")), r.row));
        let Some(latest) = latest else { continue };
        if pa(latest, "DATE_PLACED_CEASED").is_empty() {
            continue;
        }
        let adopted: Vec<_> = ad1
            .get(child)
            .into_iter()
            .flatten()
            .filter(|r| ad1_completed(r))
            .collect();
        if !adopted.is_empty() {
            out.push(finding(RULE.code, Table::PlacedAdoption, latest, "DATE_PLACED_CEASED"));
            for r in adopted {
                out.push(finding(RULE.code, Table::Ad1, r, "DATE_INT"));
            }
        }
    }
}
