//! # What it checks
//!
//! 2023-24 only. Each child's social worker episodes in the SWEpisodes table, in order of
//! `SW_DECOM` (episodes whose `SW_DECOM` is not a date left out): an episode whose `SW_DEC` is
//! more than 5 days before 31 March is followed by another that begins within 5 days of that
//! `SW_DEC` (either side). A following episode that begins further from it is reported, at
//! `SW_DECOM`; an episode so ended with none after it is reported, at `SW_DEC`. An episode that
//! ended within the last 5 days before 31 March is SW11bSTG2's.
//!
//! # Why
//!
//! A child in the return has a social worker through the year: when one episode ends, the next
//! begins straight after it (the DfE allows 5 days either way).
//!
//! # DfE wording
//!
//! Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r1::days_between;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;

pub(crate) const RULE: Rule = Rule {
    code: "SW11aSTG2",
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
    severity: Severity::Error,
    years: &[2024],
    check: Check::Return(check),
};

/// The days the DfE allows between one episode's end and the next one's start, either way.
const TOLERANCE: i64 = 5;

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    for (_, eps) in sw_episodes_in_order(&ret.current) {
        for (i, e) in eps.iter().enumerate() {
            let Some(end) = e.end else { continue };
            if days_between(end, ctx.collection_end) < TOLERANCE {
                continue;
            }
            match eps.get(i + 1) {
                Some(next) if days_between(end, next.start).abs() > TOLERANCE => {
                    out.push(finding(RULE.code, Table::SwEpisodes, next.row, "SW_DECOM"));
                }
                Some(_) => {}
                None => out.push(finding(RULE.code, Table::SwEpisodes, e.row, "SW_DEC")),
            }
        }
    }
}
