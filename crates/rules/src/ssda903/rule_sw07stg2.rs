//! # What it checks
//!
//! Each row of the SWEpisodes table whose `SW_DEC` is a date has it within the social worker
//! reporting period: on or before 31 March, the end of the collection year, and on or after the
//! period's first day. In 2023-24, the first year of the social worker data, the period is the
//! collection year; from 2024-25 it starts a year earlier (1 April 2024 for 2025-26), so that
//! episodes that ended in the previous year are in the return too. Values that are not dates are
//! left to SW05STG1.
//!
//! # Why
//!
//! An episode that ended before the period it describes, or after the year, does not belong to this
//! return.
//!
//! # DfE wording
//!
//! Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW07STG2",
    message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let first = if ctx.year <= 2024 {
        ctx.collection_start
    } else {
        birthday(ctx.collection_start, -1)
    };
    each_row(out, RULE.code, &ret.current, Table::SwEpisodes, "SW_DEC", |v| {
        date(v).is_some_and(|d| d < first || d > ctx.collection_end)
    });
}
