//! # What it checks
//!
//! Each episode in a temporary placement (`PLACE` `T0` to `T4`) that has ended does so with `REC`
//! `X1` (a new episode follows), not by leaving care.
//!
//! # Why
//!
//! After a temporary placement the child returns to their usual placement; the period of care does
//! not end in the temporary one.
//!
//! # DfE wording
//!
//! A period of care cannot end with a temporary placement.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "381",
    message: "A period of care cannot end with a temporary placement.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Episodes;
    for row in ret.current.rows(table) {
        let rec = ep(row, "REC");
        if temporary(ep(row, "PLACE")) && !rec.is_empty() && rec != "X1" {
            out.push(finding(RULE.code, table, row, "REC"));
        }
    }
}
