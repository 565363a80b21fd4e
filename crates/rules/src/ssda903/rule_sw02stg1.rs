//! # What it checks
//!
//! Each row of the SWEpisodes table has a `SW_ID` that begins with `SW` or `XX` (capitals, as
//! the DfE writes them). A blank `SW_ID` does not begin with either and is reported.
//!
//! # Why
//!
//! The DfE's social worker identifiers begin with `SW` or `XX`; any other value is not one of
//! them, so the child's social worker episodes cannot be linked to the worker.
//!
//! # DfE wording
//!
//! Social worker ID does not begin with the characters ‘SW’ or ‘XX’.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW02STG1",
    message: "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::SwEpisodes, "SW_ID", |v| {
        !(v.starts_with("SW") || v.starts_with("XX"))
    });
}
