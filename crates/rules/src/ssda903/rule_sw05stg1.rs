//! # What it checks
//!
//! Each row of the SWEpisodes table whose `SW_DEC` is filled in has a date there (`DD/MM/YYYY`,
//! a day that exists). A blank `SW_DEC` is not reported by this rule.
//!
//! # Why
//!
//! The date the social worker episode ended places it in the child's journey; a value that is not a
//! date cannot be used. (The DfE wording of this rule is as published, punctuation included.)
//!
//! # DfE wording
//!
//! Date social worker episode began is not a valid date.

#[allow(unused_imports)]
use super::common::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW05STG1",
    message: "Date social worker episode began is not a valid date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(_: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(
        out,
        RULE.code,
        &ret.current,
        Table::SwEpisodes,
        "SW_DEC",
        present_but_not_a_date,
    );
}
