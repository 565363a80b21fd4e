//! SSDA903 OC2 covers every child looked after continuously for 12 months at 31 March, including
//! a child whose care began on 1 April itself (the DfE rule 191 boundary).

use model::{CollectionYear, Date};

/// Periods of care: runs of episodes where each starts on the day the one before ended.
fn periods(episodes: &[model::ClaEpisode]) -> Vec<(Date, Option<Date>)> {
    let mut out: Vec<(Date, Option<Date>)> = Vec::new();
    for e in episodes {
        match out.last_mut() {
            Some(last) if last.1 == Some(e.start_date) => last.1 = e.end_date,
            _ => out.push((e.start_date, e.end_date)),
        }
    }
    out
}

#[test]
fn every_child_in_care_all_year_has_outcomes_for_that_year() {
    let config = synth::SynthConfig {
        children: 20_000,
        seed: 20_260_331,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    let mut starting_on_the_first_day = 0;
    for child in &council.dataset.children {
        for (start, end) in periods(&child.cla_episodes) {
            for y in 2022..=config.year {
                let year = CollectionYear(y);
                if start <= year.start() && end.is_none_or(|e| e > year.end()) {
                    starting_on_the_first_day += usize::from(start == year.start());
                    assert!(
                        child.outcomes.iter().any(|o| o.year == year),
                        "{} looked after from {start} through {year} has no OC2 for it",
                        child.id
                    );
                }
            }
        }
    }
    assert!(
        starting_on_the_first_day > 0,
        "the seed covers care that began on 1 April"
    );
}

#[test]
fn care_never_ends_on_a_reference_date() {
    // The DfE validators would count the child as looked after at 31 March (rules 187 and 191).
    let config = synth::SynthConfig {
        children: 20_000,
        seed: 5,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    for child in &council.dataset.children {
        for (_, end) in periods(&child.cla_episodes) {
            if let Some(end) = end {
                assert!(
                    end != CollectionYear::containing(end).end(),
                    "{}'s care ends on {end}",
                    child.id
                );
            }
        }
    }
}

#[test]
fn no_child_is_born_on_31_march() {
    // The DfE validators' 365.2425-day years make such a child a year younger on the reference
    // date (rule 1016 then misfires for a care leaver turning 18 that day).
    let config = synth::SynthConfig {
        children: 20_000,
        seed: 8,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    for child in &council.dataset.children {
        for d in [child.birth_date, child.expected_birth_date]
            .into_iter()
            .flatten()
        {
            assert!(
                !(d.month() == 3 && d.day() == 31),
                "{} is born on {d}",
                child.id
            );
        }
    }
}
