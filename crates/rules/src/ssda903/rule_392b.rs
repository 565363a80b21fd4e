//! # What it checks
//!
//! Each episode that is not a short break (`LS` other than `V3` and `V4`) has both `HOME_POST` and
//! `PL_POST`, unless the child is an unaccompanied asylum-seeking child: one with a row in the UASC
//! table this year or, when given, last year.
//!
//! # Why
//!
//! The home and placement postcodes give the distance of the placement from home, a national
//! measure; unaccompanied children have no home postcode in England, so theirs may be blank.
//!
//! # DfE wording
//!
//! Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "392b",
    message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let uasc: HashSet<&str> = [Some(&ret.current), ret.previous.as_ref()]
        .into_iter()
        .flatten()
        .flat_map(|r| r.rows(Table::Uasc).iter().map(|u| u.child()))
        .collect();
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if !matches!(ep(row, "LS"), "V3" | "V4")
            && (ep(row, "HOME_POST").is_empty() || ep(row, "PL_POST").is_empty())
            && !uasc.contains(row.child())
        {
            out.push(finding(RULE.code, table, row, "HOME_POST"));
        }
    }
}
