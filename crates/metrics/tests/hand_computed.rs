//! The seed's first measures on a handful of children, with every figure worked out by hand.

use metrics::{CLA_STARTS_FROM_CP_OR_CIN, CP_STARTS_FROM_CIN_PCT, FSM_OPEN_CHILDREN, Settings};
use model::codes::ReasonNewEpisode;
use model::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn child(id: &str) -> Child {
    Child {
        id: ChildId::from(id),
        ..Child::default()
    }
}

fn referral(cin: &[(&str, Option<&str>)], cp: &[(&str, Option<&str>)]) -> Referral {
    Referral {
        referral_date: d("2024-06-01"),
        cin_plans: cin
            .iter()
            .map(|(s, e)| CinPlan {
                start_date: d(s),
                end_date: e.map(d),
            })
            .collect(),
        cp_plans: cp
            .iter()
            .map(|(s, e)| CpPlan {
                start_date: d(s),
                end_date: e.map(d),
                ..CpPlan::default()
            })
            .collect(),
        ..Referral::default()
    }
}

fn episode(start: &str, rne: ReasonNewEpisode, end: Option<&str>) -> ClaEpisode {
    ClaEpisode {
        start_date: d(start),
        reason_new_episode: Some(rne),
        end_date: end.map(d),
        ..ClaEpisode::default()
    }
}

fn fsm(id: &str, start: &str, end: Option<&str>) -> FamilySafeguardingInvolvement {
    FamilySafeguardingInvolvement {
        child: ChildId::from(id),
        team: "FS1".into(),
        start: d(start),
        end: end.map(d),
        ..FamilySafeguardingInvolvement::default()
    }
}

/// A: CP plan starts the day its CIN plan ends (escalated from CIN).
/// B: CP plan with no CIN plan. C: CIN plan ended 19 days before the CP plan.
/// D: enters care the day its CP plan ends. E: UASC, enters care from nothing.
/// F: enters care from an open CIN plan, then moves placement. G: only a placement move in March.
fn council() -> Dataset {
    let mut a = child("A");
    a.referrals.push(referral(
        &[("2025-01-06", Some("2025-02-10"))],
        &[("2025-02-10", None)],
    ));
    let mut b = child("B");
    b.referrals.push(referral(&[], &[("2025-02-14", None)]));
    let mut c = child("C");
    c.referrals.push(referral(
        &[("2024-12-01", Some("2025-02-01"))],
        &[("2025-02-20", None)],
    ));
    let mut dd = child("D");
    dd.referrals
        .push(referral(&[], &[("2024-11-01", Some("2025-03-10"))]));
    dd.cla_episodes
        .push(episode("2025-03-10", ReasonNewEpisode::S, None));
    let mut e = child("E");
    e.uasc = Some(UascStatus {
        ceased: Some(d("2027-01-01")),
    });
    e.cla_episodes
        .push(episode("2025-03-15", ReasonNewEpisode::S, None));
    let mut f = child("F");
    f.referrals.push(referral(&[("2025-01-20", None)], &[]));
    f.cla_episodes.push(episode(
        "2025-03-20",
        ReasonNewEpisode::S,
        Some("2025-03-25"),
    ));
    f.cla_episodes
        .push(episode("2025-03-25", ReasonNewEpisode::P, None));
    let mut g = child("G");
    g.cla_episodes.push(episode(
        "2024-05-01",
        ReasonNewEpisode::S,
        Some("2025-03-02"),
    ));
    g.cla_episodes
        .push(episode("2025-03-02", ReasonNewEpisode::P, None));
    let mut ds = Dataset {
        children: vec![a, b, c, dd, e, f, g],
        family_safeguarding: vec![
            fsm("H", "2025-01-10", Some("2025-02-15")),
            fsm("A", "2025-02-01", None),
            fsm("A", "2025-02-05", None),
            fsm("I", "2025-02-28", Some("2025-02-28")),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    ds
}

fn rows(settings: &Settings) -> Vec<String> {
    let mut series = metrics::compute_all(&council(), d("2025-03-31"), 3, settings);
    // The seed's three measures; other indicators have their own tests.
    series.retain(|s| {
        [
            CP_STARTS_FROM_CIN_PCT,
            CLA_STARTS_FROM_CP_OR_CIN,
            FSM_OPEN_CHILDREN,
        ]
        .contains(&s.indicator.id)
    });
    metrics::to_csv(&series)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_three_measures_by_hand() {
    assert_eq!(
        rows(&Settings::default()),
        [
            "indicator_id,period_start,period_end,numerator,denominator,value",
            // January: no CP plan started.
            "cp_starts_from_cin_pct,2025-01-01,2025-01-31,0,0,",
            // February: A (CIN plan ends the day the CP plan starts) of A, B, C.
            "cp_starts_from_cin_pct,2025-02-01,2025-02-28,1,3,33.3",
            "cp_starts_from_cin_pct,2025-03-01,2025-03-31,0,0,",
            "cla_starts_from_cp_or_cin,2025-01-01,2025-01-31,0,0,0",
            "cla_starts_from_cp_or_cin,2025-02-01,2025-02-28,0,0,0",
            // March: D (CP plan) and F (CIN plan) of D, E (UASC) and F; G only moved placement.
            "cla_starts_from_cp_or_cin,2025-03-01,2025-03-31,2,3,2",
            // 31 January: H. 28 February: A (twice, counted once) and I (open that day only).
            "fsm_open_children,2025-01-01,2025-01-31,1,,1",
            "fsm_open_children,2025-02-01,2025-02-28,2,,2",
            "fsm_open_children,2025-03-01,2025-03-31,1,,1",
        ]
    );
}

#[test]
fn look_back_is_a_setting() {
    let settings = Settings {
        cin_lookback_days: 19,
        ..Settings::default()
    };
    // C's CIN plan ended on 1 February, 19 days before its CP plan started on 20 February.
    assert!(
        rows(&settings).contains(&"cp_starts_from_cin_pct,2025-02-01,2025-02-28,2,3,66.7".into())
    );
    let settings = Settings {
        cin_lookback_days: 18,
        ..Settings::default()
    };
    assert!(
        rows(&settings).contains(&"cp_starts_from_cin_pct,2025-02-01,2025-02-28,1,3,33.3".into())
    );
}

#[test]
fn children_behind_the_figures_and_the_uasc_split() {
    let periods = [(d("2025-03-01"), d("2025-03-31"))];
    let s = metrics::compute(
        CLA_STARTS_FROM_CP_OR_CIN,
        &council(),
        &periods,
        &Settings::default(),
    )
    .unwrap();
    let march = &s.points[0];
    let names = |v: &[ChildId]| v.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&march.numerator_children), ["D", "F"]);
    assert_eq!(names(&march.denominator_children), ["D", "E", "F"]);
    let get = |k: &str| march.breakdown.iter().find(|(n, _)| *n == k).unwrap().1;
    assert_eq!(get("from a CP plan"), 1);
    assert_eq!(get("from a CIN plan"), 1);
    assert_eq!(get("UASC starting care"), 1);
    assert_eq!(get("children starting care, excluding UASC"), 2);
    assert_eq!(get("from a CP or CIN plan, excluding UASC"), 2);

    let feb = [(d("2025-02-01"), d("2025-02-28"))];
    let s = metrics::compute(
        CP_STARTS_FROM_CIN_PCT,
        &council(),
        &feb,
        &Settings::default(),
    )
    .unwrap();
    assert_eq!(names(&s.points[0].numerator_children), ["A"]);
    let s = metrics::compute(FSM_OPEN_CHILDREN, &council(), &feb, &Settings::default()).unwrap();
    assert_eq!(names(&s.points[0].numerator_children), ["A", "I"]);
}

#[test]
fn the_last_period_stops_at_the_reporting_date() {
    let periods = metrics::monthly_periods(d("2025-03-12"), 24);
    assert_eq!(periods.len(), 24);
    assert_eq!(periods[0], (d("2023-04-01"), d("2023-04-30")));
    assert_eq!(periods[23], (d("2025-03-01"), d("2025-03-12")));
}
