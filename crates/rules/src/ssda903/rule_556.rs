//! # What it checks
//!
//! 2023-24 only. Each episode in the Episodes table with legal status `D1` (freeing order
//! granted) began (`DECOM`) on or after the `DATE_PLACED` of each of the child's rows of the
//! PlacedAdoption table; an episode that began before one of them is reported, at `DECOM`.
//! Values that are not dates are left out.
//!
//! # Why
//!
//! A freeing order follows the decision that the child should be placed for adoption, so the
//! decision cannot be dated after the freeing order was granted.
//!
//! # DfE wording
//!
//! Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "556",
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    // Each child's latest DATE_PLACED.
    let mut placed: HashMap<&str, model::Date> = HashMap::new();
    for row in ret.current.rows(Table::PlacedAdoption) {
        if let Some(d) = date(pa(row, "DATE_PLACED")) {
            let e = placed.entry(row.child()).or_insert(d);
            *e = (*e).max(d);
        }
    }
    for row in ret.current.rows(Table::Episodes) {
        if ep(row, "LS") != "D1" {
            continue;
        }
        if let (Some(decom), Some(&p)) = (date(ep(row, "DECOM")), placed.get(row.child()))
            && p > decom
        {
            out.push(finding(RULE.code, Table::Episodes, row, "DECOM"));
        }
    }
}
