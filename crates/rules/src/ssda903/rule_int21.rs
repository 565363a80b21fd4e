//! # What it checks
//!
//! Each row of the UASC table of a child with a Header row has the `SEX` of the Header row.
//!
//! # Why
//!
//! The child's sex is given in both tables; they must agree.
//!
//! # DfE wording
//!
//! Internal Check: SEX in UASC is different to SEX in Header.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "INT21",
    message: "Internal Check: SEX in UASC is different to SEX in Header.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let headers = header_rows(&ret.current);
    let table = Table::Uasc;
    for row in ret.current.rows(table) {
        if let Some(h) = headers.get(row.child())
            && h.get(Table::Header, "SEX") != row.get(table, "SEX")
        {
            out.push(finding(RULE.code, table, row, "SEX"));
        }
    }
}
