//! # What it checks
//!
//! Each row of the DoLo table whose `DOLO_START` is a date has one on or before 31 March, the last
//! day of the collection year.
//!
//! # Why
//!
//! The return reports on the year to 31 March; an order that started after it has no place in it.
//!
//! # DfE wording
//!
//! The date that the DoLO started is after the end of the collection year.

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
    code: "703",
    message: "The date that the DoLO started is after the end of the collection year.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::DoLo, "DOLO_START", |v| {
        date(v).is_some_and(|d| d > ctx.collection_end)
    });
}
