//! The indicators over the extract's practice records (contacts, visits, return-home interviews)
//! and those they share with the returns (adoption A2, the ICPC anchor), on a few children each,
//! every figure worked out by hand on the England and Wales calendar: Good Friday 29 March and
//! Easter Monday 1 April 2024, the early May bank holiday 6 May 2024, and 29 February 2024.

use metrics::*;
use model::codes::{
    LegalStatus as Ls, MissingKind, Placement as Pl, ReasonEpisodeCeased as Rec,
    ReasonNewEpisode as Rne,
};
use model::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn month(s: &str) -> Period {
    let start = d(s);
    Period {
        kind: PeriodKind::Month,
        start,
        end: start.last_of_month(),
    }
}

fn child(id: &str) -> Child {
    Child {
        id: ChildId::from(id),
        birth_date: Some(d("2015-06-01")),
        ..Child::default()
    }
}

fn ids(v: &[ChildId]) -> Vec<&str> {
    v.iter().map(|c| c.0.as_str()).collect()
}

fn run(id: &str, ds: &Dataset, p: &Period, s: &Settings) -> Observation {
    let pop = Population {
        area: "E1".into(),
        vintage: "test".into(),
        children: [(2023, 40_000)].into(),
    };
    let inputs = Inputs {
        dataset: ds,
        population: Some(&pop),
        active: None,
        assurance: None,
        index: None,
    };
    (indicator(id).unwrap().compute)(&inputs, p, s)
}

fn contact(child: &str, date: &str, referral: bool) -> Contact {
    Contact {
        child: ChildId::from(child),
        date: d(date),
        source: None,
        led_to_referral: referral,
    }
}

#[test]
fn contacts_their_rate_and_conversion_count_29_february() {
    let mut ds = Dataset {
        contacts: vec![
            contact("C1", "2024-01-31", true),
            contact("C1", "2024-02-01", true),
            contact("C2", "2024-02-29", false),
            contact("K9", "2024-02-29", false),
            contact("C1", "2024-03-01", false),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let s = Settings::default();
    let feb = month("2024-02-01");
    let o = run(CONTACTS, &ds, &feb, &s);
    assert_eq!((o.numerator, o.value), (3, Some(3.0)));
    assert_eq!(ids(&o.numerator_children), ["C1", "C2", "K9"]);
    let o = run(CONTACTS_PER_10K, &ds, &feb, &s);
    assert_eq!((o.numerator, o.denominator), (3, Some(40_000)));
    assert_eq!(o.formatted_value(Unit::Per10k), "0.8");
    let o = run(CONTACT_REFERRAL_PCT, &ds, &feb, &s);
    assert_eq!((o.numerator, o.denominator), (1, Some(3)));
    assert_eq!(o.formatted_value(Unit::Percent), "33.3");
    // A quarter crossing the year end holds all five.
    let q = Period {
        kind: PeriodKind::Quarter,
        start: d("2024-01-01"),
        end: d("2024-03-31"),
    };
    let o = run(CONTACT_REFERRAL_PCT, &ds, &q, &s);
    assert_eq!((o.numerator, o.denominator), (2, Some(5)));
}

fn visit(child: &str, date: &str, kind: VisitKind, seen: bool) -> Visit {
    Visit {
        child: ChildId::from(child),
        worker: "W1".into(),
        date: d(date),
        kind,
        seen,
        seen_alone: false,
    }
}

fn on_cp_plan(id: &str, start: &str, end: Option<&str>) -> Child {
    let mut c = child(id);
    c.referrals.push(Referral {
        referral_date: d(start),
        cp_plans: vec![CpPlan {
            start_date: d(start),
            end_date: end.map(d),
            ..CpPlan::default()
        }],
        ..Referral::default()
    });
    c
}

fn on_cin_plan(id: &str, start: &str) -> Child {
    let mut c = child(id);
    c.referrals.push(Referral {
        referral_date: d(start),
        cin_plans: vec![CinPlan {
            start_date: d(start),
            end_date: None,
        }],
        ..Referral::default()
    });
    c
}

/// March 2024 ends on Easter Sunday; Good Friday (29 March) is not a working day.
#[test]
fn cp_visits_in_10_working_days_over_easter_and_29_february() {
    use VisitKind::*;
    let mut ds = Dataset {
        children: vec![
            on_cp_plan("A", "2024-01-10", None),
            on_cp_plan("B", "2024-01-10", None),
            on_cp_plan("C", "2024-01-10", None),
            on_cp_plan("D", "2024-03-20", None),
            on_cp_plan("E", "2024-01-10", Some("2024-03-31")),
            on_cp_plan("F", "2024-01-02", None),
        ],
        visits: vec![
            // 9 working days before 31 March: 18–22, 25–28 March.
            visit("A", "2024-03-15", ChildProtection, true),
            // 10 working days.
            visit("B", "2024-03-14", ChildProtection, true),
            // 11, and a later visit where the child was not seen.
            visit("C", "2024-03-13", ChildProtection, true),
            visit("C", "2024-03-20", ChildProtection, false),
            // D: not visited yet; 6 working days since the plan started (21, 22, 25–28 March).
            // E: the plan ended on the last day, so E is not on a plan at the end.
            visit("E", "2024-01-11", ChildProtection, true),
            // F: last CP visit on 29 February, 20 working days before; a CIN visit does not count.
            visit("F", "2024-02-29", ChildProtection, true),
            visit("F", "2024-03-28", ChildInNeed, true),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let march = month("2024-03-01");
    let o = run(CP_VISITS_PCT, &ds, &march, &Settings::default());
    assert_eq!((o.numerator, o.denominator), (3, Some(5)));
    assert_eq!(ids(&o.numerator_children), ["A", "B", "D"]);
    assert_eq!(ids(&o.denominator_children), ["A", "B", "C", "D", "F"]);
    assert_eq!(o.breakdown, [("not yet visited since the plan started", 1)]);
    assert_eq!(o.formatted_value(Unit::Percent), "60.0");
    // A 20-working-day standard takes in C (11) and F (20).
    let twenty = Settings {
        cp_visit_working_days: 20,
        ..Settings::default()
    };
    let o = run(CP_VISITS_PCT, &ds, &march, &twenty);
    assert_eq!((o.numerator, o.denominator), (5, Some(5)));
    assert!(
        twenty
            .describe(CP_VISITS_PCT)
            .contains("at most 20 working days")
    );
}

/// May 2024: the early May bank holiday (6 May) and the spring bank holiday (27 May).
#[test]
fn cin_visits_in_20_working_days_across_bank_holidays() {
    use VisitKind::*;
    let mut both = on_cin_plan("J", "2024-01-02");
    both.referrals[0].cp_plans.push(CpPlan {
        start_date: d("2024-04-02"),
        ..CpPlan::default()
    });
    let mut ds = Dataset {
        children: vec![
            on_cin_plan("G", "2024-01-02"),
            on_cin_plan("H", "2024-01-02"),
            on_cin_plan("I", "2024-01-02"),
            both,
        ],
        visits: vec![
            // A visit on the bank holiday: 18 working days to 31 May.
            visit("G", "2024-05-06", ChildInNeed, true),
            // Friday 3 May: the weekend and the bank holiday add none, so 18 too.
            visit("H", "2024-05-03", ChildInNeed, true),
            // Tuesday 30 April: 21.
            visit("I", "2024-04-30", ChildInNeed, true),
            visit("J", "2024-05-30", ChildInNeed, true),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let o = run(
        CIN_VISITS_PCT,
        &ds,
        &month("2024-05-01"),
        &Settings::default(),
    );
    assert_eq!((o.numerator, o.denominator), (2, Some(3)));
    assert_eq!(ids(&o.numerator_children), ["G", "H"]);
    assert_eq!(o.formatted_value(Unit::Percent), "66.7");
}

fn ep(start: &str, rne: Rne, ls: Ls, place: Pl, end: Option<&str>) -> ClaEpisode {
    ClaEpisode {
        start_date: d(start),
        reason_new_episode: Some(rne),
        legal_status: Some(ls),
        placement: Some(place),
        end_date: end.map(d),
        reason_ceased: end.map(|_| Rec::X1),
        ..ClaEpisode::default()
    }
}

fn in_care(id: &str, episodes: Vec<ClaEpisode>) -> Child {
    Child {
        cla_episodes: episodes,
        ..child(id)
    }
}

/// February 2024 ends on 29 February.
#[test]
fn cla_visits_follow_regulation_28() {
    use VisitKind::LookedAfter as Cla;
    let mut ds = Dataset {
        children: vec![
            // Placed 22 February, not visited: due by 29 February.
            in_care("K", vec![ep("2024-02-22", Rne::S, Ls::C2, Pl::U3, None)]),
            // Placed 21 February, not visited: due by 28 February.
            in_care("L", vec![ep("2024-02-21", Rne::S, Ls::C2, Pl::U3, None)]),
            // First year of the placement: 6 weeks from 18 January is 29 February.
            in_care("M", vec![ep("2023-06-01", Rne::S, Ls::C2, Pl::U3, None)]),
            // Long-term fostering after its first year: 3 months from 29 November.
            in_care("N", vec![ep("2022-01-10", Rne::S, Ls::C2, Pl::U4, None)]),
            // The same, not long-term: 6 weeks from 29 November was 10 January.
            in_care("O", vec![ep("2022-01-10", Rne::S, Ls::C2, Pl::U3, None)]),
            // A change of legal status alone keeps the placement: past its first year, 6 weeks
            // from 25 January.
            in_care(
                "P",
                vec![
                    ep("2023-01-05", Rne::S, Ls::V2, Pl::U3, Some("2024-02-01")),
                    ep("2024-02-01", Rne::L, Ls::C2, Pl::U3, None),
                ],
            ),
            // Care ended on the last day.
            in_care(
                "Q",
                vec![ep("2023-01-05", Rne::S, Ls::C2, Pl::U3, Some("2024-02-29"))],
            ),
        ],
        visits: vec![
            visit("M", "2024-01-18", Cla, true),
            visit("N", "2023-11-29", Cla, true),
            visit("O", "2023-11-29", Cla, true),
            visit("P", "2024-01-25", Cla, true),
            // Not seen: does not count.
            visit("L", "2024-02-23", Cla, false),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let feb = month("2024-02-01");
    let o = run(CLA_VISITS_PCT, &ds, &feb, &Settings::default());
    assert_eq!(ids(&o.numerator_children), ["K", "M", "N", "P"]);
    assert_eq!(ids(&o.denominator_children), ["K", "L", "M", "N", "O", "P"]);
    assert_eq!(o.formatted_value(Unit::Percent), "66.7");
    assert_eq!(
        o.breakdown,
        [
            ("no visit yet since the placement began", 2),
            (
                "long-term placement past its first year (the months interval)",
                1
            ),
        ]
    );
    // With 8-week intervals, O (last seen 29 November) is still overdue and L too.
    let eight = Settings {
        cla_visit_weeks: 8,
        ..Settings::default()
    };
    let o = run(CLA_VISITS_PCT, &ds, &feb, &eight);
    assert_eq!(ids(&o.numerator_children), ["K", "M", "N", "P"]);
    // A two-week first visit takes in L.
    let two = Settings {
        cla_visit_first_weeks: 2,
        ..Settings::default()
    };
    let o = run(CLA_VISITS_PCT, &ds, &feb, &two);
    assert_eq!(ids(&o.numerator_children), ["K", "L", "M", "N", "P"]);
}

fn missing(kind: MissingKind, start: &str, end: &str) -> MissingEpisode {
    MissingEpisode {
        kind: Some(kind),
        start_date: d(start),
        end_date: Some(d(end)),
    }
}

fn rhi(
    child: &str,
    start: &str,
    offered: Option<&str>,
    accepted: Option<bool>,
) -> ReturnHomeInterview {
    ReturnHomeInterview {
        child: ChildId::from(child),
        missing_start: d(start),
        offered: offered.map(d),
        accepted,
        completed: None,
    }
}

#[test]
fn return_home_interviews_offered_within_72_hours() {
    let mut r = in_care("R", vec![ep("2023-01-01", Rne::S, Ls::C2, Pl::U3, None)]);
    r.missing_episodes = vec![
        // Back on 2 March, offered 5 March: 72 hours.
        missing(MissingKind::M, "2024-03-01", "2024-03-02"),
        // Back on 11 March, offered 15 March: late.
        missing(MissingKind::M, "2024-03-10", "2024-03-11"),
        // Back on 1 April (Easter Monday), in April's figure: offered 4 April.
        missing(MissingKind::M, "2024-03-28", "2024-04-01"),
        // Away without authorisation: not counted.
        missing(MissingKind::A, "2024-03-20", "2024-03-21"),
        // Went missing on 28 February, back on 1 March: no interview recorded.
        missing(MissingKind::M, "2024-02-28", "2024-03-01"),
    ];
    let mut s = child("S");
    s.missing_episodes = vec![missing(MissingKind::M, "2024-03-05", "2024-03-06")];
    let mut ds = Dataset {
        children: vec![r, s],
        return_home_interviews: vec![
            rhi("R", "2024-03-01", Some("2024-03-05"), Some(true)),
            rhi("R", "2024-03-10", Some("2024-03-15"), Some(false)),
            rhi("R", "2024-03-28", Some("2024-04-04"), None),
            rhi("S", "2024-03-05", Some("2024-03-06"), Some(true)),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let s = Settings::default();
    let o = run(CLA_MISSING_RHI_PCT, &ds, &month("2024-03-01"), &s);
    assert_eq!((o.numerator, o.denominator), (1, Some(3)));
    assert_eq!(o.formatted_value(Unit::Percent), "33.3");
    assert_eq!(
        o.breakdown,
        [
            ("offered later than 72 hours", 1),
            ("no interview offered or recorded", 1),
            ("interviews accepted", 1),
        ]
    );
    let o = run(CLA_MISSING_RHI_PCT, &ds, &month("2024-04-01"), &s);
    assert_eq!((o.numerator, o.denominator), (1, Some(1)));
}

#[test]
fn adoption_a2_from_placement_order_to_match() {
    let adopted = |e: ClaEpisode, rec: Rec| ClaEpisode {
        reason_ceased: Some(rec),
        ..e
    };
    let mut t = in_care(
        "T",
        vec![
            ep("2021-05-01", Rne::S, Ls::C2, Pl::U3, Some("2022-02-28")),
            ep("2022-02-28", Rne::L, Ls::E1, Pl::U3, Some("2022-06-01")),
            adopted(
                ep("2022-06-01", Rne::P, Ls::E1, Pl::A4, Some("2023-06-15")),
                Rec::E11,
            ),
        ],
    );
    t.adoption = Some(Adoption {
        match_date: Some(d("2022-04-04")),
        ..Adoption::default()
    });
    let mut u = in_care(
        "U",
        vec![
            ep("2021-05-01", Rne::S, Ls::C2, Pl::U3, Some("2022-09-01")),
            adopted(
                ep("2022-09-01", Rne::L, Ls::E1, Pl::U3, Some("2023-09-01")),
                Rec::E12,
            ),
        ],
    );
    // Matched before the placement order: 0 days.
    u.adoption = Some(Adoption {
        match_date: Some(d("2022-08-20")),
        ..Adoption::default()
    });
    // Adopted with no placement order episode: left out.
    let mut v = in_care(
        "V",
        vec![adopted(
            ep("2021-05-01", Rne::S, Ls::C2, Pl::A4, Some("2023-10-01")),
            Rec::E11,
        )],
    );
    v.adoption = Some(Adoption {
        match_date: Some(d("2022-08-20")),
        ..Adoption::default()
    });
    let mut ds = Dataset {
        children: vec![t, u, v],
        ..Dataset::default()
    };
    ds.normalise();
    let year = Period {
        kind: PeriodKind::YearToMarch,
        start: d("2023-04-01"),
        end: d("2024-03-31"),
    };
    let o = run(ADOPTION_A2_DAYS, &ds, &year, &Settings::default());
    // 28 February to 4 April 2022 is 35 days.
    assert_eq!((o.numerator, o.denominator), (35, Some(2)));
    assert_eq!(o.value, Some(17.5));
    assert_eq!(ids(&o.denominator_children), ["T", "U"]);
    assert_eq!(
        o.breakdown[1],
        ("matched before the placement order (0 days)", 1)
    );
    assert_eq!(
        o.breakdown[2],
        ("adopted with no placement order episode (left out)", 1)
    );
}

#[test]
fn icpc_timescale_from_the_strategy_discussion_or_the_s47_start() {
    let with_s47 = |id: &str, start: &str, icpc: &str| {
        let mut c = child(id);
        c.referrals.push(Referral {
            referral_date: d("2024-03-18"),
            section47s: vec![Section47 {
                start_date: d(start),
                icpc_date: Some(d(icpc)),
                ..Section47::default()
            }],
            ..Referral::default()
        });
        c
    };
    let discussion = |id: &str, date: &str, s47: &str| StrategyDiscussion {
        child: ChildId::from(id),
        date: d(date),
        s47_start: Some(d(s47)),
    };
    let mut ds = Dataset {
        children: vec![
            // From Tuesday 26 March to Thursday 18 April, over Easter: 15 working days; from
            // the last strategy discussion (Friday 22 March), 17.
            with_s47("W", "2024-03-26", "2024-04-18"),
            // No strategy discussion recorded: 6 working days from the enquiry's start.
            with_s47("X", "2024-04-02", "2024-04-10"),
        ],
        strategy_discussions: vec![
            discussion("W", "2024-03-20", "2024-03-26"),
            discussion("W", "2024-03-22", "2024-03-26"),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let april = month("2024-04-01");
    let s47 = Settings::default();
    let o = run("icpc_15wd_pct", &ds, &april, &s47);
    assert_eq!((o.numerator, o.denominator), (2, Some(2)));
    let strategy = Settings {
        icpc_anchor: IcpcAnchor::StrategyDiscussion,
        ..Settings::default()
    };
    let o = run("icpc_15wd_pct", &ds, &april, &strategy);
    assert_eq!((o.numerator, o.denominator), (0, Some(1)));
    assert_eq!(
        o.breakdown,
        [
            ("excluded: conference before the strategy discussion", 0),
            ("excluded: no strategy discussion linked to the enquiry", 1),
        ]
    );
    assert!(
        strategy
            .describe("icpc_15wd_pct")
            .contains("ICPC anchor: the last strategy discussion")
    );
    assert!(
        s47.describe("icpc_15wd_pct")
            .contains("the start of the section 47 enquiry (DfE)")
    );
    assert_eq!(
        IcpcAnchor::parse("strategy_discussion"),
        Some(IcpcAnchor::StrategyDiscussion)
    );
}

/// The synthetic council's practice figures are plausible: visits mostly but not always on time,
/// most missing episodes with an interview offered in time, about a third of contacts becoming
/// referrals. Summed over the 12 months to the reference date.
#[test]
fn the_synthetic_councils_figures_are_plausible() {
    let council = synth::generate(&synth::SynthConfig {
        children: 3000,
        seed: 11,
        ..synth::SynthConfig::default()
    });
    let population = Population::from_estimates(&council.dataset.population).unwrap();
    assert!(
        population.vintage.starts_with("Synthetic"),
        "{}",
        population.vintage
    );
    let inputs = Inputs {
        dataset: &council.dataset,
        population: Some(&population),
        active: None,
        assurance: None,
        index: None,
    };
    let periods = periods(PeriodKind::Month, council.year.end(), 12);
    let rate = |id: &str| {
        let def = indicator(id).unwrap();
        let (mut n, mut d) = (0, 0);
        for p in &periods {
            let o = (def.compute)(&inputs, p, &Settings::default());
            n += o.numerator;
            d += o.denominator.unwrap();
        }
        assert!(d > 30, "{id}: {d}");
        100.0 * n as f64 / d as f64
    };
    for (id, low, high) in [
        (CP_VISITS_PCT, 75.0, 95.0),
        (CIN_VISITS_PCT, 78.0, 97.0),
        (CLA_VISITS_PCT, 80.0, 97.0),
        (CLA_MISSING_RHI_PCT, 60.0, 90.0),
        (CONTACT_REFERRAL_PCT, 25.0, 50.0),
        ("icpc_15wd_pct", 50.0, 100.0),
    ] {
        let r = rate(id);
        eprintln!("{id}: {r:.1}%");
        assert!((low..=high).contains(&r), "{id}: {r:.1}%");
    }
    let per_10k = (indicator(CONTACTS_PER_10K).unwrap().compute)(
        &inputs,
        periods.last().unwrap(),
        &Settings::default(),
    );
    assert!(per_10k.value.is_some_and(|v| v > 0.0));
}
