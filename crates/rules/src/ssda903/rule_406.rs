//! # What it checks
//!
//! Each row of the Episodes table of a child recorded as unaccompanied asylum-seeking this year or
//! last (UASC status `1` in Header: the UASC table lists the child, with or without the date the
//! status ceased) has no `PL_DISTANCE`.
//!
//! `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` are derived by the DfE from the postcodes; Harbour
//! reads them when the Episodes file has them (some systems export them) and otherwise derives
//! them with the ONS postcode directory (`harbour validate --postcodes FILE`, with `--la CODE` for
//! `PL_LOCATION`); with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! An unaccompanied asylum-seeking child has no home in this country to measure the placement's
//! distance from; the measure of children placed far from home leaves them out.
//!
//! # DfE wording
//!
//! Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "406",
    message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let uasc = super::common_uasc::uasc_this_or_last_year(ret);
    for row in ret.current.rows(Table::Episodes) {
        if uasc.contains(row.child()) && !ep(row, "PL_DISTANCE").is_empty() {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_DISTANCE"));
        }
    }
}
