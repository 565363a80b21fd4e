//! The data tables, in schema order, and how many rows a dataset gives each (backend-independent).

use model::Dataset;

/// Every data table, parents before children (insert order; delete in reverse).
pub const DATA_TABLES: [&str; 29] = [
    "children",
    "disabilities",
    "referrals",
    "assessments",
    "assessment_factors",
    "cin_plans",
    "section47s",
    "cp_plans",
    "cp_plan_reviews",
    "cla_episodes",
    "cla_reviews",
    "missing_episodes",
    "care_leaver_records",
    "cla_outcomes",
    "adoptions",
    "placed_for_adoption",
    "previous_permanence",
    "social_worker_episodes",
    "teams",
    "workers",
    "case_allocations",
    "family_safeguarding",
    "contacts",
    "strategy_discussions",
    "visits",
    "supervisions",
    "chronology_entries",
    "return_home_interviews",
    "population",
];

/// The Family Safeguarding partners' monthly figures (`partnership.csv`): stored and counted in
/// each load's rows like the data tables, but not one of the child-journey tables that
/// [`DATA_TABLES`] lists (and `export` writes).
pub const PARTNER_FIGURES: &str = "partner_figures";

/// The number of rows `ds` gives each table of [`DATA_TABLES`], in that order, then the number
/// of [`PARTNER_FIGURES`].
pub fn row_counts(ds: &Dataset) -> Vec<(String, u64)> {
    let mut n = [0usize; DATA_TABLES.len()];
    for c in &ds.children {
        n[0] += 1;
        n[1] += c.disabilities.len();
        n[2] += c.referrals.len();
        for r in &c.referrals {
            n[3] += r.assessments.len();
            n[4] += r.assessments.iter().map(|a| a.factors.len()).sum::<usize>();
            n[5] += r.cin_plans.len();
            n[6] += r.section47s.len();
            n[7] += r.cp_plans.len();
            n[8] += r
                .cp_plans
                .iter()
                .map(|p| p.review_dates.len())
                .sum::<usize>();
        }
        n[9] += c.cla_episodes.len();
        n[10] += c.cla_reviews.len();
        n[11] += c.missing_episodes.len();
        n[12] += c.care_leaver_records.len();
        n[13] += c.outcomes.len();
        n[14] += usize::from(c.adoption.is_some());
        n[15] += c.placed_for_adoption.len();
        n[16] += usize::from(c.previous_permanence.is_some());
        n[17] += c.social_worker_episodes.len();
    }
    n[18] = ds.teams.len();
    n[19] = ds.workers.len();
    n[20] = ds.allocations.len();
    n[21] = ds.family_safeguarding.len();
    n[22] = ds.contacts.len();
    n[23] = ds.strategy_discussions.len();
    n[24] = ds.visits.len();
    n[25] = ds.supervisions.len();
    n[26] = ds.chronology.len();
    n[27] = ds.return_home_interviews.len();
    n[28] = ds.population.len();
    DATA_TABLES
        .iter()
        .zip(n)
        .map(|(t, n)| ((*t).to_owned(), n as u64))
        .chain([(PARTNER_FIGURES.to_owned(), ds.partner_figures.len() as u64)])
        .collect()
}

/// The first natural key that two records of `ds` share, as `table.column, …` (never the values):
/// the store keeps one record per key, so such a batch is refused.
pub(crate) fn duplicate_key(ds: &Dataset) -> Option<&'static str> {
    use std::collections::HashSet;
    use std::hash::Hash;
    fn clash<T, K: Hash + Eq>(records: &[T], key: impl Fn(&T) -> K) -> bool {
        let mut seen = HashSet::with_capacity(records.len());
        !records.iter().all(|r| seen.insert(key(r)))
    }
    for c in &ds.children {
        let found = [
            (
                clash(&c.referrals, |r| r.referral_date),
                "referrals.child_id, referrals.referral_date",
            ),
            (
                clash(&c.cla_episodes, |e| e.start_date),
                "cla_episodes.child_id, cla_episodes.start_date",
            ),
            (
                clash(&c.cla_reviews, |r| r.date),
                "cla_reviews.child_id, cla_reviews.review_date",
            ),
            (
                clash(&c.missing_episodes, |m| m.start_date),
                "missing_episodes.child_id, missing_episodes.start_date",
            ),
            (
                clash(&c.care_leaver_records, |r| r.year),
                "care_leaver_records.child_id, care_leaver_records.year",
            ),
            (
                clash(&c.outcomes, |o| o.year),
                "cla_outcomes.child_id, cla_outcomes.year",
            ),
            (
                clash(&c.placed_for_adoption, |p| p.date_placed),
                "placed_for_adoption.child_id, placed_for_adoption.date_placed",
            ),
            (
                clash(&c.social_worker_episodes, |s| s.start_date),
                "social_worker_episodes.child_id, social_worker_episodes.start_date",
            ),
        ];
        if let Some((_, key)) = found.into_iter().find(|(c, _)| *c) {
            return Some(key);
        }
    }
    let found = [
        (clash(&ds.teams, |t| t.id.clone()), "teams.team_id"),
        (clash(&ds.workers, |w| w.id.clone()), "workers.worker_id"),
        (
            clash(&ds.allocations, |a| {
                (a.child.clone(), a.worker.clone(), a.start)
            }),
            "case_allocations.child_id, case_allocations.worker_id, case_allocations.start_date",
        ),
        (
            clash(&ds.family_safeguarding, |f| (f.child.clone(), f.start)),
            "family_safeguarding.child_id, family_safeguarding.start_date",
        ),
        (
            clash(&ds.contacts, |c| (c.child.clone(), c.date)),
            "contacts.child_id, contacts.contact_date",
        ),
        (
            clash(&ds.strategy_discussions, |s| (s.child.clone(), s.date)),
            "strategy_discussions.child_id, strategy_discussions.strategy_discussion_date",
        ),
        (
            clash(&ds.visits, |v| {
                (v.child.clone(), v.date, v.kind, v.worker.clone())
            }),
            "visits.child_id, visits.visit_date, visits.visit_kind, visits.worker_id",
        ),
        (
            clash(&ds.supervisions, |s| {
                (s.child.clone(), s.date, s.worker.clone())
            }),
            "supervisions.child_id, supervisions.supervision_date, supervisions.worker_id",
        ),
        (
            clash(&ds.chronology, |c| {
                (
                    c.child.clone(),
                    c.event_date,
                    c.recorded_date,
                    c.event.clone(),
                )
            }),
            "chronology_entries.child_id, chronology_entries.event_date, \
             chronology_entries.recorded_date, chronology_entries.event",
        ),
        (
            clash(&ds.return_home_interviews, |r| {
                (r.child.clone(), r.missing_start)
            }),
            "return_home_interviews.child_id, return_home_interviews.missing_start_date",
        ),
        (
            clash(&ds.population, |p| (p.area.clone(), p.year)),
            "population.area, population.year",
        ),
        (
            clash(&ds.partner_figures, |f| {
                (f.child.clone(), f.measure, f.month)
            }),
            "partner_figures.child_id, partner_figures.measure, partner_figures.month",
        ),
    ];
    found.into_iter().find(|(c, _)| *c).map(|(_, key)| key)
}
