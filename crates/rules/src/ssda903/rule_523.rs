//! # What it checks
//!
//! For each child with rows in both the PlacedAdoption and AD1 tables, each PlacedAdoption row's
//! `DATE_PLACED` that is a date equals each AD1 row's `DATE_INT` that is a date. Both rows of a pair
//! that differs are reported. Values that are not dates are left to the rules on each date.
//!
//! # Why
//!
//! Both items record the same decision, that adoption is in the child's best interests and the
//! child should be placed for adoption; the two tables must give it the same date.
//!
//! # DfE wording
//!
//! Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "523",
    message: "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let ad1: HashMap<&str, Vec<_>> = by_child(&ret.current, Table::Ad1)
        .into_iter()
        .collect();
    let mut ad1_reported = std::collections::BTreeSet::new();
    let table = Table::PlacedAdoption;
    for row in ret.current.rows(table) {
        let (Some(placed), Some(rows)) = (date(row.get(table, "DATE_PLACED")), ad1.get(row.child()))
        else {
            continue;
        };
        let mut differs = false;
        for a in rows {
            if date(a.get(Table::Ad1, "DATE_INT")).is_some_and(|d| d != placed) {
                differs = true;
                if ad1_reported.insert(a.row) {
                    out.push(finding(RULE.code, Table::Ad1, a, "DATE_INT"));
                }
            }
        }
        if differs {
            out.push(finding(RULE.code, table, row, "DATE_PLACED"));
        }
    }
}
