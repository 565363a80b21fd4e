//! # What it checks
//!
//! Each row of the OC3 table whose `IN_TOUCH` is `DIED` or `RHOM` (returned home for six months or
//! more) has `ACTIV` and `ACCOM` both `0`: a blank one is reported too.
//!
//! # Why
//!
//! For a care leaver who has died or gone home, the return records no activity or accommodation
//! (`0`); a code there contradicts `IN_TOUCH`.
//!
//! # DfE wording
//!
//! The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "344",
    message: "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc3;
    for row in ret.current.rows(table) {
        if !matches!(row.get(table, "IN_TOUCH"), "DIED" | "RHOM") {
            continue;
        }
        for field in ["ACTIV", "ACCOM"] {
            if row.get(table, field) != "0" {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
