//! # What it checks
//!
//! For each child looked after on 31 March (an episode in the Episodes table that began on or
//! before it and has no `DEC`, other than a short break, `LS` `V3` or `V4`) who has social worker
//! episodes in the SWEpisodes table, the earliest episode (by `SW_DECOM`) begins on or before 1
//! April, or is a first contact (`SW_REASON` `FCONTA`): the episodes cover the whole year,
//! including time before the child was looked after, back to the child's first contact with a
//! social worker. Otherwise the open episode is reported.
//!
//! # Why
//!
//! The social worker data shows the changes of social worker a child in care at the end of the year
//! had over the whole year; episodes from before the child came into care are part of it.
//!
//! # DfE wording
//!
//! If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after

#[allow(unused_imports)]
use super::common::*;
#[allow(unused_imports)]
use super::common_r2::*;
use super::{Check, Return, Rule};
use crate::{Finding, Severity};
#[allow(unused_imports)]
use formats::ssda903::Table;
#[allow(unused_imports)]
use formats::ssda903::raw::RawRow;
#[allow(unused_imports)]
use model::Date;

pub(crate) const RULE: Rule = Rule {
    code: "SW12STG2",
    message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
    severity: Severity::Error,
    years: &[2024, 2025, 2026],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let earliest: HashMap<&str, SwEpisode<'_>> = sw_episodes_in_order(&ret.current)
        .into_iter()
        .filter_map(|(child, eps)| Some((child, *eps.first()?)))
        .collect();
    for (child, eps) in episodes_in_order(&ret.current) {
        let Some(open) = eps.iter().find(|e| {
            e.start <= ctx.collection_end
                && e.get("DEC").is_empty()
                && !matches!(e.get("LS"), "V3" | "V4")
        }) else {
            continue;
        };
        if earliest.get(child).is_some_and(|first| {
            first.start > ctx.collection_start && sw(first.row, "SW_REASON") != "FCONTA"
        }) {
            out.push(finding(RULE.code, Table::Episodes, open.row, "DECOM"));
        }
    }
}
