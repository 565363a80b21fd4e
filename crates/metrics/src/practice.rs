//! Indicators from the case-management extract's practice records: contacts and their conversion
//! to referrals, and statutory visits to children on child protection and child in need plans
//! (research/indicators.md §1.1, §1.2 and §8). Visits to looked-after children, return-home
//! interviews and adoption A2 are in `looked_after`, with the rest of care.

use crate::{Inputs, Observation, Period, Settings, ids, keep_ids, percent};
use model::calendar::Calendar;
use model::{Date, VisitKind};

/// The contacts received in the period: (child, led to a referral).
fn contacts_in<'a>(
    inputs: &'a Inputs<'_>,
    period: &'a Period,
) -> impl Iterator<Item = &'a model::Contact> + 'a {
    inputs
        .dataset
        .contacts
        .iter()
        .filter(move |c| period.contains(c.date))
}

pub(crate) fn contacts(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    let (mut n, mut children) = (0, Vec::new());
    let keep = keep_ids();
    for c in contacts_in(inputs, period) {
        n += 1;
        if keep {
            children.push(c.child.clone());
        }
    }
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: None,
        value: Some(n as f64),
        numerator_children: ids(children),
        denominator_children: Vec::new(),
        breakdown: Vec::new(),
    }
}

pub(crate) fn contacts_per_10k(inputs: &Inputs<'_>, period: &Period, s: &Settings) -> Observation {
    let mut o = contacts(inputs, period, s);
    let population = inputs.population.and_then(|p| p.for_date(period.end));
    o.denominator = population;
    o.value = population
        .filter(|p| *p > 0)
        .map(|p| 10_000.0 * o.numerator as f64 / p as f64);
    o
}

pub(crate) fn contact_referral_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    _: &Settings,
) -> Observation {
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut n, mut d) = (0, 0);
    let keep = keep_ids();
    for c in contacts_in(inputs, period) {
        d += 1;
        if keep {
            denominator.push(c.child.clone());
        }
        if c.led_to_referral {
            n += 1;
            if keep {
                numerator.push(c.child.clone());
            }
        }
    }
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: Some(d),
        value: percent(n, d),
        numerator_children: ids(numerator),
        denominator_children: ids(denominator),
        breakdown: Vec::new(),
    }
}

/// Of the children on a plan of `kind` on the period's last day, those whose latest visit of that
/// kind with the child seen, on or after the plan started, is no more than `limit` working days
/// before that day (a child not yet visited counts from the plan's start).
fn plan_visits(
    inputs: &Inputs<'_>,
    period: &Period,
    settings: &Settings,
    kind: VisitKind,
    limit: u32,
) -> Observation {
    let calendar = Calendar::england_and_wales_ref();
    let d = period.end;
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let mut not_yet_visited = 0;
    for c in inputs.children() {
        let on_cp = c
            .cp_plans()
            .filter(|p| p.start_date <= d && p.end_date.is_none_or(|e| e > d))
            .map(|p| p.start_date)
            .max();
        let started: Option<Date> = match kind {
            VisitKind::ChildProtection => on_cp,
            // A child on a CP plan is visited as such, so is not counted here too.
            _ if on_cp.is_some() => None,
            _ => c
                .cin_plans()
                .filter(|p| p.start_date <= d && p.end_date.is_none_or(|e| e > d))
                .map(|p| p.start_date)
                .max(),
        };
        let Some(started) = started else { continue };
        let last = model::latest_seen_visit(inputs.visits_of(c), kind, started, d);
        if last.is_none() {
            not_yet_visited += 1;
        }
        let since = last.unwrap_or(started);
        denominator.push(c.id.clone());
        if calendar.working_days_between(since, d, settings.day_count) <= i64::from(limit) {
            numerator.push(c.id.clone());
        }
    }
    let (n, den) = (numerator.len() as u64, denominator.len() as u64);
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: Some(den),
        value: percent(n, den),
        numerator_children: ids(numerator),
        denominator_children: ids(denominator),
        breakdown: vec![("not yet visited since the plan started", not_yet_visited)],
    }
}

pub(crate) fn cp_visits_pct(inputs: &Inputs<'_>, period: &Period, s: &Settings) -> Observation {
    plan_visits(
        inputs,
        period,
        s,
        VisitKind::ChildProtection,
        s.cp_visit_working_days,
    )
}

pub(crate) fn cin_visits_pct(inputs: &Inputs<'_>, period: &Period, s: &Settings) -> Observation {
    plan_visits(
        inputs,
        period,
        s,
        VisitKind::ChildInNeed,
        s.cin_visit_working_days,
    )
}
