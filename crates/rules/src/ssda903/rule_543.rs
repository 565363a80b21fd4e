//! # What it checks
//!
//! Each row of the OC2 table of a child aged 10 or over on 31 March (by the OC2 `DOB`) who was
//! looked after continuously through the year (the DfE's definition: an episode in the year, and
//! none that started to be looked after, ceased care or was a short break after 1 April) and has no
//! `CONVICTED` (conviction information) is reported.
//!
//! # Why
//!
//! Whether a child of 10 or over was convicted during the year is one of the outcomes collected for
//! children looked after for 12 months; it is the only measure of offending.
//!
//! # DfE wording
//!
//! Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "543",
    message: "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Oc2) {
        let Some(dob) = date(row.get(Table::Oc2, "DOB")) else {
            continue;
        };
        let looked_after = episodes.get(row.child()).is_some_and(|eps| {
            continuously_looked_after(eps, ctx.collection_start, ctx.collection_end)
        });
        if age(dob, ctx.collection_end) >= 10 && looked_after && row.get(Table::Oc2, "CONVICTED").is_empty() {
            out.push(finding(RULE.code, Table::Oc2, row, "CONVICTED"));
        }
    }
}
