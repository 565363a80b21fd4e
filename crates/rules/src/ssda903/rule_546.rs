//! # What it checks
//!
//! Each row of the OC2 table of a child aged 5 or over on 31 March (by the OC2 `DOB`) who was
//! looked after continuously through the year (the DfE's definition, as for rules 543 and 545) has
//! no `HEALTH_CHECK` (health promotion information); one with it is reported.
//!
//! # Why
//!
//! Development checks are collected for children under 5 only; a value for an older child is a
//! recording error or a wrong date of birth.
//!
//! # DfE wording
//!
//! Children aged 5 or over at 31 March should not have health promotion information completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "546",
    message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let episodes = episodes_by_child(&ret.current);
    for row in ret.current.rows(Table::Oc2) {
        let looked_after = episodes.get(row.child()).is_some_and(|eps| {
            continuously_looked_after(eps, ctx.collection_start, ctx.collection_end)
        });
        if let Some(dob) = date(row.get(Table::Oc2, "DOB"))
            && looked_after
            && age(dob, ctx.collection_end) >= 5
            && !row.get(Table::Oc2, "HEALTH_CHECK").is_empty()
        {
            out.push(finding(RULE.code, Table::Oc2, row, "HEALTH_CHECK"));
        }
    }
}
