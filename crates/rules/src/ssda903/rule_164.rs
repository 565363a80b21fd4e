//! # What it checks
//!
//! Each row of this year's Episodes table with a `PL_DISTANCE`, other than a short break (`LS`
//! `V3` or `V4`) and other than a child recorded as unaccompanied asylum-seeking this year or last,
//! has a distance from 0.0 to 999.9 miles written as a number. A blank distance is rule 392a's.
//!
//! `PL_DISTANCE` is derived by the DfE from `HOME_POST` and `PL_POST`: Harbour reads it when the
//! Episodes file carries it and otherwise derives it with the ONS postcode directory (`harbour
//! validate --postcodes`); with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! The distance from home is how the DfE measures children placed far away; a value outside the
//! range, or not a number, means a postcode or the export is wrong. The DfE leaves out
//! unaccompanied asylum-seeking children, who have no home address in this country to measure
//! from (the DfE's check also looks two years back, which the return does not reach: hence its
//! note on false positives).
//!
//! # DfE wording
//!
//! Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]

use super::common::*;
use super::common_pc::*;
use super::common_r2::miles;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "164",
    message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let uasc = super::common_uasc::uasc_this_or_last_year(ret);
    for row in ret.current.rows(Table::Episodes) {
        let distance = ep(row, "PL_DISTANCE");
        if !distance.is_empty()
            && !short_break(row)
            && !uasc.contains(row.child())
            && !miles(distance).is_some_and(|m| (0.0..=999.9).contains(&m))
        {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_DISTANCE"));
        }
    }
}
