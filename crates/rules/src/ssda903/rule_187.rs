//! # What it checks
//!
//! A child looked after continuously for the 12 months to 31 March (as rule 185 judges it) has no
//! care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM` in the OC3 table) and no adoption
//! information (any of `DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR`,
//! `LS_ADOPTR` in the AD1 table). Each such OC3 or AD1 row is reported.
//!
//! # Why
//!
//! A child in care all year has neither left care nor been adopted during it; leaving-care or
//! adoption records for them contradict the episodes.
//!
//! # DfE wording
//!
//! Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "187",
    message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    for (table, fields) in [
        (Table::Oc3, &["IN_TOUCH", "ACTIV", "ACCOM"][..]),
        (
            Table::Ad1,
            &[
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ][..],
        ),
    ] {
        for row in ret.current.rows(table) {
            if let Some(field) = fields.iter().find(|f| !row.get(table, f).is_empty())
                && cohort.contains(row.child())
            {
                out.push(finding(RULE.code, table, row, field));
            }
        }
    }
}
