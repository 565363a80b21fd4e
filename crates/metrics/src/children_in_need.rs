//! The front door and child protection, from the CIN census: referrals, re-referrals,
//! assessments, section 47 enquiries, initial child protection conferences and CP plans
//! (research/indicators.md §1.1 and §1.2; DfE tables C1, C2, C4, D1, D3, D5, D7).
//!
//! Events are counted, not children (a child with two referrals in a month counts twice); the
//! ids behind each figure are the children those events belong to.

use crate::{Inputs, Observation, Period, Settings, ids, percent};
use model::calendar::Calendar;
use model::{ChildId, Date, Referral};

/// Events counted into a numerator and a denominator, with their children.
#[derive(Default)]
struct Tally {
    numerator: u64,
    denominator: u64,
    numerator_children: Vec<ChildId>,
    denominator_children: Vec<ChildId>,
    breakdown: Vec<(&'static str, u64)>,
}

impl Tally {
    fn add(&mut self, child: &ChildId, counts: bool) {
        self.denominator += 1;
        self.denominator_children.push(child.clone());
        if counts {
            self.numerator += 1;
            self.numerator_children.push(child.clone());
        }
    }

    /// `numerator ÷ denominator` as a percentage.
    fn percent(self, period: &Period) -> Observation {
        Observation {
            period_start: period.start,
            period_end: period.end,
            numerator: self.numerator,
            denominator: Some(self.denominator),
            value: percent(self.numerator, self.denominator),
            numerator_children: ids(self.numerator_children),
            denominator_children: ids(self.denominator_children),
            breakdown: self.breakdown,
        }
    }
}

/// A count of events with their children.
fn count(period: &Period, children: Vec<ChildId>) -> Observation {
    let n = children.len() as u64;
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

/// A count per 10,000 children aged 0 to 17, with the population at the period end as the
/// denominator (no value without a population table).
fn per_10k(inputs: &Inputs<'_>, period: &Period, children: Vec<ChildId>) -> Observation {
    let mut o = count(period, children);
    let population = inputs.population.and_then(|p| p.for_date(period.end));
    o.denominator = population;
    o.value = population
        .filter(|p| *p > 0)
        .map(|p| 10_000.0 * o.numerator as f64 / p as f64);
    o
}

fn referrals_in<'a>(
    inputs: &'a Inputs<'_>,
    period: &'a Period,
) -> impl Iterator<Item = (&'a ChildId, &'a Referral)> + 'a {
    inputs.children().flat_map(move |c| {
        c.referrals
            .iter()
            .filter(move |r| period.contains(r.referral_date))
            .map(move |r| (&c.id, r))
    })
}

pub(crate) fn referrals(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    count(
        period,
        referrals_in(inputs, period)
            .map(|(c, _)| c.clone())
            .collect(),
    )
}

pub(crate) fn referrals_per_10k(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    let children = referrals_in(inputs, period)
        .map(|(c, _)| c.clone())
        .collect();
    per_10k(inputs, period, children)
}

/// The day 12 months before `d` (29 February goes back to 28 February).
fn twelve_months_before(d: Date) -> Date {
    d.checked_sub(jiff::Span::new().years(1))
        .unwrap_or(Date::MIN)
}

pub(crate) fn rereferrals_12m_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    _: &Settings,
) -> Observation {
    let mut t = Tally::default();
    for child in inputs.children() {
        for r in child
            .referrals
            .iter()
            .filter(|r| period.contains(r.referral_date))
        {
            let from = twelve_months_before(r.referral_date);
            let again = child
                .referrals
                .iter()
                .any(|p| from <= p.referral_date && p.referral_date < r.referral_date);
            t.add(&child.id, again);
        }
    }
    t.percent(period)
}

pub(crate) fn referrals_nfa_pct(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    let mut t = Tally::default();
    for (child, r) in referrals_in(inputs, period) {
        t.add(child, r.no_further_action);
    }
    t.percent(period)
}

pub(crate) fn assessments_completed(
    inputs: &Inputs<'_>,
    period: &Period,
    _: &Settings,
) -> Observation {
    let children = inputs
        .children()
        .flat_map(|c| {
            c.referrals
                .iter()
                .flat_map(|r| &r.assessments)
                .filter(|a| a.authorised_date.is_some_and(|d| period.contains(d)))
                .map(|_| c.id.clone())
        })
        .collect();
    count(period, children)
}

pub(crate) fn assessments_45wd_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    settings: &Settings,
) -> Observation {
    within_working_days(
        inputs,
        period,
        settings,
        settings.assessment_working_days,
        |child| {
            child
                .referrals
                .iter()
                .flat_map(|r| &r.assessments)
                .filter_map(|a| Some((a.start_date, a.authorised_date?)))
                .collect()
        },
        "excluded: authorised before it started",
    )
}

/// Of the events that ended in the period (each a start and an end date), the share that took
/// no more than `limit` working days; events ending before they started are left out and counted
/// under `excluded` beside the figure.
fn within_working_days(
    inputs: &Inputs<'_>,
    period: &Period,
    settings: &Settings,
    limit: u32,
    events: impl Fn(&model::Child) -> Vec<(Date, Date)>,
    excluded: &'static str,
) -> Observation {
    let calendar = Calendar::england_and_wales_ref();
    let mut t = Tally::default();
    let mut left_out = 0;
    for child in inputs.children() {
        for (start, end) in events(child) {
            if !period.contains(end) {
                continue;
            }
            if end < start {
                left_out += 1;
                continue;
            }
            let days = calendar.working_days_between(start, end, settings.day_count);
            t.add(&child.id, days <= i64::from(limit));
        }
    }
    t.breakdown.push((excluded, left_out));
    t.percent(period)
}

pub(crate) fn section47s(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    count(period, section47_children(inputs, period))
}

pub(crate) fn s47_per_10k(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    per_10k(inputs, period, section47_children(inputs, period))
}

fn section47_children(inputs: &Inputs<'_>, period: &Period) -> Vec<ChildId> {
    inputs
        .children()
        .flat_map(|c| {
            c.referrals
                .iter()
                .flat_map(|r| &r.section47s)
                .filter(|s| period.contains(s.start_date))
                .map(|_| c.id.clone())
        })
        .collect()
}

/// Initial child protection conferences held in the period: those following a section 47
/// enquiry, and those recorded on the referral (`DateOfInitialCPC`).
fn icpc_children(inputs: &Inputs<'_>, period: &Period) -> Vec<ChildId> {
    let mut children = Vec::new();
    for c in inputs.children() {
        for r in &c.referrals {
            let held = r
                .section47s
                .iter()
                .filter_map(|s| s.icpc_date)
                .chain(r.initial_cpc_date)
                .filter(|d| period.contains(*d));
            children.extend(held.map(|_| c.id.clone()));
        }
    }
    children
}

pub(crate) fn icpcs(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    count(period, icpc_children(inputs, period))
}

pub(crate) fn icpc_per_10k(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    per_10k(inputs, period, icpc_children(inputs, period))
}

pub(crate) fn icpc_15wd_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    settings: &Settings,
) -> Observation {
    let strategy = settings.icpc_anchor == crate::IcpcAnchor::StrategyDiscussion;
    let no_discussion = std::cell::Cell::new(0u64);
    let mut o = within_working_days(
        inputs,
        period,
        settings,
        settings.icpc_working_days,
        |child| {
            // Looked up only for the strategy-discussion anchor, and only for a child with a
            // conference.
            let mut discussions: Option<&[model::StrategyDiscussion]> = None;
            child
                .referrals
                .iter()
                .flat_map(|r| &r.section47s)
                .filter_map(|s| {
                    let held = s.icpc_date?;
                    if !strategy {
                        return Some((s.start_date, held));
                    }
                    // The last strategy discussion that led to this enquiry.
                    let anchor = discussions
                        .get_or_insert_with(|| {
                            model::of_child(&inputs.dataset.strategy_discussions, &child.id)
                        })
                        .iter()
                        .filter(|d| d.s47_start == Some(s.start_date))
                        .map(|d| d.date)
                        .max();
                    if anchor.is_none() && period.contains(held) {
                        no_discussion.set(no_discussion.get() + 1);
                    }
                    Some((anchor?, held))
                })
                .collect()
        },
        "excluded: conference before the enquiry started",
    );
    if strategy {
        o.breakdown = vec![
            (
                "excluded: conference before the strategy discussion",
                o.breakdown[0].1,
            ),
            (
                "excluded: no strategy discussion linked to the enquiry",
                no_discussion.get(),
            ),
        ];
    }
    o
}

pub(crate) fn cp_starts(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    count(period, cp_start_children(inputs, period))
}

pub(crate) fn cp_starts_per_10k(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    per_10k(inputs, period, cp_start_children(inputs, period))
}

fn cp_start_children(inputs: &Inputs<'_>, period: &Period) -> Vec<ChildId> {
    crate::cp_starts_in(inputs, period.start, period.end)
        .map(|(c, _)| c.id.clone())
        .collect()
}

/// Children on a CP plan on the last day of the period (counted once each).
fn on_cp_plan_at_end(inputs: &Inputs<'_>, period: &Period) -> Vec<ChildId> {
    inputs
        .children()
        .filter(|c| {
            c.cp_plans()
                .any(|p| p.start_date <= period.end && p.end_date.is_none_or(|e| e > period.end))
        })
        .map(|c| c.id.clone())
        .collect()
}

pub(crate) fn cp_plans_open(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    count(period, on_cp_plan_at_end(inputs, period))
}

pub(crate) fn cp_plans_per_10k(inputs: &Inputs<'_>, period: &Period, _: &Settings) -> Observation {
    per_10k(inputs, period, on_cp_plan_at_end(inputs, period))
}

pub(crate) fn cp_second_or_subsequent_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    _: &Settings,
) -> Observation {
    let mut t = Tally::default();
    for (child, plan) in crate::cp_starts_in(inputs, period.start, period.end) {
        let before = child.cp_plans().any(|p| p.start_date < plan.start_date)
            || plan.number_of_previous_plans.is_some_and(|n| n > 0);
        t.add(&child.id, before);
    }
    t.percent(period)
}

pub(crate) fn cp_ended_2y_plus_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    _: &Settings,
) -> Observation {
    let mut t = Tally::default();
    for child in inputs.children() {
        for p in child.cp_plans() {
            let Some(end) = p.end_date.filter(|e| period.contains(*e)) else {
                continue;
            };
            let two_years = p
                .start_date
                .checked_add(jiff::Span::new().years(2))
                .unwrap_or(Date::MAX);
            t.add(&child.id, end >= two_years);
        }
    }
    t.percent(period)
}

pub(crate) fn cp_reviews_in_timescale_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    _: &Settings,
) -> Observation {
    let months = |d: Date, n: i64| {
        d.checked_add(jiff::Span::new().months(n))
            .unwrap_or(Date::MAX)
    };
    let mut t = Tally::default();
    for child in inputs.children() {
        // Each plan open on the last day of the period that had then lasted three months.
        for p in child.cp_plans().filter(|p| {
            p.start_date <= period.end
                && p.end_date.is_none_or(|e| e > period.end)
                && months(p.start_date, 3) <= period.end
        }) {
            // The first review is due within 3 months of the plan starting, each later one
            // within 6 months of the one before; a review due by the period end must have been
            // held by its due date.
            let mut due = months(p.start_date, 3);
            let mut on_time = true;
            let mut held: Vec<Date> = p
                .review_dates
                .iter()
                .copied()
                .filter(|d| p.start_date <= *d && *d <= period.end)
                .collect();
            held.sort_unstable();
            let mut reviews = held.into_iter();
            while due <= period.end {
                match reviews.next() {
                    Some(held) if held <= due => due = months(held, 6),
                    _ => {
                        on_time = false;
                        break;
                    }
                }
            }
            t.add(&child.id, on_time);
        }
    }
    t.percent(period)
}
