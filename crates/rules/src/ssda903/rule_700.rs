//! # What it checks
//!
//! Each row of the DoLo table (deprivation of liberty orders, from 2026-27) has a `DOLO_START`
//! written `DD/MM/YYYY` that exists in the calendar; a blank one is reported too.
//!
//! # Why
//!
//! An order is placed in the child's time in care by the day it started; a row without a real start
//! date cannot be.
//!
//! # DfE wording
//!
//! The start date of the DoLO is not a valid date.

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
    code: "700",
    message: "The start date of the DoLO is not a valid date.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::DoLo, "DOLO_START", |v| date(v).is_none());
}
