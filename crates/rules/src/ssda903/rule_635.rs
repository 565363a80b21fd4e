//! # What it checks
//!
//! Each row of the PrevPerm table whose `PREV_PERM` is `Z1` (no previous permanence option) has no
//! `LA_PERM` and no `DATE_PERM`; one with either is reported.
//!
//! # Why
//!
//! The authority and date describe a previous permanence order; with none, they contradict the
//! code.
//!
//! # DfE wording
//!
//! There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "635",
    message: "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for row in ret.current.rows(Table::PrevPerm) {
        if pp(row, "PREV_PERM") == "Z1"
            && (!pp(row, "LA_PERM").is_empty() || !pp(row, "DATE_PERM").is_empty())
        {
            out.push(finding(RULE.code, Table::PrevPerm, row, "PREV_PERM"));
        }
    }
}
