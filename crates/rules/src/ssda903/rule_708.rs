//! # What it checks
//!
//! Each row of the DoLo table whose `DOB` is a date has neither `DOLO_START` nor `DOLO_END` (when
//! they are dates) before it.
//!
//! # Why
//!
//! An order cannot begin before the child was born; such a date is a typing error in one of the
//! dates.
//!
//! # DfE wording
//!
//! Dates of DoLOs are before child’s date of birth.

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
    code: "708",
    message: "Dates of DoLOs are before child’s date of birth.",
    severity: Severity::Error,
    years: &[2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::DoLo;
    for row in ret.current.rows(table) {
        let Some(dob) = date(dolo(row, "DOB")) else {
            continue;
        };
        for field in ["DOLO_START", "DOLO_END"] {
            if date(dolo(row, field)).is_some_and(|d| d < dob) {
                out.push(finding(RULE.code, table, row, field));
                break;
            }
        }
    }
}
