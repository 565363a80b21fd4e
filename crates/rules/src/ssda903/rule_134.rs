//! # What it checks
//!
//! Each row of the AD1 table with any adoption information (`DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`,
//! `NB_ADOPTR`, `SEX_ADOPTR` or `LS_ADOPTR`) is of a child with no care leaver information
//! (`IN_TOUCH`, `ACTIV` or `ACCOM`) in the OC3 table.
//!
//! # Why
//!
//! Care leavers are young people of 17 to 21 who left care; adoption information belongs to children
//! adopted from care. A child cannot be in both cohorts.
//!
//! # DfE wording
//!
//! Data on adoption should not be entered for the OC3 cohort.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "134",
    message: "Data on adoption should not be entered for the OC3 cohort.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let leavers: HashSet<&str> = ret
        .current
        .rows(Table::Oc3)
        .iter()
        .filter(|r| {
            ["IN_TOUCH", "ACTIV", "ACCOM"]
                .iter()
                .any(|f| !r.get(Table::Oc3, f).is_empty())
        })
        .map(|r| r.child())
        .collect();
    let table = Table::Ad1;
    for row in ret.current.rows(table) {
        let adoption = [
            "DATE_INT",
            "DATE_MATCH",
            "FOSTER_CARE",
            "NB_ADOPTR",
            "SEX_ADOPTR",
            "LS_ADOPTR",
        ]
        .iter()
        .any(|f| !row.get(table, f).is_empty());
        if adoption && leavers.contains(row.child()) {
            out.push(finding(RULE.code, table, row, "CHILD"));
        }
    }
}
