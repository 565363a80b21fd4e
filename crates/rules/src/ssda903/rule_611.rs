//! # What it checks
//!
//! Each row of the Header table whose `MOTHER` is `1` (the child is a mother) has `MC_DOB` (the
//! date of birth of her first child) filled in.
//!
//! # Why
//!
//! Looked-after mothers are counted with the age of their children; the date of birth is needed for
//! each.
//!
//! # DfE wording
//!
//! Date of birth field is blank, but child is a mother.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "611",
    message: "Date of birth field is blank, but child is a mother.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let table = Table::Header;
    for row in ret.current.rows(table) {
        if row.get(table, "MOTHER") == "1" && row.get(table, "MC_DOB").is_empty() {
            out.push(finding(RULE.code, table, row, "MC_DOB"));
        }
    }
}
