//! Focus Five: the five minimum practice standards checked for every open child on a day
//! (research/indicators.md §5), rolled up by worker, team and service, with the exceptions a
//! team manager works through.
//!
//! A child is *open* on a day when a referral is open (received on or before it, not closed
//! before it) or they are looked after (short breaks left out); each is shown with the worker and
//! team of their latest-starting case allocation open that day, or as unallocated. Their plan
//! type is CP if a child protection plan is open, else looked after, else a CIN plan, else other
//! (as the audit sample's strata). The standards, each with its timescale in [`Timescales`]:
//!
//! 1. **Chronology up to date**: every significant event of the child's record (referral,
//!    assessment authorised, section 47 enquiry, initial conference, CIN plan, CP plan, CP review,
//!    becoming looked after, CLA review, missing episode) dated from the start of the current
//!    involvement, and no more than `chronology_lookback_months` before the day, is in the
//!    chronology (an entry with that event date, recorded on or before the day) once
//!    `chronology_working_days` working days have passed since it happened.
//! 2. **Visit within timescale**: CP, the latest visit with the child seen since the plan started
//!    (or the plan's start) no more than `cp_visit_working_days` working days ago; CIN, the same
//!    with `cin_visit_working_days`; looked after, regulation 28 of the Care Planning, Placement
//!    and Case Review (England) Regulations 2010 (within `cla_visit_first_weeks` weeks of a
//!    placement starting, then every `cla_visit_weeks` weeks, or `cla_visit_long_term_months`
//!    months after the first year of a placement intended to last until 18). Not applicable to
//!    other open children.
//! 3. **Assessment within timescale**: the latest assessment of the open referral started by the
//!    day was authorised within `assessment_working_days` working days of its start, or, not yet
//!    authorised, has not yet taken longer; with no assessment started, the referral is no more
//!    than that many working days old. Not applicable to a child with no open referral, nor
//!    when no assessment of the referral is held and its assessment was due before the data
//!    begins: the returns hold the assessments of their own years, so a referral open for years
//!    (a child long in care) had its assessment before them, and its absence shows nothing.
//!    The data begins at the earliest assessment start held for any child.
//! 4. **Plan reviewed within timescale**: every review due by the day was held by its due date.
//!    CP: the first within `cp_first_review_months` months of the plan starting, then each within
//!    `cp_review_months` months of the one before. Looked after: the first within
//!    `cla_first_review_working_days` working days of the period of care starting, the second
//!    within `cla_second_review_months` months, then each within `cla_review_months` months. CIN:
//!    each within `cin_review_months` months of the plan's start or the review before. Neither
//!    the DfE returns nor the Standard Safeguarding Dataset hold CIN plan reviews, so they are
//!    read from the chronology: entries whose event is `cin_review_event` (ignoring case).
//!    Not applicable to other open children.
//! 5. **Supervision within timescale**: the latest supervision of the child's case since their
//!    current allocation began (or its start) no more than `supervision_months` months ago. An
//!    unallocated child's case has no supervision, so the standard is not met.
//!
//! A child is compliant when every standard that applies to them is met. Pure: the same dataset,
//! day and timescales give the same result.

use crate::looked_after::{Reg28, care_now};
use crate::{IndicatorDef, Inputs, Observation, Period, Polarity, Quadrant, Setting, Unit, ids};
pub use assurance::sample::PlanType;
use model::calendar::{Calendar, DayCount};
use model::{Child, ChildId, Dataset, Date, VisitKind};
use serde::Serialize;
use std::collections::BTreeMap;

pub const FOCUS_FIVE_PCT: &str = "focus_five_pct";

/// Every Focus Five timescale; the defaults are those of the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timescales {
    /// How working days are counted (default: the start day is day 0).
    #[serde(skip)]
    pub day_count: DayCount,
    /// An event must be in the chronology this many working days after it happened (5).
    pub chronology_working_days: u32,
    /// How far back the chronology check looks, in months (12).
    pub chronology_lookback_months: u32,
    /// Visits to a child on a CP plan, at most this many working days apart (10).
    pub cp_visit_working_days: u32,
    /// Visits to a child on a CIN plan (20).
    pub cin_visit_working_days: u32,
    /// Regulation 28: the first visit within this many weeks of a placement (1) …
    pub cla_visit_first_weeks: u32,
    /// … then every this many weeks (6) …
    pub cla_visit_weeks: u32,
    /// … or every this many months after the first year of a long-term placement (3).
    pub cla_visit_long_term_months: u32,
    /// An assessment authorised within this many working days of its start (45).
    pub assessment_working_days: u32,
    /// The first CP review within this many months of the plan starting (3) …
    pub cp_first_review_months: u32,
    /// … then every this many months (6).
    pub cp_review_months: u32,
    /// The first CLA review within this many working days of care starting (20) …
    pub cla_first_review_working_days: u32,
    /// … the second within this many months (3) …
    pub cla_second_review_months: u32,
    /// … then every this many months (6).
    pub cla_review_months: u32,
    /// CIN plans reviewed every this many months (3).
    pub cin_review_months: u32,
    /// The chronology event that records a CIN plan review ("CIN plan review").
    pub cin_review_event: String,
    /// Case supervision at least every this many months (1).
    pub supervision_months: u32,
}

impl Default for Timescales {
    fn default() -> Self {
        Timescales {
            day_count: DayCount::StartIsDayZero,
            chronology_working_days: 5,
            chronology_lookback_months: 12,
            cp_visit_working_days: 10,
            cin_visit_working_days: 20,
            cla_visit_first_weeks: 1,
            cla_visit_weeks: 6,
            cla_visit_long_term_months: 3,
            assessment_working_days: 45,
            cp_first_review_months: 3,
            cp_review_months: 6,
            cla_first_review_working_days: 20,
            cla_second_review_months: 3,
            cla_review_months: 6,
            cin_review_months: 3,
            cin_review_event: "CIN plan review".to_owned(),
            supervision_months: 1,
        }
    }
}

impl Timescales {
    /// The defaults, with the timescales the catalogue's settings also hold (day count, visits,
    /// assessment) taken from them.
    pub fn from_settings(s: &crate::Settings) -> Timescales {
        Timescales {
            day_count: s.day_count,
            cp_visit_working_days: s.cp_visit_working_days,
            cin_visit_working_days: s.cin_visit_working_days,
            cla_visit_first_weeks: s.cla_visit_first_weeks,
            cla_visit_weeks: s.cla_visit_weeks,
            cla_visit_long_term_months: s.cla_visit_long_term_months,
            assessment_working_days: s.assessment_working_days,
            ..Timescales::default()
        }
    }
}

/// One of the five standards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standard {
    Chronology,
    Visit,
    Assessment,
    PlanReview,
    Supervision,
}

impl Standard {
    pub const ALL: [Standard; 5] = [
        Standard::Chronology,
        Standard::Visit,
        Standard::Assessment,
        Standard::PlanReview,
        Standard::Supervision,
    ];

    /// The name used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Standard::Chronology => "chronology",
            Standard::Visit => "visit",
            Standard::Assessment => "assessment",
            Standard::PlanReview => "plan_review",
            Standard::Supervision => "supervision",
        }
    }

    /// The name shown to people.
    pub fn title(self) -> &'static str {
        match self {
            Standard::Chronology => "Chronology up to date",
            Standard::Visit => "Visit within timescale",
            Standard::Assessment => "Assessment within timescale",
            Standard::PlanReview => "Plan reviewed within timescale",
            Standard::Supervision => "Supervision within timescale",
        }
    }
}

/// Whether a standard is met for a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    /// The standard does not apply to the child (no plan, no open referral).
    NotApplicable,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::NotApplicable => "n/a",
        }
    }
}

/// One standard checked for one child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Check {
    pub standard: Standard,
    pub status: Status,
    /// The latest event the check rests on (visit, review, supervision, assessment authorised,
    /// chronology entry recorded), if any.
    pub last: Option<Date>,
    /// When met, the day by which the next one is due; when not met, the day it was due by.
    pub due: Option<Date>,
}

/// The Focus Five of one open child on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChildFocus {
    pub child: ChildId,
    pub plan_type: PlanType,
    /// The allocated worker; `None` when unallocated.
    pub worker: Option<String>,
    pub team: Option<String>,
    /// The team's service, from the teams extract.
    pub service: Option<String>,
    /// The five checks, in [`Standard::ALL`] order.
    pub checks: [Check; 5],
}

impl ChildFocus {
    pub fn check(&self, s: Standard) -> &Check {
        &self.checks[s as usize]
    }
    /// Every applicable standard is met.
    pub fn compliant(&self) -> bool {
        self.checks.iter().all(|c| c.status != Status::NotMet)
    }
    /// The standards not met.
    pub fn exceptions(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| c.status == Status::NotMet)
    }
}

fn months(d: Date, n: u32) -> Date {
    d.checked_add(jiff::Span::new().months(i64::from(n)))
        .unwrap_or(Date::MAX)
}

/// Every child open on `day`, with their five checks, sorted by child id.
pub fn focus_five(dataset: &Dataset, day: Date, t: &Timescales) -> Vec<ChildFocus> {
    let teams: BTreeMap<&str, &model::Team> =
        dataset.teams.iter().map(|t| (t.id.as_str(), t)).collect();
    let allocations = allocations_on(dataset, day);
    let assessed_from = assessed_from(dataset);
    let mut out: Vec<ChildFocus> = dataset
        .children
        .iter()
        .filter_map(|c| {
            let visits = model::of_child(&dataset.visits, &c.id);
            let allocation = allocations.get(&c.id).copied();
            child_focus(
                dataset,
                c,
                visits,
                allocation,
                day,
                t,
                &teams,
                assessed_from,
            )
        })
        .collect();
    out.sort_by(|a, b| a.child.cmp(&b.child));
    out
}

/// Where the data's assessments begin: the earliest assessment start held for any child.
fn assessed_from(dataset: &Dataset) -> Option<Date> {
    dataset
        .children
        .iter()
        .flat_map(|c| &c.referrals)
        .flat_map(|r| &r.assessments)
        .map(|a| a.start_date)
        .min()
}

/// Each child's latest-starting case allocation open on `day` (ties: the greater worker id), in
/// whatever order the allocations are held.
fn allocations_on(dataset: &Dataset, day: Date) -> BTreeMap<&ChildId, &model::CaseAllocation> {
    let mut out: BTreeMap<&ChildId, &model::CaseAllocation> = BTreeMap::new();
    for a in dataset.allocations.iter().filter(|a| a.is_open_on(day)) {
        let keep = out
            .get(&a.child)
            .is_none_or(|b| (a.start, &a.worker) > (b.start, &b.worker));
        if keep {
            out.insert(&a.child, a);
        }
    }
    out
}

/// The Focus Five of one child on `day`, or `None` when they are not open that day.
#[allow(clippy::too_many_arguments)]
fn child_focus(
    dataset: &Dataset,
    c: &Child,
    visits: &[model::Visit],
    allocation: Option<&model::CaseAllocation>,
    day: Date,
    t: &Timescales,
    teams: &BTreeMap<&str, &model::Team>,
    assessed_from: Option<Date>,
) -> Option<ChildFocus> {
    let reg28 = Reg28 {
        first_weeks: t.cla_visit_first_weeks,
        weeks: t.cla_visit_weeks,
        long_term_months: t.cla_visit_long_term_months,
    };
    let care = care_now(c, visits, day, &reg28);
    let referral = c
        .referrals
        .iter()
        .filter(|r| r.is_open_on(day))
        .max_by_key(|r| r.referral_date);
    if care.is_none() && referral.is_none() {
        return None;
    }
    let cp = c
        .cp_plans()
        .filter(|p| p.is_open_on(day))
        .max_by_key(|p| p.start_date);
    let cin = c
        .cin_plans()
        .filter(|p| p.is_open_on(day))
        .max_by_key(|p| p.start_date);
    let plan_type = if cp.is_some() {
        PlanType::Cp
    } else if care.is_some() {
        PlanType::Cla
    } else if cin.is_some() {
        PlanType::Cin
    } else {
        PlanType::Other
    };
    let calendar = Calendar::england_and_wales_ref();
    let chronology = model::of_child(&dataset.chronology, &c.id);
    let involvement_start = referral
        .map(|r| r.referral_date)
        .into_iter()
        .chain(care.map(|x| x.period_start))
        .min()
        .unwrap_or(day);

    let check = |standard, status, last, due| Check {
        standard,
        status,
        last,
        due,
    };
    let met = |ok: bool| if ok { Status::Met } else { Status::NotMet };

    // 1. Chronology.
    let chronology_check = {
        let from = involvement_start.max(
            day.checked_sub(jiff::Span::new().months(i64::from(t.chronology_lookback_months)))
                .unwrap_or(Date::MIN),
        );
        let mut missing_due: Option<Date> = None;
        for event in significant_events(c) {
            if event < from || event > day {
                continue;
            }
            let due = calendar.add_working_days(event, t.chronology_working_days, t.day_count);
            if due >= day {
                continue;
            }
            let recorded = chronology
                .iter()
                .any(|e| e.event_date == event && e.recorded_date <= day);
            if !recorded {
                missing_due = Some(missing_due.map_or(due, |m: Date| m.min(due)));
            }
        }
        let last = chronology
            .iter()
            .map(|e| e.recorded_date)
            .filter(|d| *d <= day)
            .max();
        check(
            Standard::Chronology,
            met(missing_due.is_none()),
            last,
            missing_due,
        )
    };

    // 2. Visits.
    let visit_check = {
        let plan_visit = |kind, started: Date, limit: u32| {
            let last = model::latest_seen_visit(visits, kind, started, day);
            let since = last.unwrap_or(started);
            let due = calendar.add_working_days(since, limit, t.day_count);
            let ok = calendar.working_days_between(since, day, t.day_count) <= i64::from(limit);
            check(Standard::Visit, met(ok), last, Some(due))
        };
        match plan_type {
            PlanType::Cp => plan_visit(
                VisitKind::ChildProtection,
                cp.map_or(day, |p| p.start_date),
                t.cp_visit_working_days,
            ),
            PlanType::Cla => {
                let now = care.expect("looked after");
                check(
                    Standard::Visit,
                    met(day <= now.visit_due),
                    now.last_visit,
                    Some(now.visit_due),
                )
            }
            PlanType::Cin => plan_visit(
                VisitKind::ChildInNeed,
                cin.map_or(day, |p| p.start_date),
                t.cin_visit_working_days,
            ),
            PlanType::Other => check(Standard::Visit, Status::NotApplicable, None, None),
        }
    };

    // 3. Assessment.
    let assessment_check = match referral {
        None => check(Standard::Assessment, Status::NotApplicable, None, None),
        Some(r) => {
            let limit = t.assessment_working_days;
            let latest = r
                .assessments
                .iter()
                .filter(|a| a.start_date <= day)
                .max_by_key(|a| a.start_date);
            match latest {
                None => {
                    let due = calendar.add_working_days(r.referral_date, limit, t.day_count);
                    if assessed_from.is_some_and(|from| due < from) {
                        // Due before the data begins: the assessment is not in the returns.
                        check(Standard::Assessment, Status::NotApplicable, None, Some(due))
                    } else {
                        let ok =
                            calendar.within_working_days(r.referral_date, day, limit, t.day_count);
                        check(Standard::Assessment, met(ok), None, Some(due))
                    }
                }
                Some(a) => {
                    let due = calendar.add_working_days(a.start_date, limit, t.day_count);
                    let authorised = a.authorised_date.filter(|d| *d <= day);
                    let end = authorised.unwrap_or(day);
                    let ok = calendar.within_working_days(a.start_date, end, limit, t.day_count);
                    check(Standard::Assessment, met(ok), authorised, Some(due))
                }
            }
        }
    };

    // 4. Plan reviews.
    let review_check = {
        let reviews = |mut held: Vec<Date>,
                       start: Date,
                       first_due: Date,
                       next: &dyn Fn(usize, Date) -> Date| {
            held.retain(|d| start <= *d && *d <= day);
            held.sort_unstable();
            held.dedup();
            let mut due = first_due;
            let mut last = None;
            let mut n = 0;
            for h in held {
                if h > due {
                    break;
                }
                n += 1;
                last = Some(h);
                due = next(n, h);
            }
            // No review held by `due`: met while it is still to come (or is today).
            check(Standard::PlanReview, met(due >= day), last, Some(due))
        };
        match plan_type {
            PlanType::Cp => {
                let p = cp.expect("on a CP plan");
                reviews(
                    p.review_dates.clone(),
                    p.start_date,
                    months(p.start_date, t.cp_first_review_months),
                    &|_, h| months(h, t.cp_review_months),
                )
            }
            PlanType::Cla => {
                let start = care.expect("looked after").period_start;
                reviews(
                    c.cla_reviews.iter().map(|r| r.date).collect(),
                    start,
                    calendar.add_working_days(start, t.cla_first_review_working_days, t.day_count),
                    &|n, h| {
                        if n == 1 {
                            months(h, t.cla_second_review_months)
                        } else {
                            months(h, t.cla_review_months)
                        }
                    },
                )
            }
            PlanType::Cin => {
                let p = cin.expect("on a CIN plan");
                let event = t.cin_review_event.trim();
                reviews(
                    chronology
                        .iter()
                        .filter(|e| {
                            e.event.trim().eq_ignore_ascii_case(event) && e.recorded_date <= day
                        })
                        .map(|e| e.event_date)
                        .collect(),
                    p.start_date,
                    months(p.start_date, t.cin_review_months),
                    &|_, h| months(h, t.cin_review_months),
                )
            }
            PlanType::Other => check(Standard::PlanReview, Status::NotApplicable, None, None),
        }
    };

    // 5. Supervision.
    let supervision_check = match allocation {
        None => check(Standard::Supervision, Status::NotMet, None, None),
        Some(a) => {
            let last = model::of_child(&dataset.supervisions, &c.id)
                .iter()
                .map(|s| s.date)
                .filter(|d| a.start <= *d && *d <= day)
                .max();
            let due = months(last.unwrap_or(a.start), t.supervision_months);
            check(Standard::Supervision, met(day <= due), last, Some(due))
        }
    };

    let team = allocation.map(|a| a.team.clone());
    let service = allocation
        .and_then(|a| teams.get(a.team.as_str()))
        .map(|t| t.service.clone())
        .filter(|s| !s.is_empty());
    Some(ChildFocus {
        child: c.id.clone(),
        plan_type,
        worker: allocation.map(|a| a.worker.clone()),
        team,
        service,
        checks: [
            chronology_check,
            visit_check,
            assessment_check,
            review_check,
            supervision_check,
        ],
    })
}

/// The dates of a child's significant events that the chronology must hold.
fn significant_events(c: &Child) -> Vec<Date> {
    let mut events = Vec::new();
    for r in &c.referrals {
        events.push(r.referral_date);
        events.extend(r.assessments.iter().filter_map(|a| a.authorised_date));
        for s in &r.section47s {
            events.push(s.start_date);
            events.extend(s.icpc_date);
        }
        events.extend(r.cin_plans.iter().map(|p| p.start_date));
        for p in &r.cp_plans {
            events.push(p.start_date);
            events.extend(p.review_dates.iter().copied());
        }
    }
    events.extend(
        c.cla_episodes
            .iter()
            .filter(|e| e.starts_period_of_care())
            .map(|e| e.start_date),
    );
    events.extend(c.cla_reviews.iter().map(|r| r.date));
    events.extend(c.missing_episodes.iter().map(|m| m.start_date));
    events.sort_unstable();
    events.dedup();
    events
}

/// How many children, and how many of them met each standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Compliance {
    /// Open children.
    pub children: u64,
    /// Children meeting every standard that applies to them.
    pub compliant: u64,
    /// For each standard (in [`Standard::ALL`] order): children it applies to, and those meeting it.
    pub applicable: [u64; 5],
    pub met: [u64; 5],
}

impl Compliance {
    pub fn add(&mut self, f: &ChildFocus) {
        self.children += 1;
        self.compliant += u64::from(f.compliant());
        for (i, c) in f.checks.iter().enumerate() {
            if c.status != Status::NotApplicable {
                self.applicable[i] += 1;
                self.met[i] += u64::from(c.status == Status::Met);
            }
        }
    }
    /// Children compliant with every standard, as a percentage.
    pub fn pct(&self) -> Option<f64> {
        crate::percent(self.compliant, self.children)
    }
    /// One standard's compliance as a percentage.
    pub fn standard_pct(&self, s: Standard) -> Option<f64> {
        crate::percent(self.met[s as usize], self.applicable[s as usize])
    }
}

/// What compliance is rolled up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Worker,
    Team,
    Service,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Worker => "worker",
            Level::Team => "team",
            Level::Service => "service",
        }
    }
}

/// The name unallocated children are rolled up under.
pub const UNALLOCATED: &str = "(unallocated)";

/// Compliance by worker, team or service, in key order (unallocated children under
/// [`UNALLOCATED`]).
pub fn rollup(rows: &[ChildFocus], level: Level) -> Vec<(String, Compliance)> {
    let mut map: BTreeMap<String, Compliance> = BTreeMap::new();
    for f in rows {
        let key = match level {
            Level::Worker => f.worker.as_deref(),
            Level::Team => f.team.as_deref(),
            Level::Service => f.service.as_deref().or(f.team.as_ref().map(|_| "")),
        };
        let key = match key {
            None => UNALLOCATED.to_owned(),
            Some("") => "(no service)".to_owned(),
            Some(k) => k.to_owned(),
        };
        map.entry(key).or_default().add(f);
    }
    map.into_iter().collect()
}

/// Compliance over every row.
pub fn total(rows: &[ChildFocus]) -> Compliance {
    let mut c = Compliance::default();
    rows.iter().for_each(|f| c.add(f));
    c
}

/// The exceptions list of one team: its children meeting not every standard, by worker then
/// child.
pub fn exceptions<'a>(rows: &'a [ChildFocus], team: &str) -> Vec<&'a ChildFocus> {
    let mut out: Vec<&ChildFocus> = rows
        .iter()
        .filter(|f| f.team.as_deref() == Some(team) && !f.compliant())
        .collect();
    out.sort_by(|a, b| (&a.worker, &a.child).cmp(&(&b.worker, &b.child)));
    out
}

fn focus_five_pct(i: &Inputs<'_>, p: &Period, s: &crate::Settings) -> Observation {
    let t = Timescales::from_settings(s);
    let day = p.end;
    let teams: BTreeMap<&str, &model::Team> =
        i.dataset.teams.iter().map(|t| (t.id.as_str(), t)).collect();
    let (mut num, mut den) = (Vec::new(), Vec::new());
    let allocations = allocations_on(i.dataset, day);
    let from = assessed_from(i.dataset);
    let mut total = Compliance::default();
    for c in i.children() {
        let allocation = allocations.get(&c.id).copied();
        let Some(f) = child_focus(
            i.dataset,
            c,
            i.visits_of(c),
            allocation,
            day,
            &t,
            &teams,
            from,
        ) else {
            continue;
        };
        total.add(&f);
        den.push(c.id.clone());
        if f.compliant() {
            num.push(c.id.clone());
        }
    }
    let not_met = |s: Standard| total.applicable[s as usize] - total.met[s as usize];
    Observation {
        period_start: p.start,
        period_end: p.end,
        numerator: total.compliant,
        denominator: Some(total.children),
        value: total.pct(),
        numerator_children: ids(num),
        denominator_children: ids(den),
        breakdown: vec![
            ("chronology not up to date", not_met(Standard::Chronology)),
            ("visit overdue", not_met(Standard::Visit)),
            ("assessment out of timescale", not_met(Standard::Assessment)),
            ("plan review overdue", not_met(Standard::PlanReview)),
            (
                "supervision overdue or unallocated",
                not_met(Standard::Supervision),
            ),
        ],
    }
}

pub(crate) const FOCUS_FIVE: IndicatorDef = IndicatorDef {
    id: FOCUS_FIVE_PCT,
    title: "% of open children meeting all of the Focus Five",
    quadrant: Quadrant::HowWell,
    polarity: Polarity::HighIsGood,
    unit: Unit::Percent,
    definition: "Of the children open to children's social care on the last day of the period \
        (a referral open, or looked after), the share meeting every one of the five minimum \
        practice standards that applies to them: chronology up to date (events recorded within \
        5 working days), last visit within timescale (CP 10 working days, CIN 20, looked after \
        regulation 28), assessment within 45 working days, plan reviewed within timescale (CP \
        within 3 months then every 6; looked after within 20 working days, then 3 months, then \
        every 6; CIN every 3 months) and case supervision within a month. The breakdown counts \
        the children missing each standard.",
    numerator: "Open children meeting every applicable standard",
    denominator: "Children open on the last day of the period",
    period_kinds: crate::ALL_PERIODS,
    settings: &[
        Setting::DayCount,
        Setting::CpVisitWorkingDays,
        Setting::CinVisitWorkingDays,
        Setting::ClaVisitTimescale,
        Setting::AssessmentWorkingDays,
    ],
    source: "local practice standards (research/indicators.md §5); Working Together 2023; Care Planning Regulations 2010",
    compute: focus_five_pct,
};

/// One row of compliance as an audience under disclosure control may read it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedCompliance {
    /// The service, or `All open children` for the total row (last).
    pub name: String,
    pub children: disclosure::Published,
    pub compliant: disclosure::Published,
    pub pct: disclosure::PublishedValue,
}

/// Compliance by service and in total for the scrutiny panel and the public: a table of
/// services × (compliant, not compliant) with every total, protected together by
/// [`disclosure::protect`] so that no suppressed count can be worked out from the rest; a table
/// that cannot be protected is withheld whole. Holds no child id.
pub fn publish_by_service(
    rows: &[ChildFocus],
    policy: &disclosure::Policy,
) -> Vec<PublishedCompliance> {
    use disclosure::{CountTable, Published};
    let groups = rollup(rows, Level::Service);
    let counts: Vec<Vec<u64>> = groups
        .iter()
        .map(|(_, c)| vec![c.compliant, c.children - c.compliant])
        .collect();
    let protected = CountTable::new(counts)
        .ok()
        .and_then(|t| disclosure::protect(&t.with_all_totals(), policy).ok());
    let row = |name: String, children: Published, compliant: Published| PublishedCompliance {
        pct: disclosure::percentage(&compliant, &children),
        name,
        children,
        compliant,
    };
    let mut out: Vec<PublishedCompliance> = groups
        .iter()
        .enumerate()
        .map(|(i, (name, _))| match &protected {
            Some(p) => row(
                name.clone(),
                p.row_total(i).unwrap_or(Published::Suppressed),
                p.cell(i, 0),
            ),
            None => row(name.clone(), Published::Suppressed, Published::Suppressed),
        })
        .collect();
    let (children, compliant) = match &protected {
        Some(p) => (
            p.grand_total().unwrap_or(Published::Suppressed),
            p.column_total(0).unwrap_or(Published::Suppressed),
        ),
        None if groups.is_empty() => (Published::Count(0), Published::Count(0)),
        None => (Published::Suppressed, Published::Suppressed),
    };
    out.push(row("All open children".to_owned(), children, compliant));
    out
}
