//! # What it checks
//!
//! For each child looked after on 31 March (an episode in the Episodes table that began on or
//! before it and has no `DEC`, other than a short break, `LS` `V3` or `V4`), whose first episode
//! began on or before 1 April, and looked after continuously through the year (the DfE's
//! definition: no episode that started to be looked after, ceased care or was a short break after 1
//! April), who has social worker episodes in the SWEpisodes table, the earliest episode (by
//! `SW_DECOM`) begins on or before 1 April, or is a first contact (`SW_REASON` `FCONTA`). Otherwise
//! the open episode is reported. For a child who came into care during the year, whether they had a
//! social worker before cannot be told from the return, so the rule does not judge it.
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

pub(crate) const RULE: Rule = Rule {
    code: "SW12STG2",
    message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
    severity: Severity::Error,
    years: &[2024, 2025, 2026, 2027],
    check: Check::Return(check),
};

fn check(ctx: &Ctx, ret: &Return, out: &mut Vec<Finding>) {
    let earliest: HashMap<&str, SwEpisode<'_>> = sw_episodes_in_order(&ret.current)
        .into_iter()
        .filter_map(|(child, eps)| Some((child, *eps.first()?)))
        .collect();
    for (child, eps) in episodes_in_order(&ret.current) {
        if eps[0].start > ctx.collection_start
            || !continuously_looked_after(&eps, ctx.collection_start, ctx.collection_end)
        {
            continue;
        }
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
