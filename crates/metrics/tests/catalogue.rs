//! The whole catalogue: skipping the children with nothing in a period changes no figure, and
//! every figure's numerator is within its denominator.

use metrics::{Inputs, PeriodKind, Population, Settings};

#[test]
fn skipping_inactive_children_changes_no_figure() {
    for seed in [1, 2, 3] {
        let council = synth::generate(&synth::SynthConfig {
            children: 400,
            seed,
            ..synth::SynthConfig::default()
        });
        let population = Population {
            area: "318".into(),
            vintage: "synthetic".into(),
            children: [(2024, u64::from(council.population_0_17))].into(),
        };
        let inputs = Inputs {
            dataset: &council.dataset,
            population: Some(&population),
            active: None,
            assurance: None,
            index: None,
        };
        let settings = Settings::default();
        let as_at = council.year.end();
        for (kind, count) in [
            (PeriodKind::Month, 36),
            (PeriodKind::Quarter, 12),
            (PeriodKind::Rolling12Months, 13),
            (PeriodKind::YearToMarch, 3),
        ] {
            let fast =
                metrics::compute_catalogue_with_children(&inputs, kind, as_at, count, &settings);
            // The figures-only catalogue, which counts without listing, gives the same figures.
            let figures = metrics::compute_catalogue(&inputs, kind, as_at, count, &settings);
            assert_eq!(figures.len(), fast.len());
            for (f, s) in figures.iter().zip(&fast) {
                for (a, b) in f.points.iter().zip(&s.points) {
                    assert!(a.numerator_children.is_empty() && a.denominator_children.is_empty());
                    assert_eq!(
                        (a.numerator, a.denominator, a.value, &a.breakdown),
                        (b.numerator, b.denominator, b.value, &b.breakdown),
                        "{} {} ({kind}, seed {seed})",
                        s.indicator.id,
                        a.period_start
                    );
                }
            }
            let periods = metrics::periods(kind, as_at, count);
            let mut counted = 0;
            for s in &fast {
                let slow = metrics::compute_series(s.indicator, &inputs, &periods, &settings);
                assert_eq!(
                    s.points, slow.points,
                    "{} ({kind}, seed {seed})",
                    s.indicator.id
                );
                for p in &s.points {
                    counted += p.numerator;
                    if matches!(s.indicator.unit, metrics::Unit::Percent) {
                        assert!(
                            p.denominator.is_some_and(|d| p.numerator <= d),
                            "{} {}: {} > {:?}",
                            s.indicator.id,
                            p.period_start,
                            p.numerator,
                            p.denominator
                        );
                    }
                }
            }
            assert!(counted > 0, "the council has something to count ({kind})");
        }
    }
}

#[test]
fn the_order_of_children_and_records_does_not_matter() {
    let council = synth::generate(&synth::SynthConfig {
        children: 300,
        seed: 8,
        ..synth::SynthConfig::default()
    });
    let mut reversed = council.dataset.clone();
    reversed.children.reverse();
    for c in &mut reversed.children {
        c.referrals.reverse();
        for r in &mut c.referrals {
            r.assessments.reverse();
            r.cin_plans.reverse();
            r.section47s.reverse();
            r.cp_plans.reverse();
            for p in &mut r.cp_plans {
                p.review_dates.reverse();
            }
        }
        c.cla_episodes.reverse();
        c.cla_reviews.reverse();
        c.missing_episodes.reverse();
        c.care_leaver_records.reverse();
        c.placed_for_adoption.reverse();
    }
    reversed.family_safeguarding.reverse();
    reversed.allocations.reverse();
    // The practice records are held sorted by child (as the store and readers give them); each
    // child's own come in the other order.
    fn reverse_each_child<T: model::ChildRecord>(list: &mut [T]) {
        for run in list.chunk_by_mut(|a, b| a.child() == b.child()) {
            run.reverse();
        }
    }
    reverse_each_child(&mut reversed.contacts);
    reverse_each_child(&mut reversed.strategy_discussions);
    reverse_each_child(&mut reversed.visits);
    reverse_each_child(&mut reversed.return_home_interviews);
    assert_ne!(reversed.visits, council.dataset.visits);
    let settings = Settings::default();
    let as_at = council.year.end();
    let strategy = Settings {
        icpc_anchor: metrics::IcpcAnchor::StrategyDiscussion,
        ..Settings::default()
    };
    for (kind, settings) in [
        (PeriodKind::Month, settings),
        (PeriodKind::YearToMarch, settings),
        (PeriodKind::Month, strategy),
    ] {
        let a = metrics::compute_catalogue_with_children(
            &Inputs::new(&council.dataset),
            kind,
            as_at,
            12,
            &settings,
        );
        let b = metrics::compute_catalogue_with_children(
            &Inputs::new(&reversed),
            kind,
            as_at,
            12,
            &settings,
        );
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.points, y.points, "{} ({kind})", x.indicator.id);
        }
    }
}

/// Each indicator skips the children with none of the records it counts on in the period (CIN
/// events, episodes of care or care leaver records): more councils, and periods that do not end
/// on a month end, to show that changes no figure either.
#[test]
fn skipping_children_by_the_records_each_indicator_reads_changes_no_figure() {
    for seed in [4, 5, 6, 7] {
        let council = synth::generate(&synth::SynthConfig {
            children: 1000,
            seed,
            ..synth::SynthConfig::default()
        });
        let inputs = Inputs::new(&council.dataset);
        let settings = Settings::default();
        for as_at in [
            council.year.end(),
            council
                .year
                .end()
                .saturating_sub(jiff::Span::new().days(47)),
        ] {
            for (kind, count) in [
                (PeriodKind::Month, 30),
                (PeriodKind::Rolling12Months, 6),
                (PeriodKind::YearToMarch, 2),
            ] {
                let fast = metrics::compute_catalogue_with_children(
                    &inputs, kind, as_at, count, &settings,
                );
                let periods = metrics::periods(kind, as_at, count);
                for s in &fast {
                    let slow = metrics::compute_series(s.indicator, &inputs, &periods, &settings);
                    assert_eq!(
                        s.points, slow.points,
                        "{} ({kind}, seed {seed}, as at {as_at})",
                        s.indicator.id
                    );
                }
            }
        }
    }
}

/// The bulk catalogue gives the same figures as the one that keeps the children, with no child
/// ids held.
#[test]
fn the_bulk_catalogue_keeps_figures_and_drops_child_ids() {
    let council = synth::generate(&synth::SynthConfig {
        children: 400,
        seed: 3,
        ..synth::SynthConfig::default()
    });
    let inputs = Inputs::new(&council.dataset);
    let settings = Settings::default();
    let as_at = council.year.end();
    let bulk = metrics::compute_catalogue(&inputs, PeriodKind::Month, as_at, 12, &settings);
    let full =
        metrics::compute_catalogue_with_children(&inputs, PeriodKind::Month, as_at, 12, &settings);
    assert_eq!(bulk.len(), full.len());
    let mut with_ids = 0;
    for (b, f) in bulk.iter().zip(&full) {
        for (p, q) in b.points.iter().zip(&f.points) {
            assert!(p.numerator_children.is_empty() && p.denominator_children.is_empty());
            with_ids += usize::from(!q.numerator_children.is_empty());
            assert_eq!(
                (p.numerator, p.denominator, p.value, &p.breakdown),
                (q.numerator, q.denominator, q.value, &q.breakdown),
                "{}",
                b.indicator.id
            );
        }
    }
    assert!(with_ids > 50, "the full catalogue keeps ids: {with_ids}");
}
