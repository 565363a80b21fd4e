//! Practice records for the case-management extract, generated from each child's journey as
//! known on the reference date: contacts, strategy discussions, statutory visits, case
//! supervisions, chronology entries and return-home interviews; and the population table.
//!
//! Each child has its own random stream, so the records are the same for a seed whatever else
//! changes. Records fall in the 40 months to the reference date (36 months of indicators and the
//! look-back before them), as an extract taken on that date for them holds them.
//!
//! - **Contacts**: one on each referral's date (its source; it led to the referral) and, for
//!   about 85 referrals in 100, one to three more (within a year either side) that led to nothing, for the same child or
//!   for a child known only by the contact (`K…` ids), so about a third of contacts become
//!   referrals (research/indicators.md §1: contacts are local measures; conversion rates of 25%
//!   to 40% are typical).
//! - **Strategy discussions**: one for each section 47 enquiry, on its start date or up to two
//!   working days before (never before the referral), linked to it; and for about one enquiry in
//!   seven a discussion that decided no enquiry was needed.
//! - **Visits**: CP visits from each plan's start every 4 to 10 working days, one in five late (11
//!   to 20 working days); CIN visits every 10 to 20 working days, one in five late (21 to 32);
//!   CLA visits within a week of each new placement (nine in ten) and then every 3 to 6 weeks,
//!   one in four late (43 to 60 days). Visits are on working days, by the worker allocated that
//!   day; the child is seen on 95% of visits, and alone on about half of those from age 4.
//! - **Supervisions**: of each allocated worker on the child's case, every 20 to 31 days, one in
//!   six late (32 to 50 days), on working days.
//! - **Chronology entries**: referrals, assessments authorised, strategy discussions, section 47
//!   enquiries, conferences, plans starting, care starting, reviews and missing episodes, each
//!   recorded 0 to 5 days later (three in four), 6 to 20 days (one in five) or 21 to 60 days;
//!   entries not yet recorded on the reference date are left out. CIN plan reviews, which no
//!   return holds, are chronology entries too (`CIN plan review`): every 75 to 92 days while a
//!   plan is open, one in six late (93 to 120), recorded 0 to 5 days later.
//! - **Return-home interviews**: a row for 95% of missing episodes that ended, offered for nine
//!   in ten of those (within 3 days of the return for 85%, else 4 to 10 days), accepted by two in
//!   three and held 0 to 5 days after the offer.

use crate::days::*;
use crate::rng::Rng;
use model::codes::{LegalStatus, ReasonNewEpisode};
use model::*;
use std::collections::BTreeSet;

/// Adds the practice records of every child of `ds` (normalised) from `from` to `reference`.
pub(crate) fn add(ds: &mut Dataset, seed: u64, from: Day, reference: Day) {
    let mut contact_only = 0u64;
    let mut out = Practice::default();
    for (i, c) in ds.children.iter().enumerate() {
        let mut rng = Rng::stream(seed ^ 0x9ACE_0000_0000, i as u64);
        let allocations = of_child(&ds.allocations, &c.id);
        let ctx = ChildCtx {
            child: c,
            allocations,
            from,
            reference,
        };
        ctx.contacts(&mut rng, &mut out.contacts, &mut contact_only);
        ctx.strategy_discussions(&mut rng, &mut out.strategy_discussions);
        ctx.visits(&mut rng, &mut out.visits);
        ctx.supervisions(&mut rng, &mut out.supervisions);
        ctx.chronology(&mut rng, &mut out.chronology);
        ctx.return_home_interviews(&mut rng, &mut out.return_home_interviews);
        // Their own stream, so the records above are what they were before reviews were added.
        let mut reviews = Rng::stream(seed ^ 0xC1_4E00_0000, i as u64);
        ctx.cin_plan_reviews(&mut reviews, &mut out.chronology);
    }
    ds.contacts = out.contacts;
    ds.strategy_discussions = out.strategy_discussions;
    ds.visits = out.visits;
    ds.supervisions = out.supervisions;
    ds.chronology = out.chronology;
    ds.return_home_interviews = out.return_home_interviews;
    ds.practice_mut().normalise();
}

/// The population table: children aged 0 to 17 at 30 June of each of the six years before the
/// reference date, ending at `latest` and growing by about 0.4% a year, stated as synthetic.
pub(crate) fn population(
    area: &str,
    seed: u64,
    reference: Day,
    latest: u32,
) -> Vec<PopulationEstimate> {
    let last = reference.year() - 1;
    (0..6)
        .map(|back| {
            let factor = 1.0 - 0.004 * f64::from(back);
            PopulationEstimate {
                area: area.to_owned(),
                year: (last - back) as i16,
                children_0_17: (f64::from(latest) * factor).round() as u64,
                vintage: format!(
                    "Synthetic: Harbour synth seed {seed}, sized from the council's referrals at \
                     the England rate (not an ONS estimate)"
                ),
            }
        })
        .rev()
        .collect()
}

#[derive(Default)]
struct Practice {
    contacts: Vec<Contact>,
    strategy_discussions: Vec<StrategyDiscussion>,
    visits: Vec<Visit>,
    supervisions: Vec<Supervision>,
    chronology: Vec<ChronologyEntry>,
    return_home_interviews: Vec<ReturnHomeInterview>,
}

struct ChildCtx<'a> {
    child: &'a Child,
    allocations: &'a [CaseAllocation],
    from: Day,
    reference: Day,
}

fn day(d: Date) -> Day {
    Day::from_date(d)
}

impl ChildCtx<'_> {
    fn within(&self, d: Day) -> bool {
        self.from <= d && d <= self.reference
    }

    /// The worker allocated on `d` (the latest allocation to start), or "".
    fn worker_on(&self, d: Day) -> String {
        let d = d.date();
        self.allocations
            .iter()
            .filter(|a| a.is_open_on(d))
            .max_by_key(|a| a.start)
            .map(|a| a.worker.clone())
            .unwrap_or_default()
    }

    fn contacts(&self, rng: &mut Rng, out: &mut Vec<Contact>, contact_only: &mut u64) {
        let id = &self.child.id;
        let mut days: BTreeSet<Day> = BTreeSet::new();
        for r in &self.child.referrals {
            let d = day(r.referral_date);
            if !self.within(d) || !days.insert(d) {
                continue;
            }
            out.push(Contact {
                child: id.clone(),
                date: d.date(),
                source: r.source,
                led_to_referral: true,
            });
            if !rng.chance(0.85) {
                continue;
            }
            for _ in 0..rng.range(1, 3) {
                let other = d.plus(rng.range(-365, 365));
                if !self.within(other) {
                    continue;
                }
                let source = r.source;
                if rng.chance(0.5) {
                    if days.insert(other) {
                        out.push(Contact {
                            child: id.clone(),
                            date: other.date(),
                            source,
                            led_to_referral: false,
                        });
                    }
                } else {
                    *contact_only += 1;
                    out.push(Contact {
                        child: ChildId(format!("K{:07}", *contact_only)),
                        date: other.date(),
                        source,
                        led_to_referral: false,
                    });
                }
            }
        }
    }

    fn strategy_discussions(&self, rng: &mut Rng, out: &mut Vec<StrategyDiscussion>) {
        let mut days: BTreeSet<Day> = BTreeSet::new();
        for r in &self.child.referrals {
            let referral = day(r.referral_date);
            for s in &r.section47s {
                let start = day(s.start_date);
                let back = rng.weighted(&[(0u32, 6), (1, 3), (2, 1)]);
                let mut d = start;
                for _ in 0..back {
                    d = previous_working_day(d.plus(-1));
                }
                let d = d.max(referral).min(start);
                if self.within(d) && days.insert(d) {
                    out.push(StrategyDiscussion {
                        child: self.child.id.clone(),
                        date: d.date(),
                        s47_start: Some(s.start_date),
                    });
                }
                if rng.chance(1.0 / 7.0) {
                    let other = referral.plus(rng.range(0, 20));
                    if self.within(other) && other < start && days.insert(other) {
                        out.push(StrategyDiscussion {
                            child: self.child.id.clone(),
                            date: other.date(),
                            s47_start: None,
                        });
                    }
                }
            }
        }
    }

    fn visit(&self, rng: &mut Rng, d: Day, kind: VisitKind, out: &mut Vec<Visit>) {
        if !self.within(d) {
            return;
        }
        let seen = rng.chance(0.95);
        let old_enough = self.child.birth_date.is_some_and(|b| d.age_of(day(b)) >= 4);
        out.push(Visit {
            child: self.child.id.clone(),
            worker: self.worker_on(d),
            date: d.date(),
            kind,
            seen,
            seen_alone: seen && old_enough && rng.chance(0.5),
        });
    }

    /// Visits every `on_time` working days, a share `late` of them later (`late_gap`), from
    /// `start` while `start..=end`.
    #[allow(clippy::too_many_arguments)]
    fn working_day_visits(
        &self,
        rng: &mut Rng,
        start: Day,
        end: Day,
        kind: VisitKind,
        on_time: (i64, i64),
        late: f64,
        late_gap: (i64, i64),
        out: &mut Vec<Visit>,
    ) {
        let end = end.min(self.reference);
        let mut last = start;
        loop {
            let gap = if rng.chance(late) {
                rng.range(late_gap.0, late_gap.1)
            } else {
                rng.range(on_time.0, on_time.1)
            };
            let next = add_working_days(last, gap as u32);
            if next > end {
                break;
            }
            self.visit(rng, next, kind, out);
            last = next;
        }
    }

    fn visits(&self, rng: &mut Rng, out: &mut Vec<Visit>) {
        let first = out.len();
        let open_end = |e: Option<Date>| e.map_or(self.reference, day);
        for r in &self.child.referrals {
            for p in &r.cp_plans {
                let (s, e) = (day(p.start_date), open_end(p.end_date));
                let k = VisitKind::ChildProtection;
                self.working_day_visits(rng, s, e, k, (4, 10), 0.2, (11, 20), out);
            }
            for p in &r.cin_plans {
                let (s, e) = (day(p.start_date), open_end(p.end_date));
                let k = VisitKind::ChildInNeed;
                self.working_day_visits(rng, s, e, k, (10, 20), 0.2, (21, 32), out);
            }
        }
        for ep in &self.child.cla_episodes {
            if matches!(ep.legal_status, Some(LegalStatus::V3 | LegalStatus::V4)) {
                continue;
            }
            let start = day(ep.start_date);
            // The day before the episode ended is its last day in care.
            let end = ep.end_date.map_or(self.reference, |e| day(e).plus(-1));
            let new_placement = ep.reason_new_episode != Some(ReasonNewEpisode::L);
            let mut last = start;
            if new_placement {
                let first_visit = if rng.chance(0.9) {
                    start.plus(rng.range(0, 6))
                } else {
                    start.plus(rng.range(7, 14))
                };
                let first_visit = next_working_day(first_visit);
                if first_visit > end.min(self.reference) {
                    continue;
                }
                self.visit(rng, first_visit, VisitKind::LookedAfter, out);
                last = first_visit;
            } else if let Some(prev) = out[first..]
                .iter()
                .rev()
                .find(|v| v.kind == VisitKind::LookedAfter)
            {
                last = day(prev.date);
            }
            loop {
                let gap = if rng.chance(0.25) {
                    rng.range(43, 60)
                } else {
                    rng.range(21, 42)
                };
                let next = next_working_day(last.plus(gap));
                if next > end.min(self.reference) {
                    break;
                }
                self.visit(rng, next, VisitKind::LookedAfter, out);
                last = next;
            }
        }
        // One visit per child, day and kind.
        let mine = &mut out[first..];
        mine.sort_by_key(|v| (v.date, v.kind));
        let mut seen = BTreeSet::new();
        let mut kept: Vec<Visit> = out
            .drain(first..)
            .filter(|v| seen.insert((v.date, v.kind)))
            .collect();
        out.append(&mut kept);
    }

    fn supervisions(&self, rng: &mut Rng, out: &mut Vec<Supervision>) {
        let mut seen = BTreeSet::new();
        for a in self.allocations {
            let start = day(a.start);
            let end = a.end.map_or(self.reference, day).min(self.reference);
            let mut last = start;
            loop {
                let gap = if rng.chance(1.0 / 6.0) {
                    rng.range(32, 50)
                } else {
                    rng.range(20, 31)
                };
                let next = next_working_day(last.plus(gap));
                if next > end {
                    break;
                }
                if self.within(next) && seen.insert((next, a.worker.clone())) {
                    out.push(Supervision {
                        child: self.child.id.clone(),
                        worker: a.worker.clone(),
                        date: next.date(),
                    });
                }
                last = next;
            }
        }
    }

    fn chronology(&self, rng: &mut Rng, out: &mut Vec<ChronologyEntry>) {
        let c = self.child;
        let mut events: Vec<(Date, &'static str)> = Vec::new();
        for r in &c.referrals {
            events.push((r.referral_date, "Referral"));
            events.extend(
                r.assessments
                    .iter()
                    .filter_map(|a| a.authorised_date.map(|d| (d, "Assessment completed"))),
            );
            for s in &r.section47s {
                events.push((s.start_date, "Section 47 enquiry"));
                events.extend(
                    s.icpc_date
                        .map(|d| (d, "Initial child protection conference")),
                );
            }
            events.extend(r.cin_plans.iter().map(|p| (p.start_date, "CIN plan")));
            for p in &r.cp_plans {
                events.push((p.start_date, "Child protection plan"));
                events.extend(p.review_dates.iter().map(|d| (*d, "CP review")));
            }
        }
        events.extend(
            c.cla_episodes
                .iter()
                .filter(|e| e.starts_period_of_care())
                .map(|e| (e.start_date, "Became looked after")),
        );
        events.extend(c.cla_reviews.iter().map(|r| (r.date, "CLA review")));
        events.extend(c.missing_episodes.iter().map(|m| (m.start_date, "Missing")));
        events.sort();
        events.dedup();
        for (d, event) in events {
            let d = day(d);
            if !self.within(d) {
                continue;
            }
            let delay = match rng.weighted(&[(0u8, 15), (1, 4), (2, 1)]) {
                0 => rng.range(0, 5),
                1 => rng.range(6, 20),
                _ => rng.range(21, 60),
            };
            let recorded = d.plus(delay);
            if recorded <= self.reference {
                out.push(ChronologyEntry {
                    child: c.id.clone(),
                    event_date: d.date(),
                    recorded_date: recorded.date(),
                    event: event.to_owned(),
                });
            }
        }
    }

    /// CIN plan reviews, as the chronology records them (no return holds them): every 75 to 92
    /// days from the plan's start while it is open, one in six late (93 to 120 days), on working
    /// days, recorded 0 to 5 days later.
    fn cin_plan_reviews(&self, rng: &mut Rng, out: &mut Vec<ChronologyEntry>) {
        for p in self.child.cin_plans() {
            let end = p.end_date.map_or(self.reference, day).min(self.reference);
            let mut last = day(p.start_date);
            loop {
                let gap = if rng.chance(1.0 / 6.0) {
                    rng.range(93, 120)
                } else {
                    rng.range(75, 92)
                };
                let next = previous_working_day(last.plus(gap));
                if next > end {
                    break;
                }
                let recorded = next.plus(rng.range(0, 5));
                if self.within(next) && recorded <= self.reference {
                    out.push(ChronologyEntry {
                        child: self.child.id.clone(),
                        event_date: next.date(),
                        recorded_date: recorded.date(),
                        event: "CIN plan review".to_owned(),
                    });
                }
                last = next;
            }
        }
    }

    fn return_home_interviews(&self, rng: &mut Rng, out: &mut Vec<ReturnHomeInterview>) {
        for m in &self.child.missing_episodes {
            let Some(end) = m.end_date.map(day) else {
                continue;
            };
            if !self.within(day(m.start_date)) || !rng.chance(0.95) {
                continue;
            }
            let offered = rng.chance(0.9).then(|| {
                if rng.chance(0.85) {
                    end.plus(rng.range(0, 3))
                } else {
                    end.plus(rng.range(4, 10))
                }
            });
            let offered = offered.filter(|&o| o <= self.reference);
            let accepted = offered.map(|_| rng.chance(2.0 / 3.0));
            let completed = match (offered, accepted) {
                (Some(o), Some(true)) => Some(o.plus(rng.range(0, 5))),
                _ => None,
            }
            .filter(|&d| d <= self.reference);
            out.push(ReturnHomeInterview {
                child: self.child.id.clone(),
                missing_start: m.start_date,
                offered: offered.map(Day::date),
                accepted,
                completed: completed.map(Day::date),
            });
        }
    }
}
