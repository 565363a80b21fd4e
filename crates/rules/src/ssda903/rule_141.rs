//! # What it checks
//!
//! Each row of the Episodes table whose `DECOM` is filled in holds a date written `DD/MM/YYYY`
//! that exists in the calendar. A blank `DECOM` is not reported here.
//!
//! # Why
//!
//! Every episode of care starts on its `DECOM`; the days in care, the order of episodes and the
//! children looked after at any date all come from it.
//!
//! # DfE wording
//!
//! Date episode began is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "141",
    message: "Date episode began is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "DECOM", present_but_not_a_date);
}
