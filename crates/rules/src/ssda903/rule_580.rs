//! # What it checks
//!
//! Each row of the Episodes table whose `DEC` is a date and is the 18th birthday of the child (by
//! the Missing `DOB`) and the `MIS_END` of one of the child's rows in the Missing table (the child
//! was missing until care ended at 18) has `REC` `E8`; otherwise the episode is reported.
//!
//! # Why
//!
//! A young person missing when they turn 18 leaves care on that day without anyone knowing where
//! they went; that is recorded as care ceasing for another reason, `E8`, not as a known
//! destination.
//!
//! # DfE wording
//!
//! Child is missing when cease being looked after but reason episode ceased not ‘E8’.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "580",
    message: "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let missing = rows_by_child(&ret.current, Table::Missing);
    for row in ret.current.rows(Table::Episodes) {
        let Some(dec) = date(ep(row, "DEC")) else {
            continue;
        };
        if ep(row, "REC") == "E8" {
            continue;
        }
        let missing_at_18 = missing.get(row.child()).into_iter().flatten().any(|m| {
            date(mis(m, "MIS_END")) == Some(dec)
                && date(mis(m, "DOB")).is_some_and(|dob| birthday(dob, 18) == dec)
        });
        if missing_at_18 {
            out.push(finding(RULE.code, Table::Episodes, row, "REC"));
        }
    }
}
