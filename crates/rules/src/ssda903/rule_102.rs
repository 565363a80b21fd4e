//! # What it checks
//!
//! Each row of the Header table has a `DOB` that is a date written `DD/MM/YYYY` (a one-digit day or
//! month is accepted) and exists in the calendar. A blank `DOB` is reported too.
//!
//! # Why
//!
//! Every age in the return (at entry to care, at the year end, at adoption) is counted from the
//! date of birth; without a real one none of them can be worked out.
//!
//! # DfE wording
//!
//! Date of birth is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "102",
    message: "Date of birth is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "DOB", |v| date(v).is_none());
}
