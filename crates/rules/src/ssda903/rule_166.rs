//! # What it checks
//!
//! Each row of the Reviews table has a `REVIEW` date written `DD/MM/YYYY` that exists in the
//! calendar; a blank one is reported too.
//!
//! # Why
//!
//! Reviews of children looked after are counted by date (a child must be reviewed on time); a
//! review without a real date cannot be counted.
//!
//! # DfE wording
//!
//! Date of review is invalid or blank.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "166",
    message: "Date of review is invalid or blank.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Reviews, "REVIEW", |v| date(v).is_none());
}
