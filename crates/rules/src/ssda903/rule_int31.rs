//! # What it checks
//!
//! The AD1 table holds one row per child: every row of a child with more than one row in it is
//! reported.
//!
//! # Why
//!
//! The AD1 table records facts held once per child; two rows for one child contradict each other or
//! repeat one another.
//!
//! # DfE wording
//!
//! Internal Check: Child should only exist once in AD1.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "INT31",
    message: "Internal Check: Child should only exist once in AD1.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    more_than_once(out, RULE.code, &ret.current, Table::Ad1);
}
