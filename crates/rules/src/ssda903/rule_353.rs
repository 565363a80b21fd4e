//! # What it checks
//!
//! Each row of the Episodes table whose `DECOM` is a date has one on or after 14 October 1991, the
//! day the Children Act 1989 came into force.
//!
//! # Why
//!
//! The legal statuses and placement types of the return exist from that day; an episode before it
//! is a typing error.
//!
//! # DfE wording
//!
//! No episode submitted can start before 14 October 1991.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "353",
    message: "No episode submitted can start before 14 October 1991.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let start = jiff::civil::date(1991, 10, 14);
    each_row(out, RULE.code, &ret.current, Table::Episodes, "DECOM", |v| {
        date(v).is_some_and(|d| d < start)
    });
}
