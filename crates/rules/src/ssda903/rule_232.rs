//! # What it checks
//!
//! Each row of the Header table whose `SEX` is `U` (unknown, a code from 2024-25) is reported, for
//! the authority to check that the sex is truly not known.
//!
//! # Why
//!
//! The return's figures are broken down by sex; unknown is allowed but expected to be rare, so each
//! use is checked.
//!
//! # DfE wording
//!
//! Sex of the child/young person has been reported as unknown.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "232",
    message: "Sex of the child/young person has been reported as unknown.",
    severity: Severity::Error,
    years: &[2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Header, "SEX", |v| v == "U");
}
