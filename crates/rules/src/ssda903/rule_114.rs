//! # What it checks
//!
//! Each row of the AD1 table whose `FOSTER_CARE` is filled in holds `0` (the adopters were not
//! the child's foster carers) or `1` (they were). A blank `FOSTER_CARE` is not reported here.
//!
//! # Why
//!
//! Adoptions by former foster carers are counted apart nationally; any other value cannot be
//! counted either way.
//!
//! # DfE wording
//!
//! Data entry to record the status of former carer(s) of an adopted child is invalid.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "114",
    message: "Data entry to record the status of former carer(s) of an adopted child is invalid.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Ad1, "FOSTER_CARE", |v| {
        !matches!(v, "" | "0" | "1")
    });
}
