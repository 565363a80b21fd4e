//! # What it checks
//!
//! Each row of this year's Episodes table has a `PL_DISTANCE`, unless it is a short break (`LS`
//! `V3` or `V4`) or the child is recorded as unaccompanied asylum-seeking this year or last.
//!
//! `PL_DISTANCE` is derived by the DfE from `HOME_POST` and `PL_POST`: Harbour reads it when the
//! Episodes file carries it and otherwise derives it with the ONS postcode directory (`harbour
//! validate --postcodes`), blank when either postcode is missing or unknown; with neither the rule
//! is skipped, and the output says so.
//!
//! # Why
//!
//! Every placement of a looked-after child is measured from the child's home; no distance means a
//! postcode is missing or wrong. Unaccompanied asylum-seeking children have no home address here
//! to measure from (the DfE's check also looks two years back, which the return does not reach:
//! hence its note on false positives).
//!
//! # DfE wording
//!
//! Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]

use super::common::*;
use super::common_pc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "392a",
    message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let uasc = super::common_uasc::uasc_this_or_last_year(ret);
    for row in ret.current.rows(Table::Episodes) {
        if ep(row, "PL_DISTANCE").is_empty() && !short_break(row) && !uasc.contains(row.child()) {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_DISTANCE"));
        }
    }
}
