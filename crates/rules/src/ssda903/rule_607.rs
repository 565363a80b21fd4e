//! # What it checks
//!
//! Each row of the Episodes table that ceased the child's care in the collection year (a `DEC` from
//! 1 April to 31 March and a `REC` other than `X1`), other than a short break (`LS` `V3`, `V4`), of
//! a female child (Header `SEX` `F`; `2` in 2023-24) is of a child whose Header `MOTHER` is filled
//! in. Otherwise the episode and the Header row are reported.
//!
//! # Why
//!
//! Whether a girl leaving care is a mother is collected when she leaves; without it the count of
//! mothers in care is incomplete.
//!
//! # DfE wording
//!
//! Child ceased to be looked after in the year, but mother field has not been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "607",
    message: "Child ceased to be looked after in the year, but mother field has not been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let female = if ctx.year <= 2024 { "2" } else { "F" };
    let headers = header_rows(&ret.current);
    for row in ret.current.rows(Table::Episodes) {
        let rec = ep(row, "REC");
        let ceased_in_year = date(ep(row, "DEC"))
            .is_some_and(|d| (ctx.collection_start..=ctx.collection_end).contains(&d));
        if !ceased_in_year || rec.is_empty() || rec == "X1" {
            continue;
        }
        if matches!(ep(row, "LS"), "V3" | "V4") {
            continue;
        }
        if let Some(h) = headers.get(row.child())
            && h.get(Table::Header, "SEX") == female
            && h.get(Table::Header, "MOTHER").is_empty()
        {
            out.push(finding(RULE.code, Table::Episodes, row, "REC"));
            out.push(finding(RULE.code, Table::Header, h, "MOTHER"));
        }
    }
}
