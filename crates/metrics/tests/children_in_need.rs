//! The front-door and child protection indicators on a few children, every figure worked out by
//! hand, with the hard cases: bank holidays and weekends at both ends of a timescale, 29 February,
//! two referrals within 12 months, a second CP plan years after the first, the counting
//! convention, and plans that end on the period's last day.

use metrics::{Inputs, Period, PeriodKind, Population, Settings, indicator};
use model::calendar::DayCount;
use model::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn month(s: &str) -> Period {
    let start = d(&format!("{s}-01"));
    Period {
        kind: PeriodKind::Month,
        start,
        end: start.last_of_month(),
    }
}

fn child(id: &str, referrals: Vec<Referral>) -> Child {
    Child {
        id: ChildId::from(id),
        referrals,
        ..Child::default()
    }
}

fn referral(date: &str) -> Referral {
    Referral {
        referral_date: d(date),
        ..Referral::default()
    }
}

/// (numerator, denominator, value as printed, numerator children)
fn figure(
    id: &str,
    ds: &Dataset,
    period: &Period,
    settings: &Settings,
) -> (u64, Option<u64>, String, Vec<String>) {
    figure_with(id, &Inputs::new(ds), period, settings)
}

fn figure_with(
    id: &str,
    inputs: &Inputs<'_>,
    period: &Period,
    settings: &Settings,
) -> (u64, Option<u64>, String, Vec<String>) {
    let def = indicator(id).unwrap();
    let o = (def.compute)(inputs, period, settings);
    (
        o.numerator,
        o.denominator,
        o.formatted_value(def.unit),
        o.numerator_children.iter().map(|c| c.0.clone()).collect(),
    )
}

fn assessment(start: &str, authorised: Option<&str>) -> Assessment {
    Assessment {
        start_date: d(start),
        authorised_date: authorised.map(d),
        ..Assessment::default()
    }
}

/// Started on Thursday 17 April 2025, the day before Good Friday: Easter Monday, the early May
/// and spring bank holidays and every weekend fall inside, so 25 June is working day 45 and
/// 26 June day 46.
fn assessments() -> Dataset {
    let with = |id: &str, a: Assessment| {
        let mut r = referral("2025-04-16");
        r.assessments.push(a);
        child(id, vec![r])
    };
    let mut ds = Dataset {
        children: vec![
            with("A", assessment("2025-04-17", Some("2025-06-25"))),
            with("B", assessment("2025-04-17", Some("2025-06-26"))),
            with("C", assessment("2025-06-02", Some("2025-06-02"))),
            with("D", assessment("2025-06-10", Some("2025-06-09"))),
            with("E", assessment("2025-06-10", Some("2025-07-01"))),
            with("F", assessment("2025-06-10", None)),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    ds
}

#[test]
fn assessments_within_45_working_days_across_easter_and_may_bank_holidays() {
    let ds = assessments();
    let june = month("2025-06");
    let settings = Settings::default();
    // A (45 days) and C (same day, 0 days) are in time; B (46) is late; D was authorised before
    // it started and is left out; E and F were not completed in June.
    assert_eq!(
        figure("assessments_45wd_pct", &ds, &june, &settings),
        (2, Some(3), "66.7".into(), vec!["A".into(), "C".into()])
    );
    let def = indicator("assessments_45wd_pct").unwrap();
    let o = (def.compute)(&Inputs::new(&ds), &june, &settings);
    assert_eq!(o.breakdown, [("excluded: authorised before it started", 1)]);
    assert_eq!(
        figure("assessments_completed", &ds, &june, &settings).0,
        4,
        "A, B, C and D were authorised in June"
    );

    // Counting the start day as day 1, A took 46 days; a same-day assessment took 1.
    let day_one = Settings {
        day_count: DayCount::StartIsDayOne,
        ..Settings::default()
    };
    assert_eq!(
        figure("assessments_45wd_pct", &ds, &june, &day_one),
        (1, Some(3), "33.3".into(), vec!["C".into()])
    );
    assert_eq!(
        metrics::Settings::default().describe("assessments_45wd_pct"),
        "Assessment timescale: 45 working days from the start; \
         Working days: England and Wales, the start day is day 0"
    );
}

#[test]
fn icpcs_within_15_working_days_over_christmas() {
    // A section 47 enquiry from Friday 19 December 2025: Christmas Day, Boxing Day and New Year's
    // Day are not working days, so 14 January 2026 is working day 15 and 15 January day 16.
    let s47 = |id: &str, icpc: &str| {
        let mut r = referral("2025-12-18");
        r.section47s.push(Section47 {
            start_date: d("2025-12-19"),
            icpc_date: Some(d(icpc)),
            ..Section47::default()
        });
        child(id, vec![r])
    };
    let mut early = referral("2026-01-05");
    early.section47s.push(Section47 {
        start_date: d("2026-01-08"),
        icpc_date: Some(d("2026-01-07")),
        ..Section47::default()
    });
    let mut on_referral = referral("2026-01-02");
    on_referral.initial_cpc_date = Some(d("2026-01-20"));
    let ds = Dataset {
        children: vec![
            s47("G", "2026-01-14"),
            s47("H", "2026-01-15"),
            child("I", vec![early]),
            child("J", vec![on_referral]),
        ],
        ..Dataset::default()
    };
    let jan = month("2026-01");
    let s = Settings::default();
    assert_eq!(
        figure("icpc_15wd_pct", &ds, &jan, &s),
        (1, Some(2), "50.0".into(), vec!["G".into()])
    );
    // Every conference held in January counts, the one recorded on the referral too.
    assert_eq!(figure("icpcs", &ds, &jan, &s).0, 4);
    assert_eq!(
        figure("section47s", &ds, &jan, &s).0,
        1,
        "only I's started in January"
    );
    assert_eq!(figure("section47s", &ds, &month("2025-12"), &s).0, 2);
}

#[test]
fn re_referrals_look_back_twelve_months_from_29_february() {
    let mut nfa = referral("2025-03-10");
    nfa.no_further_action = true;
    let ds = Dataset {
        children: vec![
            // 28 Feb 2025 looks back to 28 Feb 2024, so 29 Feb 2024 is within 12 months.
            child("R", vec![referral("2024-02-29"), referral("2025-02-28")]),
            // 2 Mar 2025 looks back to 2 Mar 2024: 1 Mar 2024 is too early.
            child("S", vec![referral("2024-03-01"), referral("2025-03-02")]),
            // Two referrals in one month: the second is a re-referral.
            child("T", vec![nfa, referral("2025-03-20")]),
        ],
        ..Dataset::default()
    };
    let s = Settings::default();
    assert_eq!(
        figure("rereferrals_12m_pct", &ds, &month("2025-02"), &s),
        (1, Some(1), "100.0".into(), vec!["R".into()])
    );
    assert_eq!(
        figure("rereferrals_12m_pct", &ds, &month("2025-03"), &s),
        (1, Some(3), "33.3".into(), vec!["T".into()])
    );
    assert_eq!(
        figure("referrals_nfa_pct", &ds, &month("2025-03"), &s),
        (1, Some(3), "33.3".into(), vec!["T".into()])
    );
    assert_eq!(figure("referrals", &ds, &month("2025-03"), &s).0, 3);
}

fn cp_plan(start: &str, end: Option<&str>) -> CpPlan {
    CpPlan {
        start_date: d(start),
        end_date: end.map(d),
        ..CpPlan::default()
    }
}

fn with_plans(id: &str, plans: Vec<CpPlan>) -> Child {
    let mut r = referral("2019-01-01");
    r.cp_plans = plans;
    child(id, vec![r])
}

#[test]
fn second_plans_count_however_long_ago_the_first() {
    let mut told = cp_plan("2025-03-05", None);
    told.number_of_previous_plans = Some(1);
    let ds = Dataset {
        children: vec![
            with_plans(
                "P",
                vec![
                    cp_plan("2019-05-01", Some("2019-11-01")),
                    cp_plan("2025-03-03", None),
                ],
            ),
            with_plans("Q", vec![told]),
            with_plans("U", vec![cp_plan("2025-03-07", None)]),
        ],
        ..Dataset::default()
    };
    let s = Settings::default();
    assert_eq!(
        figure("cp_second_or_subsequent_pct", &ds, &month("2025-03"), &s),
        (2, Some(3), "66.7".into(), vec!["P".into(), "Q".into()])
    );
    assert_eq!(figure("cp_starts", &ds, &month("2025-03"), &s).0, 3);
}

#[test]
fn plans_lasting_two_years_from_29_february() {
    let ds = Dataset {
        children: vec![
            // 29 Feb 2024 + 2 years is 28 Feb 2026: exactly two years.
            with_plans("V", vec![cp_plan("2024-02-29", Some("2026-02-28"))]),
            // One day short.
            with_plans("W", vec![cp_plan("2024-03-01", Some("2026-02-28"))]),
        ],
        ..Dataset::default()
    };
    assert_eq!(
        figure(
            "cp_ended_2y_plus_pct",
            &ds,
            &month("2026-02"),
            &Settings::default()
        ),
        (1, Some(2), "50.0".into(), vec!["V".into()])
    );
}

#[test]
fn children_on_plans_at_the_period_end_and_per_10000() {
    let ds = Dataset {
        children: vec![
            with_plans("X", vec![cp_plan("2025-01-10", Some("2025-06-30"))]),
            with_plans("Y", vec![cp_plan("2025-01-10", Some("2025-07-01"))]),
            with_plans("Z", vec![cp_plan("2025-06-30", None)]),
        ],
        ..Dataset::default()
    };
    let june = month("2025-06");
    let s = Settings::default();
    // X's plan ended on the last day of June: no longer on a plan.
    assert_eq!(
        figure("cp_plans_open", &ds, &june, &s),
        (2, None, "2".into(), vec!["Y".into(), "Z".into()])
    );
    let population = Population::from_csv(
        "pop.csv",
        "area,year,children_0_17,vintage\nE1,2024,20000,test vintage\n",
    )
    .unwrap();
    let inputs = Inputs {
        dataset: &ds,
        population: Some(&population),
        active: None,
        assurance: None,
        index: None,
    };
    assert_eq!(
        figure_with("cp_plans_per_10k", &inputs, &june, &s),
        (2, Some(20000), "1.0".into(), vec!["Y".into(), "Z".into()])
    );
    // Without a population table a rate has no value.
    assert_eq!(figure("cp_plans_per_10k", &ds, &june, &s).2, "");
}

#[test]
fn reviews_are_due_three_months_after_the_start_then_every_six() {
    let reviewed = |id: &str, start: &str, reviews: &[&str]| {
        let mut p = cp_plan(start, None);
        p.review_dates = reviews.iter().map(|r| d(r)).collect();
        with_plans(id, vec![p])
    };
    let ds = Dataset {
        children: vec![
            // Due 10 April; held that day; next due 10 October, after the period.
            reviewed("K", "2025-01-10", &["2025-04-10"]),
            // Held a day late.
            reviewed("L", "2025-01-10", &["2025-04-11"]),
            // Not yet three months old at the end of June: not counted.
            reviewed("M", "2025-04-15", &[]),
            // Reviewed on time in April 2024, then due by 10 October 2024, held in November.
            reviewed(
                "N",
                "2024-01-10",
                &["2024-04-10", "2024-11-01", "2025-04-01"],
            ),
        ],
        ..Dataset::default()
    };
    assert_eq!(
        figure(
            "cp_reviews_in_timescale_pct",
            &ds,
            &month("2025-06"),
            &Settings::default()
        ),
        (1, Some(3), "33.3".into(), vec!["K".into()])
    );
}

#[test]
fn every_catalogue_entry_is_complete() {
    for def in metrics::CATALOGUE {
        assert!(
            !def.title.is_empty() && def.definition.len() > 40,
            "{}",
            def.id
        );
        assert!(!def.period_kinds.is_empty(), "{}", def.id);
        assert!(!def.source.is_empty(), "{}", def.id);
        assert_eq!(
            metrics::CATALOGUE.iter().filter(|d| d.id == def.id).count(),
            1,
            "{} is listed once",
            def.id
        );
    }
}
