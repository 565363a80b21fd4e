//! Escalation measures: CP plans that started from a CIN plan, and children who came into care
//! from a CP or CIN plan. These are local measures built by linking the CIN census and the
//! SSDA903 return on the child's id (research/indicators.md §1.3).

use crate::{Inputs, Observation, Settings, ids, percent};
use model::{Child, CpPlan, Date};

/// Every CP plan that started between `start` and `end` (both included), with its child.
pub fn cp_starts_in<'a>(
    inputs: &Inputs<'a>,
    start: Date,
    end: Date,
) -> impl Iterator<Item = (&'a Child, &'a CpPlan)> + 'a {
    inputs.children().flat_map(move |child| {
        child
            .cp_plans()
            .filter(move |p| start <= p.start_date && p.start_date <= end)
            .map(move |p| (child, p))
    })
}

/// Whether `child` had a CIN plan open at some time from `from` to `to`, both included.
fn cin_plan_open_between(child: &Child, from: Date, to: Date) -> bool {
    child
        .cin_plans()
        .any(|p| p.start_date <= to && p.end_date.is_none_or(|e| e >= from))
}

/// Whether `child` had a CP plan open at some time from `from` to `to`, both included.
fn cp_plan_open_between(child: &Child, from: Date, to: Date) -> bool {
    child
        .cp_plans()
        .any(|p| p.start_date <= to && p.end_date.is_none_or(|e| e >= from))
}

fn days_before(d: Date, days: u32) -> Date {
    d.checked_sub(jiff::Span::new().days(i64::from(days)))
        .unwrap_or(Date::MIN)
}

pub(crate) fn cp_starts_from_cin(
    inputs: &Inputs<'_>,
    start: Date,
    end: Date,
    settings: &Settings,
) -> Observation {
    let mut numerator = 0;
    let mut denominator = 0;
    let mut repeat = 0;
    let mut looked_after = 0;
    let mut num_children = Vec::new();
    let mut den_children = Vec::new();
    for (child, plan) in cp_starts_in(inputs, start, end) {
        denominator += 1;
        den_children.push(child.id.clone());
        let from = days_before(plan.start_date, settings.cin_lookback_days);
        if cin_plan_open_between(child, from, plan.start_date) {
            numerator += 1;
            num_children.push(child.id.clone());
        }
        if child.cp_plans().any(|p| p.start_date < plan.start_date) {
            repeat += 1;
        }
        if child
            .cla_episodes
            .iter()
            .any(|e| e.is_open_on(plan.start_date))
        {
            looked_after += 1;
        }
    }
    Observation {
        period_start: start,
        period_end: end,
        numerator,
        denominator: Some(denominator),
        value: percent(numerator, denominator),
        numerator_children: ids(num_children),
        denominator_children: ids(den_children),
        breakdown: vec![
            ("CP plans started", denominator),
            ("from an open CIN plan", numerator),
            ("not from a CIN plan", denominator - numerator),
            ("repeat plans (an earlier CP plan on record)", repeat),
            ("child looked after when the plan started", looked_after),
        ],
    }
}

/// How a child came into care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CareEntryRoute {
    /// On a child protection plan the day before care started.
    FromCpPlan,
    /// On a child in need plan (and not a CP plan) the day before care started.
    FromCinPlan,
    /// On neither.
    Neither,
}

/// Children who started a new period of care between `start` and `end`, each once (at their first
/// start in the period), with the date care started and the route.
pub fn care_entries_in<'a>(
    inputs: &Inputs<'a>,
    start: Date,
    end: Date,
    settings: &Settings,
) -> Vec<(&'a Child, Date, CareEntryRoute)> {
    let mut out = Vec::new();
    for child in inputs.children() {
        let first_start = child
            .cla_episodes
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                start <= e.start_date && e.start_date <= end && starts_period_of_care(child, *i)
            })
            .map(|(_, e)| e.start_date)
            .min();
        let Some(began) = first_start else { continue };
        let day_before = days_before(began, 1);
        let from = days_before(day_before, settings.care_entry_lookback_days);
        let route = if cp_plan_open_between(child, from, day_before) {
            CareEntryRoute::FromCpPlan
        } else if cin_plan_open_between(child, from, day_before) {
            CareEntryRoute::FromCinPlan
        } else {
            CareEntryRoute::Neither
        };
        out.push((child, began, route));
    }
    out
}

/// Whether the `i`-th episode starts a new period of care: its reason for new episode is S, or,
/// when the reason is missing, no earlier episode of the child ends on the day it starts.
fn starts_period_of_care(child: &Child, i: usize) -> bool {
    let episode = &child.cla_episodes[i];
    match episode.reason_new_episode {
        Some(rne) => rne == model::codes::ReasonNewEpisode::S,
        None => !child
            .cla_episodes
            .iter()
            .any(|e| e.end_date == Some(episode.start_date)),
    }
}

pub(crate) fn cla_starts_from_cp_or_cin(
    inputs: &Inputs<'_>,
    start: Date,
    end: Date,
    settings: &Settings,
) -> Observation {
    let entries = care_entries_in(inputs, start, end, settings);
    let count = |pred: &dyn Fn(&(&Child, Date, CareEntryRoute)) -> bool| {
        entries.iter().filter(|e| pred(e)).count() as u64
    };
    let escalated = |e: &(&Child, Date, CareEntryRoute)| e.2 != CareEntryRoute::Neither;
    let uasc = |e: &(&Child, Date, CareEntryRoute)| e.0.is_uasc_on(e.1);
    let numerator = count(&escalated);
    let denominator = entries.len() as u64;
    Observation {
        period_start: start,
        period_end: end,
        numerator,
        denominator: Some(denominator),
        value: Some(numerator as f64),
        numerator_children: ids(entries
            .iter()
            .filter(|e| escalated(e))
            .map(|e| e.0.id.clone())
            .collect()),
        denominator_children: ids(entries.iter().map(|e| e.0.id.clone()).collect()),
        breakdown: vec![
            ("children starting care", denominator),
            (
                "from a CP plan",
                count(&|e| e.2 == CareEntryRoute::FromCpPlan),
            ),
            (
                "from a CIN plan",
                count(&|e| e.2 == CareEntryRoute::FromCinPlan),
            ),
            ("from neither", count(&|e| e.2 == CareEntryRoute::Neither)),
            ("UASC starting care", count(&uasc)),
            (
                "children starting care, excluding UASC",
                count(&|e| !uasc(e)),
            ),
            (
                "from a CP or CIN plan, excluding UASC",
                count(&|e| escalated(e) && !uasc(e)),
            ),
        ],
    }
}
