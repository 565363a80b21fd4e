//! The Family Safeguarding partnership data set (`partnership.csv`): what the police, the acute
//! trust, the recovery and mental health services and schools would supply about each family
//! worked by Family Safeguarding, month by month, for the twelve months before the month its
//! first involvement began and the twelve months from it (research/indicators.md §4: the
//! Hertfordshire evaluation's outcomes data set looked 12 months either side of allocation).
//!
//! Only months inside the practice records' window (the 40 months to the reference date) and
//! wholly passed by the reference date are given, as a partner's extract taken then would hold
//! them. Each family has its own random stream, and a multiplier (most families near 1, a few up
//! to 4) that makes some households far busier than others, so the figures are noisy:
//!
//! - **Police domestic-abuse call-outs**: about 0.3 a month before involvement for a family with a
//!   domestic-abuse worker, 0.04 for the others; half that after (Hertfordshire found −66%).
//! - **A&E attendances**: about 0.2 a month before, two thirds of that after (Hertfordshire −53%).
//! - **Treatment starts** (substance use, mental health): about 0.03 a month before for a family
//!   with a substance-use or mental health worker, three times that after as adults engage; 0.01
//!   and 0.015 for the others.
//! - **School attendance** (% of sessions, one decimal): for a child aged 5 to 15, each month but
//!   August; a family level drawn around 88%, about 3 points higher after, with monthly noise.
//!
//! Counts are drawn as the successes of six trials, so they are whole numbers from 0 to 6.

use crate::days::*;
use crate::rng::Rng;
use model::{ChildId, Dataset, Month, PartnerFigure, PartnerMeasure};

/// Months before and after the month involvement began.
const MONTHS: i32 = 12;

/// The partner figures for each family of `ds` (normalised) with a Family Safeguarding
/// involvement, in the months from `from` to `reference`, sorted by family, measure and month.
pub(crate) fn figures(ds: &Dataset, seed: u64, from: Day, reference: Day) -> Vec<PartnerFigure> {
    let first_month = Month::of(from.date());
    let first_month = if first_month.first_day() < from.date() {
        first_month.plus(1)
    } else {
        first_month
    };
    let last_month = {
        let m = Month::of(reference.date());
        if m.last_day() <= reference.date() {
            m
        } else {
            m.plus(-1)
        }
    };
    let mut out = Vec::new();
    // The first involvement of each family (involvements are sorted by child, then start).
    for group in ds.family_safeguarding.chunk_by(|a, b| a.child == b.child) {
        let f = &group[0];
        let Ok(index) = ds.children.binary_search_by(|c| c.id.cmp(&f.child)) else {
            continue;
        };
        let child = &ds.children[index];
        let mut rng = Rng::stream(seed ^ 0xFA_5AFE_0000_0000, index as u64);
        let busy = rng.piecewise(&[(0.0, 0.2), (0.5, 0.8), (0.85, 1.6), (1.0, 4.0)]);
        let began = Month::of(f.start);
        let adults_treated = f.mental_health_worker || f.substance_use_worker;
        let police = if f.domestic_abuse_worker { 0.3 } else { 0.04 };
        let treatment = if adults_treated { 0.03 } else { 0.01 };
        let treatment_after = if adults_treated { 0.09 } else { 0.015 };
        // Attendance in tenths of a percentage point.
        let attendance = rng.piecewise(&[(0.0, 700.0), (0.2, 840.0), (0.6, 910.0), (1.0, 975.0)]);
        let attendance_gain = rng.range(0, 60) as f64;
        let mut family: Vec<PartnerFigure> = Vec::new();
        for offset in -MONTHS..MONTHS {
            let month = began.plus(offset);
            if month < first_month || month > last_month {
                continue;
            }
            let after = offset >= 0;
            let mut count = |measure, rate: f64| {
                let p = (rate * busy / 6.0).min(0.9);
                let n = (0..6).filter(|_| rng.chance(p)).count();
                family.push(figure(&f.child, measure, month, n as f64));
            };
            count(
                PartnerMeasure::PoliceDomesticAbuseCallOuts,
                if after { police * 0.5 } else { police },
            );
            count(
                PartnerMeasure::AeAttendances,
                if after { 0.2 * 2.0 / 3.0 } else { 0.2 },
            );
            count(
                PartnerMeasure::TreatmentStarts,
                if after { treatment_after } else { treatment },
            );
            let age = child
                .birth_date
                .map(|b| Day::from_date(month.first_day()).age_of(Day::from_date(b)));
            if month.month != 8 && age.is_some_and(|a| (5..=15).contains(&a)) {
                let noise = rng.range(-40, 40) as f64;
                let level = attendance + if after { attendance_gain } else { 0.0 } + noise;
                let tenths = level.round().clamp(0.0, 1000.0);
                family.push(figure(
                    &f.child,
                    PartnerMeasure::SchoolAttendance,
                    month,
                    tenths / 10.0,
                ));
            }
        }
        family.sort_by_key(|f| (f.measure, f.month));
        out.extend(family);
    }
    out
}

fn figure(child: &ChildId, measure: PartnerMeasure, month: Month, value: f64) -> PartnerFigure {
    PartnerFigure {
        child: child.clone(),
        measure,
        month,
        value,
    }
}

/// `partnership.csv` for `figures`: `child_id,measure,month,value`, as
/// `metrics::partnership::read_partnership` reads it.
pub(crate) fn csv(figures: &[PartnerFigure]) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("child_id,measure,month,value\n");
    for f in figures {
        let _ = writeln!(
            out,
            "{},{},{},{}",
            f.child,
            f.measure.code(),
            f.month,
            f.value
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_outs_fall_after_involvement_on_average_but_not_for_every_family() {
        let config = crate::SynthConfig {
            children: 1_500,
            seed: 5,
            ..crate::SynthConfig::default()
        };
        let council = crate::generate(&config);
        let ds = &council.dataset;
        let figures = &ds.partner_figures;
        assert!(!figures.is_empty());
        let mut first = ds.family_safeguarding.clone();
        first.dedup_by(|later, earlier| later.child == earlier.child);
        let began = |c: &ChildId| {
            Month::of(
                first
                    .iter()
                    .find(|f| &f.child == c)
                    .expect("every family has an involvement")
                    .start,
            )
        };
        let (mut before, mut after) = (0.0, 0.0);
        let mut families_with_more_after = 0;
        for family in figures.chunk_by(|a, b| a.child == b.child) {
            let b = began(&family[0].child);
            let police = family
                .iter()
                .filter(|f| f.measure == PartnerMeasure::PoliceDomesticAbuseCallOuts);
            let (mut fb, mut fa) = (0.0, 0.0);
            for f in police {
                if f.month < b {
                    fb += f.value;
                } else {
                    fa += f.value;
                }
            }
            before += fb;
            after += fa;
            families_with_more_after += usize::from(fa > fb);
            for f in family {
                assert!(f.month >= b.plus(-MONTHS) && f.month < b.plus(MONTHS));
                assert!(f.month.last_day() <= council.year.end());
                if f.measure.is_count() {
                    assert!(f.value.fract() == 0.0 && (0.0..=6.0).contains(&f.value));
                } else {
                    assert!((0.0..=100.0).contains(&f.value));
                }
            }
        }
        assert!(after < 0.8 * before, "{before} before, {after} after");
        assert!(families_with_more_after > 0, "the figures are noisy");

        // The file reads back, figure for figure, through the reader `harbour load` uses.
        let text = csv(figures);
        let read = read_back(&text);
        assert_eq!(read.len(), figures.len());
        assert_eq!(read[0], figures[0]);
    }

    /// Reads the CSV back (the reader lives in `metrics`, which depends on this crate for its
    /// tests; this reads the same four columns).
    fn read_back(text: &str) -> Vec<PartnerFigure> {
        text.lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                figure(
                    &ChildId::from(f[0]),
                    PartnerMeasure::from_code(f[1]).unwrap(),
                    f[2].parse().unwrap(),
                    f[3].parse().unwrap(),
                )
            })
            .collect()
    }
}
