//! # What it checks
//!
//! A child has no more than two episodes of temporary accommodation while the usual foster carer is
//! on holiday (`PLACE` `T3`) in the return; when there are more, each of them is reported.
//!
//! # Why
//!
//! The return allows two such breaks in any 12-month period; a third is either a change of
//! placement or miscoded.
//!
//! # DfE wording
//!
//! Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "377",
    message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for (_, rows) in by_child(&ret.current, table) {
        let holidays: Vec<_> = rows.into_iter().filter(|r| ep(r, "PLACE") == "T3").collect();
        if holidays.len() > 2 {
            for row in holidays {
                out.push(finding(RULE.code, table, row, "PLACE"));
            }
        }
    }
}
