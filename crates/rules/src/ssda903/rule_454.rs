//! # What it checks
//!
//! Each row of the Episodes table whose `PL_DISTANCE` is a number has it at 350 miles or less.
//! `999.9`, the value written when the distance cannot be worked out, is not a distance. Children
//! recorded as unaccompanied asylum-seeking this year or last (UASC status `1` in Header: the UASC
//! table lists the child) are left out: their distance is not collected (rule 406).
//!
//! `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` are derived by the DfE from the postcodes; Harbour
//! reads them when the Episodes file has them (some systems export them) and otherwise derives
//! them with the ONS postcode directory (`harbour validate --postcodes FILE`, with `--la CODE` for
//! `PL_LOCATION`); with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! No placement in Great Britain is more than 350 miles from a home in England that is worth
//! doubting; a greater distance usually means a mistyped postcode.
//!
//! # DfE wording
//!
//! Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "454",
    message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
    severity: Severity::Error,
    years: &[2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let uasc = super::common_uasc::uasc_this_or_last_year(ret);
    for row in ret.current.rows(Table::Episodes) {
        let v = ep(row, "PL_DISTANCE");
        if v != "999.9" && miles(v).is_some_and(|m| m > 350.0) && !uasc.contains(row.child()) {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_DISTANCE"));
        }
    }
}
