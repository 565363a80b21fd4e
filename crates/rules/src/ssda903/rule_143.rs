//! # What it checks
//!
//! Each row of the Episodes table whose `RNE` is filled in holds one of the reasons for a new
//! episode: `S` (started to be looked after), `L`, `P`, `T`, `B` or `U` (a change of legal
//! status, placement or carer, or of several at once). A blank `RNE` is not reported here.
//!
//! # Why
//!
//! The reason for a new episode tells a child starting care from a change within care; the
//! national counts of children who started to be looked after rest on it.
//!
//! # DfE wording
//!
//! The reason for new episode code is not a valid code.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "143",
    message: "The reason for new episode code is not a valid code.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::Episodes, "RNE", |v| !matches!(v, "" | "S" | "L" | "P" | "T" | "B" | "U"));
}
