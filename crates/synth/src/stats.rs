//! The headline rates of a generated council, computed from its dataset the way the DfE
//! publishes them (research/indicators.md §1), to check the generator against England.

use crate::Council;
use crate::days::*;
use model::codes::LegalStatus;
use model::{Child, CollectionYear, Date};
use std::fmt;

/// Rates for one collection year (per 10,000 children aged 0-17 unless a percentage).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rates {
    pub year: CollectionYear,
    pub population: u32,
    pub referrals: u32,
    pub referrals_per_10k: f64,
    pub rereferral_pct: f64,
    pub nfa_pct: f64,
    pub assessments_completed: u32,
    pub assessments_within_45_pct: f64,
    pub assessment_median_wd: i64,
    pub s47_per_10k: f64,
    pub icpc_per_10k: f64,
    pub icpc_within_15_pct: f64,
    pub cp_starts_per_10k: f64,
    pub cp_at_end_per_10k: f64,
    pub cp_ending_2y_pct: f64,
    pub cp_starts_from_cin_pct: f64,
    pub cla_at_end_per_10k: f64,
    pub cla_uasc_pct: f64,
    pub cla_starts_per_10k: f64,
    /// Children starting care in the year who were, the day before, on a CP plan / on a CIN
    /// plan / neither, as percentages of starters.
    pub cla_starts_from_cp_pct: f64,
    pub cla_starts_from_cin_pct: f64,
    pub cla_starts_from_neither_pct: f64,
}

fn d(x: Date) -> Day {
    Day::from_date(x)
}

fn pct(n: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 * 100.0 / of as f64
    }
}

/// The rates for collection year `year` of the council (the dataset is as known on the last
/// reference date, so earlier years are seen with hindsight).
pub fn rates(council: &Council, year: i16) -> Rates {
    let children = &council.dataset.children;
    let y = CollectionYear(year);
    let end = year_end(i32::from(year));
    let in_year = |x: Date| y.contains(x);
    let per_10k = |n: usize| n as f64 * 10_000.0 / f64::from(council.population_0_17.max(1));

    let (mut referrals, mut rereferrals, mut nfa) = (0, 0, 0);
    let (mut assessed, mut within45) = (0, 0);
    let mut durations = Vec::new();
    let (mut s47s, mut icpcs, mut icpc15) = (0, 0, 0);
    let (mut cp_starts, mut cp_open, mut cp_ends, mut cp_ends_2y, mut cp_from_cin) =
        (0, 0, 0, 0, 0);
    let (mut cla, mut cla_uasc, mut cla_starts) = (0, 0, 0);
    let (mut from_cp, mut from_cin) = (0, 0);
    for c in children {
        let mut previous: Option<Date> = None;
        for r in &c.referrals {
            if in_year(r.referral_date) {
                referrals += 1;
                if r.no_further_action {
                    nfa += 1;
                }
                if previous.is_some_and(|p| d(p).add_years(1) >= d(r.referral_date)) {
                    rereferrals += 1;
                }
            }
            previous = Some(r.referral_date);
            for a in &r.assessments {
                if let Some(done) = a.authorised_date.filter(|&x| in_year(x)) {
                    assessed += 1;
                    let wd = working_days_between(d(a.start_date), d(done));
                    if wd <= 45 {
                        within45 += 1;
                    }
                    durations.push(wd);
                }
            }
            for s in &r.section47s {
                if in_year(s.start_date) {
                    s47s += 1;
                }
                if let Some(icpc) = s.icpc_date.filter(|&x| in_year(x)) {
                    icpcs += 1;
                    if working_days_between(d(s.start_date), d(icpc)) <= 15 {
                        icpc15 += 1;
                    }
                }
            }
        }
        for p in c.cp_plans() {
            if in_year(p.start_date) {
                cp_starts += 1;
                if c.cin_plans().any(|q| q.is_open_on(p.start_date)) {
                    cp_from_cin += 1;
                }
            }
            if p.is_open_on(end.date()) {
                cp_open += 1;
            }
            if let Some(e) = p.end_date.filter(|&x| in_year(x)) {
                cp_ends += 1;
                if d(p.start_date).add_years(2) <= d(e) {
                    cp_ends_2y += 1;
                }
            }
        }
        if looked_after_on(c, end) {
            cla += 1;
            if c.was_ever_uasc() {
                cla_uasc += 1;
            }
        }
        for e in c
            .cla_episodes
            .iter()
            .filter(|e| e.starts_period_of_care() && in_year(e.start_date))
        {
            cla_starts += 1;
            let before = d(e.start_date).plus(-1).date();
            if c.cp_plans().any(|p| p.is_open_on(before)) {
                from_cp += 1;
            } else if c.cin_plans().any(|p| p.is_open_on(before)) {
                from_cin += 1;
            }
        }
    }
    durations.sort_unstable();
    Rates {
        year: y,
        population: council.population_0_17,
        referrals: referrals as u32,
        referrals_per_10k: per_10k(referrals),
        rereferral_pct: pct(rereferrals, referrals),
        nfa_pct: pct(nfa, referrals),
        assessments_completed: assessed as u32,
        assessments_within_45_pct: pct(within45, assessed),
        assessment_median_wd: durations.get(durations.len() / 2).copied().unwrap_or(0),
        s47_per_10k: per_10k(s47s),
        icpc_per_10k: per_10k(icpcs),
        icpc_within_15_pct: pct(icpc15, icpcs),
        cp_starts_per_10k: per_10k(cp_starts),
        cp_at_end_per_10k: per_10k(cp_open),
        cp_ending_2y_pct: pct(cp_ends_2y, cp_ends),
        cp_starts_from_cin_pct: pct(cp_from_cin, cp_starts),
        cla_at_end_per_10k: per_10k(cla),
        cla_uasc_pct: pct(cla_uasc, cla),
        cla_starts_per_10k: per_10k(cla_starts),
        cla_starts_from_cp_pct: pct(from_cp, cla_starts),
        cla_starts_from_cin_pct: pct(from_cin, cla_starts),
        cla_starts_from_neither_pct: pct(cla_starts - from_cp - from_cin, cla_starts),
    }
}

/// Whether the child is looked after on `day` (short breaks excluded).
pub fn looked_after_on(c: &Child, day: Day) -> bool {
    c.cla_episodes.iter().any(|e| {
        e.is_open_on(day.date())
            && !matches!(e.legal_status, Some(LegalStatus::V3 | LegalStatus::V4))
    })
}

impl fmt::Display for Rates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} (population 0-17: {})", self.year, self.population)?;
        writeln!(
            f,
            "  referrals            {:>6} = {:6.1} per 10k (England 519)",
            self.referrals, self.referrals_per_10k
        )?;
        writeln!(
            f,
            "  re-referrals 12m     {:6.1}% (22.6%)   NFA {:5.1}% (6.5%)",
            self.rereferral_pct, self.nfa_pct
        )?;
        writeln!(
            f,
            "  assessments done     {:>6}; within 45 WD {:5.1}% (85.7%); median {} WD (33)",
            self.assessments_completed, self.assessments_within_45_pct, self.assessment_median_wd
        )?;
        writeln!(
            f,
            "  S47                  {:6.1} per 10k (189)",
            self.s47_per_10k
        )?;
        writeln!(
            f,
            "  ICPC                 {:6.1} per 10k (59); within 15 WD {:5.1}% (81.4%)",
            self.icpc_per_10k, self.icpc_within_15_pct
        )?;
        writeln!(
            f,
            "  CP starts            {:6.1} per 10k (51); at 31 March {:5.1} (40)",
            self.cp_starts_per_10k, self.cp_at_end_per_10k
        )?;
        writeln!(
            f,
            "  CP ending, 2y+       {:6.1}% (4.4%); starts escalated from CIN {:5.1}%",
            self.cp_ending_2y_pct, self.cp_starts_from_cin_pct
        )?;
        writeln!(
            f,
            "  CLA at 31 March      {:6.1} per 10k (67); UASC {:4.1}% (8%)",
            self.cla_at_end_per_10k, self.cla_uasc_pct
        )?;
        write!(
            f,
            "  CLA starts           {:6.1} per 10k (27); from CP {:4.1}%, from CIN {:4.1}%, neither {:4.1}%",
            self.cla_starts_per_10k,
            self.cla_starts_from_cp_pct,
            self.cla_starts_from_cin_pct,
            self.cla_starts_from_neither_pct
        )
    }
}
