//! # What it checks
//!
//! Each row of the Episodes table is of a child who has a row in the Header table (by `CHILD`); a
//! row of a child the Header table does not hold is reported.
//!
//! # Why
//!
//! Every table of the return describes children listed in the Header table; a row for a child not
//! listed there cannot be joined to the child and is left out of every count.
//!
//! # DfE wording
//!
//! Internal Check: Child in Episodes does not exist in Header.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "INT03",
    message: "Internal Check: Child in Episodes does not exist in Header.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    not_in_header(out, RULE.code, &ret.current, Table::Episodes);
}
