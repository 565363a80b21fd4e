//! # What it checks
//!
//! Each row of this year's Episodes table whose `HOME_POST` or `PL_POST` is given has postcodes
//! the ONS postcode directory knows (compared upper-case without spaces). The finding names
//! `HOME_POST` when the home postcode is unknown, `PL_POST` otherwise. Without the directory
//! (`harbour validate --postcodes`) the rule is skipped, and the output says so.
//!
//! # Why
//!
//! The DfE derives the placement's local authority and its distance from home from the two
//! postcodes; a postcode that does not exist leaves those blank or wrong.
//!
//! # DfE wording
//!
//! Postcode(s) provided are invalid.

use super::common::*;
use super::common_pc::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "392c",
    message: "Postcode(s) provided are invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let Some(dir) = &ret.postcodes else {
        return;
    };
    let unknown = |v: &str| !v.is_empty() && dir.get(v).is_none();
    for row in ret.current.rows(Table::Episodes) {
        if unknown(ep(row, "HOME_POST")) {
            out.push(finding(RULE.code, Table::Episodes, row, "HOME_POST"));
        } else if unknown(ep(row, "PL_POST")) {
            out.push(finding(RULE.code, Table::Episodes, row, "PL_POST"));
        }
    }
}
