//! # What it checks
//!
//! Each row of the DoLo table whose `DOLO_END` is filled in holds a date written `DD/MM/YYYY` that
//! exists in the calendar. A blank `DOLO_END` (the order goes on) is not reported.
//!
//! # Why
//!
//! How long a child was deprived of liberty is counted to the day the order ended; that must be a
//! real day.
//!
//! # DfE wording
//!
//! The end date of the DoLO is not a valid date.

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
    code: "701",
    message: "The end date of the DoLO is not a valid date.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::DoLo, "DOLO_END", present_but_not_a_date);
}
