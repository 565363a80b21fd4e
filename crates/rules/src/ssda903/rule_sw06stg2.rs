//! # What it checks
//!
//! Each row of the SWEpisodes table whose `SW_DECOM` is a date has it on or before 31 March, the
//! end of the collection year. Values that are not dates are left to SW04STG1.
//!
//! # Why
//!
//! The return describes social worker episodes up to the end of the year; one that begins after it
//! belongs to next year's return.
//!
//! # DfE wording
//!
//! Social worker episode data should be within the social worker data reporting year.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW06STG2",
    message: "Social worker episode data should be within the social worker data reporting year.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    each_row(out, RULE.code, &ret.current, Table::SwEpisodes, "SW_DECOM", |v| {
        date(v).is_some_and(|d| d > ctx.collection_end)
    });
}
