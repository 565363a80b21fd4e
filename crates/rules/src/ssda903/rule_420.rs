//! # What it checks
//!
//! Each row of the Episodes table with `LS` `V3` or `V4` (short breaks) has no `PL_LA` (local
//! authority of placement).
//!
//! `PL_LA`, `PL_LOCATION` and `PL_DISTANCE` are derived by the DfE from the postcodes; Harbour
//! reads them when the Episodes file has them (some systems export them) and otherwise derives
//! them with the ONS postcode directory (`harbour validate --postcodes FILE`, with `--la CODE` for
//! `PL_LOCATION`); with neither the rule is skipped, and the output says so.
//!
//! # Why
//!
//! Short breaks are not placements whose authority is counted; a placement authority on them would
//! count the child among those placed out of area.
//!
//! # DfE wording
//!
//! LA of placement completed but child is looked after under legal status V3 or V4.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "420",
    message: "LA of placement completed but child is looked after under legal status V3 or V4.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::Episodes) {
        if matches!(ep(row, "LS"), "V3" | "V4") && !ep(row, "PL_LA").is_empty() {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_LA"));
        }
    }
}
