//! # What it checks
//!
//! A child looked after continuously for the 12 months to 31 March (by the Episodes table, as rule
//! 185 judges it) has a row in the OC2 table with `IMMUNISATIONS`, `TEETH_CHECK`,
//! `HEALTH_ASSESSMENT` and `SUBSTANCE_MISUSE` filled in. An OC2 row lacking one is reported; a child
//! with no OC2 row is reported at their first episode (by `DECOM`).
//!
//! # Why
//!
//! The health outcomes of children looked after for a year are a national measure; a child of the
//! cohort without them is a gap in it.
//!
//! # DfE wording
//!
//! Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "191",
    message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let cohort = looked_after_for_12_months(ctx, &ret.current);
    let table = Table::Oc2;
    let mut with_oc2 = HashSet::new();
    for row in ret.current.rows(table) {
        with_oc2.insert(row.child());
        let blank = [
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
        ]
        .into_iter()
        .find(|f| row.get(table, f).is_empty());
        if let Some(field) = blank
            && cohort.contains(row.child())
        {
            out.push(finding(RULE.code, table, row, field));
        }
    }
    for (child, episodes) in episodes_in_order(&ret.current) {
        if let Some((_, first)) = episodes.first()
            && cohort.contains(child)
            && !with_oc2.contains(child)
        {
            out.push(finding(RULE.code, Table::Episodes, first, "CHILD"));
        }
    }
}
