//! # What it checks
//!
//! Each row of the Header table whose `DOB` is a date has one on or before 31 March, the last day
//! of the collection year.
//!
//! # Why
//!
//! A child looked after during the year was born by the end of it; a later date of birth is a
//! typing error.
//!
//! # DfE wording
//!
//! Date of birth falls after the year ended.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "301",
    message: "Date of birth falls after the year ended.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "DOB", |v| {
        date(v).is_some_and(|d| d > ctx.collection_end)
    });
}
