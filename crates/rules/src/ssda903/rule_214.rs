//! # What it checks
//!
//! Each row of the Episodes table whose `LS` is `V3` or `V4` (short breaks, accommodated under
//! section 20 for respite) has `PL_POST` (the placement postcode) and `URN` (the Ofsted reference
//! of the placement) both blank.
//!
//! # Why
//!
//! Where a child on short breaks stays is not collected; the items are for children placed full
//! time.
//!
//! # DfE wording
//!
//! Placement location information not required.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "214",
    message: "Placement location information not required.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        if !matches!(row.get(table, "LS"), "V3" | "V4") {
            continue;
        }
        for field in ["PL_POST", "URN"] {
            if !row.get(table, field).is_empty() {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
