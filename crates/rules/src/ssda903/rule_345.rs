//! # What it checks
//!
//! Each row of the OC3 table whose `IN_TOUCH` is `YES` has neither `ACTIV` nor `ACCOM` `0` (the
//! code for not in touch, died or returned home).
//!
//! # Why
//!
//! An authority in touch with a care leaver knows what they do and where they live; `0` says the
//! opposite.
//!
//! # DfE wording
//!
//! The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "345",
    message: "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Oc3;
    for row in ret.current.rows(table) {
        if row.get(table, "IN_TOUCH") != "YES" {
            continue;
        }
        for field in ["ACTIV", "ACCOM"] {
            if row.get(table, field) == "0" {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
