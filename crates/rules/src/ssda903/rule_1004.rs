//! # What it checks
//!
//! Each row of the Missing table has a `MIS_START` written `DD/MM/YYYY` that exists in the
//! calendar; a blank one is reported too.
//!
//! # Why
//!
//! Every missing or away episode is counted from its start date; a row without a real one cannot be
//! counted.
//!
//! # DfE wording
//!
//! The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "1004",
    message: "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Missing, "MIS_START", |v| date(v).is_none());
}
