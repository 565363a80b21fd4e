//! # What it checks
//!
//! Each row of the DoLo table whose `DOLO_START` and `DOLO_END` are dates has `DOLO_END` on or after
//! `DOLO_START`: an order may end the day it began, as a missing period may (rule 567).
//!
//! # Why
//!
//! An order ends after it starts; the other order is an error in one of the dates.
//!
//! # DfE wording
//!
//! The date that the DoLO ended is before the date that it started.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_dolo::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "702",
    message: "The date that the DoLO ended is before the date that it started.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::DoLo;
    for row in ret.current.rows(table) {
        if let (Some(start), Some(end)) = (date(dolo(row, "DOLO_START")), date(dolo(row, "DOLO_END")))
            && end < start
        {
            out.push(finding(RULE.code, table, row, "DOLO_END"));
        }
    }
}
