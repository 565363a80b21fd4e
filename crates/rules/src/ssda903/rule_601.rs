//! # What it checks
//!
//! Each row of the Episodes table that ceased with adoption (`REC` `E11` or `E12`) during the year
//! (a `DEC` from 1 April to 31 March) is of a child with an AD1 row whose `DATE_INT`, `DATE_MATCH`,
//! `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR` and `LS_ADOPTR` are all filled in. Otherwise the
//! episode, and the child's AD1 row if there is one, are reported.
//!
//! # Why
//!
//! The adoption details (dates of the decision and the match, the adopters) are collected for every
//! child adopted from care; without them the adoption scorecard is incomplete.
//!
//! # DfE wording
//!
//! The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.

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
    code: "601",
    message: "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let ad1 = rows_by_child(&ret.current, Table::Ad1);
    for row in ret.current.rows(Table::Episodes) {
        if !adopted_in_year(ctx, row) {
            continue;
        }
        let rows = ad1.get(row.child()).map_or(&[][..], Vec::as_slice);
        let complete = |r: &RawRow| AD1_FIELDS.iter().all(|f| !r.get(Table::Ad1, f).is_empty());
        if rows.iter().any(|r| complete(r)) {
            continue;
        }
        out.push(finding(RULE.code, Table::Episodes, row, "REC"));
        for r in rows {
            out.push(finding(RULE.code, Table::Ad1, r, "DATE_INT"));
        }
    }
}
