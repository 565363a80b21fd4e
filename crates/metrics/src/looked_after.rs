//! Children looked after (SSDA903): starts, numbers and rates, placement stability, missing from
//! care, care leavers and adoption timeliness.
//!
//! Every measure reads a child's care through [`Care`], which leaves out short breaks (legal
//! status V3 or V4: the DfE's figures exclude children looked after under an agreed series of
//! short-term breaks) and works out, once, which episode began each period of care and each
//! placement. Episodes are put in date order here, so the figures do not depend on the order the
//! records arrive in.

use crate::{Inputs, Observation, Period, PeriodKind, ids, percent};
use model::codes::{
    Accommodation, Activity, LegalStatus, MissingKind, Placement, ReasonEpisodeCeased,
    ReasonNewEpisode,
};
use model::{Child, ChildId, ClaEpisode, CollectionYear, Date};
use std::collections::BTreeSet;

/// Measures defined over a year (placement moves, adoption timeliness).
pub(crate) const YEARLY: &[PeriodKind] = &[PeriodKind::Rolling12Months, PeriodKind::YearToMarch];
/// Measures of the annual care-leaver return (OC3), which belongs to a collection year.
pub(crate) const COLLECTION_YEAR: &[PeriodKind] = &[PeriodKind::YearToMarch];

fn is_short_break(e: &ClaEpisode) -> bool {
    matches!(e.legal_status, Some(LegalStatus::V3 | LegalStatus::V4))
}

fn is_temporary(e: &ClaEpisode) -> bool {
    e.placement.is_some_and(Placement::is_temporary)
}

/// Placed for adoption with the child's current foster carers (A3, A5): the child does not move.
fn is_adoption_with_current_carers(e: &ClaEpisode) -> bool {
    matches!(e.placement, Some(Placement::A3 | Placement::A5))
}

fn is_adoption_placement(e: &ClaEpisode) -> bool {
    matches!(
        e.placement,
        Some(Placement::A3 | Placement::A4 | Placement::A5 | Placement::A6)
    )
}

/// Whether two episodes are in the same place as far as the return shows: same placement type,
/// provider, postcode and Ofsted URN.
fn same_place(a: &ClaEpisode, b: &ClaEpisode) -> bool {
    a.placement == b.placement
        && a.placement_provider == b.placement_provider
        && a.placement_postcode == b.placement_postcode
        && a.urn == b.urn
}

/// A total order on episodes (date first), so that shuffled records give the same result.
fn episode_order(a: &ClaEpisode, b: &ClaEpisode) -> std::cmp::Ordering {
    let key = |e: &ClaEpisode| {
        (
            e.start_date,
            e.end_date.is_none(),
            e.end_date,
            e.reason_new_episode,
            e.legal_status,
            e.placement,
            e.placement_provider,
            e.reason_ceased,
        )
    };
    key(a)
        .cmp(&key(b))
        .then_with(|| a.placement_postcode.cmp(&b.placement_postcode))
        .then_with(|| a.urn.cmp(&b.urn))
}

fn years_before(d: Date, years: i64) -> Date {
    d.saturating_sub(jiff::Span::new().years(years))
}

fn months_before(d: Date, months: i64) -> Date {
    d.saturating_sub(jiff::Span::new().months(months))
}

fn days_between(from: Date, to: Date) -> u64 {
    from.until(to).map_or(0, |s| s.get_days().max(0) as u64)
}

/// A child's care with short breaks left out, episodes in date order.
struct Care<'a> {
    child: &'a Child,
    episodes: Vec<&'a ClaEpisode>,
    /// The episode this one follows on from, in the same period of care (it ended the day this
    /// one started).
    previous: Vec<Option<usize>>,
    /// The episode that began this one's period of care.
    period_start: Vec<usize>,
    /// The episode that began this one's placement.
    placement_start: Vec<usize>,
    /// Whether the episode counts as the child starting to be looked after.
    counted_start: Vec<bool>,
}

impl<'a> Care<'a> {
    fn of(child: &'a Child) -> Care<'a> {
        let mut episodes: Vec<&ClaEpisode> = child
            .cla_episodes
            .iter()
            .filter(|e| !is_short_break(e))
            .collect();
        episodes.sort_by(|a, b| episode_order(a, b));
        let n = episodes.len();
        let mut care = Care {
            child,
            episodes,
            previous: vec![None; n],
            period_start: (0..n).collect(),
            placement_start: (0..n).collect(),
            counted_start: vec![false; n],
        };
        for i in 0..n {
            let e = care.episodes[i];
            let before = (0..i)
                .rev()
                .find(|&j| care.episodes[j].end_date == Some(e.start_date));
            let rne = e.reason_new_episode;
            let after_short_break = child
                .cla_episodes
                .iter()
                .any(|s| is_short_break(s) && s.end_date == Some(e.start_date));
            care.counted_start[i] = rne == Some(ReasonNewEpisode::S)
                || (before.is_none() && (rne.is_none() || after_short_break));
            let Some(j) = before.filter(|_| rne != Some(ReasonNewEpisode::S)) else {
                continue;
            };
            care.previous[i] = Some(j);
            care.period_start[i] = care.period_start[j];
            if !care.starts_placement(i, j) {
                care.placement_start[i] = care.placement_start[j];
            }
        }
        care
    }

    /// Whether episode `i`, which follows on from `j` in the same period of care, is a new
    /// placement.
    fn starts_placement(&self, i: usize, j: usize) -> bool {
        let e = self.episodes[i];
        if is_temporary(e) || is_adoption_with_current_carers(e) {
            return false;
        }
        if is_temporary(self.episodes[j]) {
            // Back from a temporary placement: a new placement only if somewhere else than before.
            let mut k = j;
            while is_temporary(self.episodes[k]) {
                match self.previous[k] {
                    Some(p) => k = p,
                    None => return true,
                }
            }
            return !same_place(e, self.episodes[k]);
        }
        match e.reason_new_episode {
            Some(ReasonNewEpisode::L) => false,
            None => !same_place(e, self.episodes[j]),
            Some(_) => true,
        }
    }

    /// The episode the child is looked after in on `d`, if any (the latest to start, should
    /// records overlap).
    fn open_on(&self, d: Date) -> Option<usize> {
        (0..self.episodes.len())
            .rev()
            .find(|&i| self.episodes[i].is_open_on(d))
    }

    /// Whether the child was looked after at some time from `start` to `end`. A child whose care
    /// ended on `start` was looked after that day for this purpose (the DfE counts them among
    /// those who ceased to be looked after during the year).
    fn looked_after_during(&self, start: Date, end: Date) -> bool {
        self.episodes
            .iter()
            .any(|e| e.start_date <= end && e.end_date.is_none_or(|x| x >= start))
    }

    /// The placements the child was in at some time from `start` to `end` (by the episode that
    /// began each).
    fn placements_during(&self, start: Date, end: Date) -> usize {
        (0..self.episodes.len())
            .filter(|&i| {
                let e = self.episodes[i];
                e.start_date <= end && e.end_date.is_none_or(|x| x > start)
            })
            .map(|i| self.placement_start[i])
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// The days the child started to be looked after from `start` to `end`.
    fn starts_during(&self, start: Date, end: Date) -> Vec<Date> {
        (0..self.episodes.len())
            .filter(|&i| self.counted_start[i])
            .map(|i| self.episodes[i].start_date)
            .filter(|d| start <= *d && *d <= end)
            .collect()
    }
}

/// The care of every child who was looked after at some time in the period (every measure here
/// is about such children; the rest, most children known to the service, are skipped cheaply).
fn cares<'a>(inputs: &Inputs<'a>, period: &Period) -> impl Iterator<Item = Care<'a>> + use<'a> {
    let (start, end) = (period.start, period.end);
    inputs
        .children()
        .filter(move |c| {
            c.cla_episodes
                .iter()
                .any(|e| e.start_date <= end && e.end_date.is_none_or(|x| x >= start))
        })
        .map(Care::of)
}

fn count_observation(
    period: &Period,
    children: Vec<ChildId>,
    breakdown: Vec<(&'static str, u64)>,
) -> Observation {
    let n = children.len() as u64;
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: None,
        value: Some(n as f64),
        numerator_children: ids(children),
        denominator_children: Vec::new(),
        breakdown,
    }
}

/// A rate per 10,000 children aged 0 to 17 at the period end; the denominator is the population
/// and the value is empty without one.
fn per_10k_observation(
    inputs: &Inputs<'_>,
    period: &Period,
    children: Vec<ChildId>,
    breakdown: Vec<(&'static str, u64)>,
) -> Observation {
    let population = inputs.population.and_then(|p| p.for_date(period.end));
    let n = children.len() as u64;
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: population,
        value: population
            .filter(|&p| p > 0)
            .map(|p| 10_000.0 * n as f64 / p as f64),
        numerator_children: ids(children),
        denominator_children: Vec::new(),
        breakdown,
    }
}

fn percent_observation(
    period: &Period,
    numerator: Vec<ChildId>,
    denominator: Vec<ChildId>,
    breakdown: Vec<(&'static str, u64)>,
) -> Observation {
    let (n, d) = (numerator.len() as u64, denominator.len() as u64);
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: Some(d),
        value: percent(n, d),
        numerator_children: ids(numerator),
        denominator_children: ids(denominator),
        breakdown,
    }
}

/// Children who started to be looked after in the period, each once, with the breakdown.
fn starters(inputs: &Inputs<'_>, period: &Period) -> (Vec<ChildId>, Vec<(&'static str, u64)>) {
    let mut children = Vec::new();
    let (mut periods, mut uasc) = (0, 0);
    for care in cares(inputs, period) {
        let starts = care.starts_during(period.start, period.end);
        let Some(first) = starts.iter().min() else {
            continue;
        };
        periods += starts.len() as u64;
        if care.child.is_uasc_on(*first) {
            uasc += 1;
        }
        children.push(care.child.id.clone());
    }
    let n = children.len() as u64;
    let breakdown = vec![
        ("periods of care started", periods),
        ("UASC starting care", uasc),
        ("children starting care, excluding UASC", n - uasc),
    ];
    (children, breakdown)
}

pub(crate) fn cla_starts(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (children, breakdown) = starters(inputs, period);
    count_observation(period, children, breakdown)
}

pub(crate) fn cla_starts_per_10k(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (children, breakdown) = starters(inputs, period);
    per_10k_observation(inputs, period, children, breakdown)
}

/// Children looked after on the last day of the period: all of them, and those who were not
/// unaccompanied asylum-seeking children that day, with the breakdown.
fn looked_after_at_end(
    inputs: &Inputs<'_>,
    period: &Period,
) -> (Vec<ChildId>, Vec<ChildId>, Vec<(&'static str, u64)>) {
    let (mut all, mut not_uasc) = (Vec::new(), Vec::new());
    let mut short_breaks = 0;
    for care in cares(inputs, period) {
        if care.open_on(period.end).is_some() {
            all.push(care.child.id.clone());
            if !care.child.is_uasc_on(period.end) {
                not_uasc.push(care.child.id.clone());
            }
        } else if care
            .child
            .cla_episodes
            .iter()
            .any(|e| is_short_break(e) && e.is_open_on(period.end))
        {
            short_breaks += 1;
        }
    }
    let breakdown = vec![
        ("UASC", (all.len() - not_uasc.len()) as u64),
        ("excluding UASC", not_uasc.len() as u64),
        ("on short breaks only (not counted)", short_breaks),
    ];
    (all, not_uasc, breakdown)
}

pub(crate) fn cla_open(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (all, _, breakdown) = looked_after_at_end(inputs, period);
    count_observation(period, all, breakdown)
}

pub(crate) fn cla_per_10k(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (all, _, breakdown) = looked_after_at_end(inputs, period);
    per_10k_observation(inputs, period, all, breakdown)
}

pub(crate) fn cla_per_10k_excl_uasc(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (_, not_uasc, breakdown) = looked_after_at_end(inputs, period);
    per_10k_observation(inputs, period, not_uasc, breakdown)
}

pub(crate) fn cla_3plus_placements_pct(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut one, mut two) = (0, 0);
    for care in cares(inputs, period) {
        if care.open_on(period.end).is_none() {
            continue;
        }
        denominator.push(care.child.id.clone());
        match care.placements_during(period.start, period.end) {
            0 | 1 => one += 1,
            2 => two += 1,
            _ => numerator.push(care.child.id.clone()),
        }
    }
    let breakdown = vec![
        ("with 1 placement", one),
        ("with 2 placements", two),
        ("with 3 or more placements", numerator.len() as u64),
    ];
    percent_observation(period, numerator, denominator, breakdown)
}

pub(crate) fn cla_long_term_stability_pct(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let end = period.end;
    let in_care_since = months_before(end, 30);
    let placed_since = years_before(end, 2);
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut no_birth_date, mut adoptive) = (0, 0);
    for care in cares(inputs, period) {
        let Some(now) = care.open_on(end) else {
            continue;
        };
        if care.episodes[care.period_start[now]].start_date > in_care_since {
            continue;
        }
        let Some(born) = care.child.birth_date else {
            no_birth_date += 1;
            continue;
        };
        if born.saturating_add(jiff::Span::new().years(16)) <= end {
            continue;
        }
        denominator.push(care.child.id.clone());
        // Living with the same carers: a new placement type with the same carers (such as
        // fostering becoming long-term) does not restart the two years.
        let mut placement = care.began_with_carers(now);
        // Placed for adoption with new carers: the adoptive placement and the one before it
        // together.
        if is_adoption_placement(care.episodes[placement])
            && let Some(before) = care.previous[placement]
        {
            placement = care.began_with_carers(before);
            adoptive += 1;
        }
        if care.episodes[placement].start_date <= placed_since {
            numerator.push(care.child.id.clone());
        }
    }
    let breakdown = vec![
        (
            "placed for adoption with new carers (that and the previous placement together)",
            adoptive,
        ),
        (
            "looked after 2.5 years with no date of birth (left out)",
            no_birth_date,
        ),
    ];
    percent_observation(period, numerator, denominator, breakdown)
}

pub(crate) fn cla_missing_pct(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut missing, mut away, mut untyped) = (0, 0, 0);
    for care in cares(inputs, period) {
        if !care.looked_after_during(period.start, period.end) {
            continue;
        }
        denominator.push(care.child.id.clone());
        let mut went_missing = false;
        for m in &care.child.missing_episodes {
            if !period.contains(m.start_date) {
                continue;
            }
            match m.kind {
                Some(MissingKind::M) => {
                    missing += 1;
                    went_missing = true;
                }
                Some(MissingKind::A) => away += 1,
                None => untyped += 1,
            }
        }
        if went_missing {
            numerator.push(care.child.id.clone());
        }
    }
    let breakdown = vec![
        ("missing incidents", missing),
        ("away without authorisation incidents (not counted)", away),
        ("incidents with no type recorded (not counted)", untyped),
    ];
    percent_observation(period, numerator, denominator, breakdown)
}

/// The age a young person turns on their birthday in the collection year.
fn age_at_birthday_in(year: CollectionYear, born: Date) -> i16 {
    if born.month() >= 4 {
        year.0 - 1 - born.year()
    } else {
        year.0 - born.year()
    }
}

fn is_in_education_employment_or_training(a: Activity) -> bool {
    use Activity::*;
    matches!(a, F1 | P1 | F2 | P2 | F3 | P3 | F4 | P4 | F5 | P5)
}

/// ACCOM codes end in 1 when the accommodation is suitable, 2 when not, and are 0 when the
/// young person is not in touch.
fn is_suitable(a: Accommodation) -> bool {
    a.code().ends_with('1')
}

/// Care leavers aged 19, 20 or 21 in the collection year holding the period end, and whether
/// each meets `test` (a child with two records for the year meets it if either does).
fn care_leavers(
    inputs: &Inputs<'_>,
    period: &Period,
    test: impl Fn(&model::CareLeaverRecord) -> bool,
) -> Observation {
    let year = CollectionYear::containing(period.end);
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut not_in_touch, mut no_birth_date) = (0, 0);
    for child in inputs.children() {
        let records: Vec<_> = child
            .care_leaver_records
            .iter()
            .filter(|r| r.year == year)
            .collect();
        if records.is_empty() {
            continue;
        }
        let Some(born) = child.birth_date else {
            no_birth_date += 1;
            continue;
        };
        if !(19..=21).contains(&age_at_birthday_in(year, born)) {
            continue;
        }
        denominator.push(child.id.clone());
        if records
            .iter()
            .all(|r| r.in_touch != Some(model::codes::InTouch::YES))
        {
            not_in_touch += 1;
        }
        if records.iter().any(|r| test(r)) {
            numerator.push(child.id.clone());
        }
    }
    let breakdown = vec![
        ("not in touch (or not recorded)", not_in_touch),
        ("records with no date of birth (left out)", no_birth_date),
    ];
    percent_observation(period, numerator, denominator, breakdown)
}

pub(crate) fn care_leavers_eet_pct(inputs: &Inputs<'_>, period: &Period) -> Observation {
    care_leavers(inputs, period, |r| {
        r.activity
            .is_some_and(is_in_education_employment_or_training)
    })
}

pub(crate) fn care_leavers_suitable_accommodation_pct(
    inputs: &Inputs<'_>,
    period: &Period,
) -> Observation {
    care_leavers(inputs, period, |r| r.accommodation.is_some_and(is_suitable))
}

/// Which adoption clock: A1 stops when the child moves in with the adoptive family; A10 stops
/// earlier, when the child began living with foster carers who went on to adopt them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum AdoptionClock {
    A1,
    A10,
}

pub(crate) fn adoption_days(
    inputs: &Inputs<'_>,
    period: &Period,
    clock: AdoptionClock,
) -> Observation {
    let mut total = 0;
    let mut children = Vec::new();
    let (mut no_placement, mut by_carers, mut carers_unclear) = (0, 0, 0);
    for care in cares(inputs, period) {
        let adopted = (0..care.episodes.len()).find(|&i| {
            let e = care.episodes[i];
            matches!(
                e.reason_ceased,
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            ) && e.end_date.is_some_and(|d| period.contains(d))
        });
        let Some(adopted) = adopted else { continue };
        let began = care.period_start[adopted];
        let Some(placed) = (began..=adopted)
            .find(|&k| care.period_start[k] == began && is_adoption_placement(care.episodes[k]))
        else {
            no_placement += 1;
            continue;
        };
        let mut stop = care.episodes[placed].start_date;
        let with_current_carers = is_adoption_with_current_carers(care.episodes[placed]);
        let by_foster_carer = care
            .child
            .adoption
            .and_then(|a| a.by_foster_carer)
            .unwrap_or(with_current_carers);
        if by_foster_carer {
            by_carers += 1;
            if !with_current_carers {
                carers_unclear += 1;
            } else if clock == AdoptionClock::A10 {
                stop = care.episodes[care.began_with_carers(placed)].start_date;
            }
        }
        total += days_between(care.episodes[began].start_date, stop);
        children.push(care.child.id.clone());
    }
    let n = children.len() as u64;
    let mut breakdown = vec![
        ("children adopted", n),
        ("adopted by their foster carers", by_carers),
        (
            "adopted with no placed-for-adoption episode (left out)",
            no_placement,
        ),
    ];
    if clock == AdoptionClock::A10 {
        breakdown.push((
            "adopted by foster carers but placed with new carers (clock not adjusted)",
            carers_unclear,
        ));
    }
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: total,
        denominator: Some(n),
        value: (n > 0).then(|| total as f64 / n as f64),
        numerator_children: ids(children.clone()),
        denominator_children: ids(children),
        breakdown,
    }
}

impl Care<'_> {
    /// The episode in which the child began living with the carers of episode `i`: the start of
    /// its placement, looking back through changes of placement type with the same carers (RNE T
    /// or U).
    fn began_with_carers(&self, i: usize) -> usize {
        let mut start = self.placement_start[i];
        while matches!(
            self.episodes[start].reason_new_episode,
            Some(ReasonNewEpisode::T | ReasonNewEpisode::U)
        ) {
            match self.previous[start] {
                Some(p) => start = self.placement_start[p],
                None => break,
            }
        }
        start
    }
}

/// Whether a placement is intended to last until the child is 18, as far as the SSDA903 return
/// says: long-term fostering (placement U1 or U4).
fn is_long_term_placement(e: &ClaEpisode) -> bool {
    matches!(e.placement, Some(Placement::U1 | Placement::U4))
}

/// The regulation 28 intervals (see [`crate::Settings`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reg28 {
    pub first_weeks: u32,
    pub weeks: u32,
    pub long_term_months: u32,
}

impl Reg28 {
    pub(crate) fn of(s: &crate::Settings) -> Reg28 {
        Reg28 {
            first_weeks: s.cla_visit_first_weeks,
            weeks: s.cla_visit_weeks,
            long_term_months: s.cla_visit_long_term_months,
        }
    }
}

/// A child's care on one day, as the visit and review timescales need it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CareNow {
    /// The first day of the current period of care.
    pub period_start: Date,
    /// The first day of the current placement.
    pub placed: Date,
    /// The latest visit (child seen) on or after `placed`, up to the day.
    pub last_visit: Option<Date>,
    /// The last day the next visit is due by under regulation 28.
    pub visit_due: Date,
    /// The interval is the long-term one (a placement intended to last until 18, past its first
    /// year).
    pub long_term: bool,
}

/// The care of `child` on `d` (short breaks left out), or `None` when not looked after that day.
pub(crate) fn care_now(
    child: &Child,
    visits: &[model::Visit],
    d: Date,
    r: &Reg28,
) -> Option<CareNow> {
    Care::of(child).regulation_28(visits, d, r)
}

impl Care<'_> {
    fn regulation_28(&self, visits: &[model::Visit], d: Date, r: &Reg28) -> Option<CareNow> {
        let i = self.open_on(d)?;
        let placed = self.episodes[self.placement_start[i]].start_date;
        let last = model::latest_seen_visit(visits, model::VisitKind::LookedAfter, placed, d);
        let mut long_term = false;
        let due = match last {
            None => placed.saturating_add(jiff::Span::new().days(7 * i64::from(r.first_weeks))),
            Some(v) => {
                let first_year = v < placed.saturating_add(jiff::Span::new().years(1));
                if !first_year && is_long_term_placement(self.episodes[i]) {
                    long_term = true;
                    v.saturating_add(jiff::Span::new().months(i64::from(r.long_term_months)))
                } else {
                    v.saturating_add(jiff::Span::new().days(7 * i64::from(r.weeks)))
                }
            }
        };
        Some(CareNow {
            period_start: self.episodes[self.period_start[i]].start_date,
            placed,
            last_visit: last,
            visit_due: due,
            long_term,
        })
    }
}

/// Children looked after on the period's last day whose latest visit (child seen) on or after
/// their current placement began is within the regulation 28 timescale that applies to them on
/// that day.
pub(crate) fn cla_visits_in_timescale_pct(
    inputs: &Inputs<'_>,
    period: &Period,
    settings: &crate::Settings,
) -> Observation {
    let d = period.end;
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut no_visit_yet, mut long_term) = (0, 0);
    for care in cares(inputs, period) {
        let Some(now) = care.regulation_28(inputs.visits_of(care.child), d, &Reg28::of(settings))
        else {
            continue;
        };
        match now.last_visit {
            None => no_visit_yet += 1,
            Some(_) if now.long_term => long_term += 1,
            Some(_) => {}
        }
        denominator.push(care.child.id.clone());
        if d <= now.visit_due {
            numerator.push(care.child.id.clone());
        }
    }
    let breakdown = vec![
        ("no visit yet since the placement began", no_visit_yet),
        (
            "long-term placement past its first year (the months interval)",
            long_term,
        ),
    ];
    percent_observation(period, numerator, denominator, breakdown)
}

/// Missing episodes (code M) of looked-after children that ended in the period, and whether a
/// return-home interview was offered within 72 hours (3 days) of the child's return.
pub(crate) fn cla_missing_rhi_72h_pct(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let (mut numerator, mut denominator) = (Vec::new(), Vec::new());
    let (mut late, mut not_offered, mut accepted) = (0, 0, 0);
    for c in inputs.children() {
        let care = Care::of(c);
        for m in &c.missing_episodes {
            let Some(end) = m.end_date.filter(|e| period.contains(*e)) else {
                continue;
            };
            if m.kind != Some(MissingKind::M) || care.open_on(m.start_date).is_none() {
                continue;
            }
            denominator.push(c.id.clone());
            let rhi = model::of_child(&inputs.dataset.return_home_interviews, &c.id)
                .iter()
                .find(|r| r.missing_start == m.start_date);
            match rhi.and_then(|r| r.offered) {
                Some(o) if o <= end.saturating_add(jiff::Span::new().days(3)) => {
                    numerator.push(c.id.clone());
                }
                Some(_) => late += 1,
                None => not_offered += 1,
            }
            if rhi.is_some_and(|r| r.accepted == Some(true)) {
                accepted += 1;
            }
        }
    }
    let (n, d) = (numerator.len() as u64, denominator.len() as u64);
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: n,
        denominator: Some(d),
        value: crate::percent(n, d),
        numerator_children: ids(numerator),
        denominator_children: ids(denominator),
        breakdown: vec![
            ("offered later than 72 hours", late),
            ("no interview offered or recorded", not_offered),
            ("interviews accepted", accepted),
        ],
    }
}

/// Adoption A2: for children adopted in the period, the mean days from the court's authority to
/// place (the first episode of the period of care with legal status E1, placement order, or D1,
/// freeing order) to the decision on a match (AD1 `DATE_MATCH`); a match before the authority
/// counts 0 days.
pub(crate) fn adoption_a2_days(inputs: &Inputs<'_>, period: &Period) -> Observation {
    let mut total = 0;
    let mut children = Vec::new();
    let (mut no_order, mut no_match, mut matched_first) = (0, 0, 0);
    for care in cares(inputs, period) {
        let adopted = (0..care.episodes.len()).find(|&i| {
            let e = care.episodes[i];
            matches!(
                e.reason_ceased,
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            ) && e.end_date.is_some_and(|d| period.contains(d))
        });
        let Some(adopted) = adopted else { continue };
        let began = care.period_start[adopted];
        let order = (began..=adopted)
            .filter(|&k| care.period_start[k] == began)
            .map(|k| care.episodes[k])
            .find(|e| matches!(e.legal_status, Some(LegalStatus::E1 | LegalStatus::D1)))
            .map(|e| e.start_date);
        let Some(order) = order else {
            no_order += 1;
            continue;
        };
        let Some(matched) = care.child.adoption.and_then(|a| a.match_date) else {
            no_match += 1;
            continue;
        };
        if matched < order {
            matched_first += 1;
        }
        total += days_between(order, matched);
        children.push(care.child.id.clone());
    }
    let n = children.len() as u64;
    Observation {
        period_start: period.start,
        period_end: period.end,
        numerator: total,
        denominator: Some(n),
        value: (n > 0).then(|| total as f64 / n as f64),
        numerator_children: ids(children.clone()),
        denominator_children: ids(children),
        breakdown: vec![
            ("children adopted with a placement order and a match", n),
            ("matched before the placement order (0 days)", matched_first),
            (
                "adopted with no placement order episode (left out)",
                no_order,
            ),
            ("adopted with no match date (left out)", no_match),
        ],
    }
}
