//! The looked-after-children indicators on a few children each, every figure worked out by hand,
//! and their properties on synthetic councils.

use metrics::*;
use model::codes::{
    Accommodation, Activity, InTouch, LegalStatus as Ls, MissingKind, Placement as Pl,
    ReasonEpisodeCeased as Rec, ReasonNewEpisode as Rne,
};
use model::*;
use std::collections::BTreeMap;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn child(id: &str, born: Option<&str>) -> Child {
    Child {
        id: ChildId::from(id),
        birth_date: born.map(d),
        ..Child::default()
    }
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

/// The last episode of a period of care, ending for `rec`.
fn ended(mut e: ClaEpisode, rec: Rec) -> ClaEpisode {
    e.reason_ceased = Some(rec);
    e
}

fn uasc_until(mut c: Child, ceased: &str) -> Child {
    c.uasc = Some(UascStatus {
        ceased: Some(d(ceased)),
    });
    c
}

fn dataset(children: Vec<Child>) -> Dataset {
    let mut ds = Dataset {
        children,
        ..Dataset::default()
    };
    ds.normalise();
    ds
}

fn population() -> Population {
    Population {
        area: "E1".into(),
        vintage: "test estimates".into(),
        children: BTreeMap::from([(2024, 20_000)]),
    }
}

fn period(kind: PeriodKind, start: &str, end: &str) -> Period {
    Period {
        kind,
        start: d(start),
        end: d(end),
    }
}

fn year_2024_25() -> Period {
    period(PeriodKind::YearToMarch, "2024-04-01", "2025-03-31")
}

fn figure(id: &str, ds: &Dataset, pop: Option<&Population>, p: &Period) -> Observation {
    let def = indicator(id).unwrap();
    assert!(
        def.period_kinds.contains(&p.kind),
        "{id} supports {}",
        p.kind
    );
    let inputs = Inputs {
        dataset: ds,
        population: pop,
        active: None,
        assurance: None,
        index: None,
    };
    (def.compute)(&inputs, p, &Settings::default())
}

fn names(v: &[ChildId]) -> Vec<&str> {
    v.iter().map(|c| c.0.as_str()).collect()
}

fn get(o: &Observation, key: &str) -> u64 {
    o.breakdown
        .iter()
        .find(|(k, _)| *k == key)
        .unwrap_or_else(|| panic!("no breakdown {key:?} in {:?}", o.breakdown))
        .1
}

/// (numerator, denominator, value as printed)
fn nums(o: &Observation, id: &str) -> (u64, Option<u64>, String) {
    let unit = indicator(id).unwrap().unit;
    (o.numerator, o.denominator, o.formatted_value(unit))
}

/// Children looked after in 2024-25, for starts, numbers, rates and placement moves.
///
/// A: two periods of care in the year (May to June; from December), with a change of legal
///    status only (not a placement) and a move: 3 placements.
/// B: in care since February 2024; two changes of legal status only: 1 placement.
/// C: starts on 20 March 2025 and moves on 2 April, after the year: 1 placement.
/// D: moves on 1 April 2024, so the placement before ended on the year's first day: 2.
/// D2: as D, but the first move is on 2 April: 3 placements.
/// E: UASC whose status ceased on 31 March 2025 (not UASC that day).
/// F: UASC until 1 April 2025; a hospital stay (T1) and back to the same home: 1 placement.
/// G: short breaks only (V3), one open on 31 March: never counted.
/// H: short breaks that turn into full care on 10 September (a start).
/// I: care ends on 31 March 2025: not looked after that day.
/// J: a move, then placed for adoption with the current foster carers (A5): 2 placements.
/// K: a move, then long-term fostering with the same carers (RNE T): 3 placements.
fn council() -> Dataset {
    let mut a = child("A", Some("2015-01-01"));
    a.cla_episodes = vec![
        ended(
            ep("2024-05-01", Rne::S, Ls::V2, Pl::U6, Some("2024-06-30")),
            Rec::E4A,
        ),
        ep("2024-12-01", Rne::S, Ls::V2, Pl::U6, Some("2025-01-10")),
        ep("2025-01-10", Rne::L, Ls::C1, Pl::U6, Some("2025-02-01")),
        ep("2025-02-01", Rne::P, Ls::C1, Pl::K2, None),
    ];
    let mut b = child("B", Some("2015-01-01"));
    b.cla_episodes = vec![
        ep("2024-02-01", Rne::S, Ls::V2, Pl::U6, Some("2024-05-01")),
        ep("2024-05-01", Rne::L, Ls::C1, Pl::U6, Some("2024-11-01")),
        ep("2024-11-01", Rne::L, Ls::C2, Pl::U6, None),
    ];
    let mut c = child("C", Some("2015-01-01"));
    c.cla_episodes = vec![
        ep("2025-03-20", Rne::S, Ls::V2, Pl::U6, Some("2025-04-02")),
        ep("2025-04-02", Rne::P, Ls::V2, Pl::K2, None),
    ];
    let moves = |id: &str, first_move: &str| {
        let mut x = child(id, Some("2015-01-01"));
        x.cla_episodes = vec![
            ep("2024-03-15", Rne::S, Ls::C2, Pl::U6, Some(first_move)),
            ep(first_move, Rne::P, Ls::C2, Pl::K2, Some("2024-08-01")),
            ep("2024-08-01", Rne::P, Ls::C2, Pl::U6, None),
        ];
        x
    };
    let dd = moves("D", "2024-04-01");
    let d2 = moves("D2", "2024-04-02");
    let mut e = uasc_until(child("E", Some("2007-03-31")), "2025-03-31");
    e.cla_episodes = vec![ep("2024-10-01", Rne::S, Ls::V2, Pl::U6, None)];
    let mut f = uasc_until(child("F", Some("2007-04-01")), "2025-04-01");
    f.cla_episodes = vec![
        ep("2024-11-01", Rne::S, Ls::V2, Pl::K2, Some("2025-01-05")),
        ep("2025-01-05", Rne::P, Ls::V2, Pl::T1, Some("2025-01-09")),
        ep("2025-01-09", Rne::P, Ls::V2, Pl::K2, None),
    ];
    let mut g = child("G", Some("2012-01-01"));
    g.cla_episodes = vec![
        ended(
            ep("2024-07-01", Rne::S, Ls::V3, Pl::K2, Some("2024-07-03")),
            Rec::E4A,
        ),
        ep("2025-03-30", Rne::S, Ls::V3, Pl::K2, None),
    ];
    let mut h = child("H", Some("2012-01-01"));
    h.cla_episodes = vec![
        ep("2024-09-01", Rne::S, Ls::V3, Pl::K2, Some("2024-09-10")),
        ep("2024-09-10", Rne::L, Ls::C1, Pl::U6, None),
    ];
    let mut i = child("I", Some("2012-01-01"));
    i.cla_episodes = vec![ended(
        ep("2023-05-01", Rne::S, Ls::V2, Pl::U6, Some("2025-03-31")),
        Rec::E4A,
    )];
    let mut j = child("J", Some("2022-01-01"));
    j.cla_episodes = vec![
        ep("2024-04-10", Rne::S, Ls::C1, Pl::U6, Some("2024-06-01")),
        ep("2024-06-01", Rne::P, Ls::C1, Pl::U6, Some("2025-01-01")),
        ep("2025-01-01", Rne::U, Ls::E1, Pl::A5, None),
    ];
    let mut k = child("K", Some("2014-01-01"));
    k.cla_episodes = vec![
        ep("2024-04-10", Rne::S, Ls::C1, Pl::U6, Some("2024-06-01")),
        ep("2024-06-01", Rne::P, Ls::C1, Pl::U6, Some("2024-10-01")),
        ep("2024-10-01", Rne::T, Ls::C1, Pl::U4, None),
    ];
    dataset(vec![a, b, c, dd, d2, e, f, g, h, i, j, k])
}

#[test]
fn starts_in_the_year_count_each_child_once_without_short_breaks() {
    let o = figure(CLA_STARTS, &council(), None, &year_2024_25());
    // A (twice: May and December), C, E, F, H (short breaks becoming care), J, K. B, D and D2
    // started before April; G had short breaks only; I started in 2023.
    assert_eq!(nums(&o, CLA_STARTS), (7, None, "7".into()));
    assert_eq!(
        names(&o.numerator_children),
        ["A", "C", "E", "F", "H", "J", "K"]
    );
    assert_eq!(get(&o, "periods of care started"), 8);
    assert_eq!(get(&o, "UASC starting care"), 2);
    assert_eq!(get(&o, "children starting care, excluding UASC"), 5);

    // September: H alone, on the day the short breaks became full care.
    let sep = period(PeriodKind::Month, "2024-09-01", "2024-09-30");
    let o = figure(CLA_STARTS, &council(), None, &sep);
    assert_eq!(names(&o.numerator_children), ["H"]);

    // Per 10,000 of 20,000 children.
    let pop = population();
    let o = figure(CLA_STARTS_PER_10K, &council(), Some(&pop), &year_2024_25());
    assert_eq!(
        nums(&o, CLA_STARTS_PER_10K),
        (7, Some(20_000), "3.5".into())
    );
    let o = figure(CLA_STARTS_PER_10K, &council(), None, &year_2024_25());
    assert_eq!(nums(&o, CLA_STARTS_PER_10K), (7, None, String::new()));
}

#[test]
fn looked_after_on_31_march_with_and_without_uasc() {
    let pop = population();
    let ds = council();
    let o = figure(CLA_OPEN, &ds, None, &year_2024_25());
    // Everyone but G (short breaks) and I (care ended on 31 March).
    assert_eq!(nums(&o, CLA_OPEN), (10, None, "10".into()));
    assert_eq!(
        names(&o.numerator_children),
        ["A", "B", "C", "D", "D2", "E", "F", "H", "J", "K"]
    );
    // F is UASC on 31 March; E's status ceased that day.
    assert_eq!(get(&o, "UASC"), 1);
    assert_eq!(get(&o, "excluding UASC"), 9);
    assert_eq!(get(&o, "on short breaks only (not counted)"), 1);

    let o = figure(CLA_PER_10K, &ds, Some(&pop), &year_2024_25());
    assert_eq!(nums(&o, CLA_PER_10K), (10, Some(20_000), "5.0".into()));
    let o = figure(CLA_PER_10K_EXCL_UASC, &ds, Some(&pop), &year_2024_25());
    assert_eq!(
        nums(&o, CLA_PER_10K_EXCL_UASC),
        (9, Some(20_000), "4.5".into())
    );
    assert!(!names(&o.numerator_children).contains(&"F"));
    let o = figure(CLA_PER_10K, &ds, None, &year_2024_25());
    assert_eq!(o.value, None);

    // 31 January: C has not started; I is still looked after; F is in hospital (T1), still
    // looked after.
    let jan = period(PeriodKind::Month, "2025-01-01", "2025-01-31");
    let o = figure(CLA_OPEN, &ds, None, &jan);
    assert_eq!(
        names(&o.numerator_children),
        ["A", "B", "D", "D2", "E", "F", "H", "I", "J", "K"]
    );
    assert_eq!(get(&o, "UASC"), 2);
}

#[test]
fn three_or_more_placements_in_the_year() {
    let o = figure(CLA_3PLUS_PLACEMENTS_PCT, &council(), None, &year_2024_25());
    // A (two periods of care: U6; then U6, a change of legal status only, and K2), D2 (the
    // placement it left on 2 April counts) and K (long-term with the same carers is a new
    // placement) of the 10 looked after on 31 March.
    assert_eq!(
        nums(&o, CLA_3PLUS_PLACEMENTS_PCT),
        (3, Some(10), "30.0".into())
    );
    assert_eq!(names(&o.numerator_children), ["A", "D2", "K"]);
    assert_eq!(o.denominator_children.len(), 10);
    // 1: B (legal status changes only), C (its move is after the year), E, F (hospital and back),
    // H. 2: D (the placement that ended on 1 April does not count), J (placed for adoption with
    // the current foster carers is not a move).
    assert_eq!(get(&o, "with 1 placement"), 5);
    assert_eq!(get(&o, "with 2 placements"), 2);

    // Rolling 12 months to January 2025: A's K2 move (February) is outside; D, D2 as before.
    let r = period(PeriodKind::Rolling12Months, "2024-02-01", "2025-01-31");
    let o = figure(CLA_3PLUS_PLACEMENTS_PCT, &council(), None, &r);
    // D's placement from March 2024 now counts: D and D2 have 3; K has 3; A has 2.
    assert_eq!(names(&o.numerator_children), ["D", "D2", "K"]);

    let def = indicator(CLA_3PLUS_PLACEMENTS_PCT).unwrap();
    assert_eq!(
        def.period_kinds,
        [PeriodKind::Rolling12Months, PeriodKind::YearToMarch]
    );
}

/// Long-term stability on 31 March 2025: 2.5 years back is 30 September 2022; 2 years back is
/// 31 March 2023.
#[test]
fn long_term_stability_at_the_boundaries() {
    let mut k1 = child("K1", Some("2012-01-01"));
    k1.cla_episodes = vec![
        ep("2022-09-30", Rne::S, Ls::C2, Pl::U6, Some("2023-03-31")),
        ep("2023-03-31", Rne::P, Ls::C2, Pl::U6, None),
    ];
    let mut k2 = child("K2", Some("2012-01-01"));
    k2.cla_episodes = vec![ep("2022-10-01", Rne::S, Ls::C2, Pl::U6, None)];
    let mut k3 = child("K3", Some("2009-03-31"));
    k3.cla_episodes = vec![ep("2020-01-01", Rne::S, Ls::C2, Pl::U6, None)];
    let mut k4 = child("K4", Some("2009-04-01"));
    k4.cla_episodes = vec![
        ep("2020-01-01", Rne::S, Ls::C2, Pl::U6, Some("2023-04-01")),
        ep("2023-04-01", Rne::P, Ls::C2, Pl::U6, None),
    ];
    let mut k5 = child("K5", Some("2020-01-01"));
    k5.cla_episodes = vec![
        ep("2022-01-10", Rne::S, Ls::C1, Pl::U6, Some("2024-12-01")),
        ep("2024-12-01", Rne::B, Ls::E1, Pl::A6, None),
    ];
    let mut k6 = child("K6", None);
    k6.cla_episodes = vec![ep("2020-01-01", Rne::S, Ls::C2, Pl::U6, None)];
    let mut k7 = child("K7", Some("2012-01-01"));
    k7.cla_episodes = vec![
        ended(
            ep("2019-01-01", Rne::S, Ls::C2, Pl::U6, Some("2022-12-01")),
            Rec::E4A,
        ),
        ep("2023-01-01", Rne::S, Ls::C2, Pl::U6, None),
    ];
    let mut k8 = child("K8", Some("2012-01-01"));
    k8.cla_episodes = vec![ep("2020-01-01", Rne::S, Ls::V3, Pl::K2, None)];
    let mut k9 = child("K9", Some("2014-01-01"));
    k9.cla_episodes = vec![
        ep("2021-01-01", Rne::S, Ls::V2, Pl::U6, Some("2023-06-01")),
        ep("2023-06-01", Rne::L, Ls::C2, Pl::U6, Some("2024-08-01")),
        ep("2024-08-01", Rne::P, Ls::C2, Pl::T2, Some("2024-08-10")),
        ep("2024-08-10", Rne::P, Ls::C2, Pl::U6, None),
    ];
    let mut k10 = child("K10", Some("2014-01-01"));
    k10.cla_episodes = vec![
        ep("2021-01-01", Rne::S, Ls::C1, Pl::U6, Some("2024-01-01")),
        ep("2024-01-01", Rne::U, Ls::C2, Pl::U4, None),
    ];
    let ds = dataset(vec![k1, k2, k3, k4, k5, k6, k7, k8, k9, k10]);
    let o = figure(CLA_LONG_TERM_STABILITY_PCT, &ds, None, &year_2024_25());
    // Denominator: K1 (in care exactly 2.5 years), K4 (16 on 1 April, so under 16), K5, K9, K10.
    // Not: K2 (a day short of 2.5 years), K3 (16 on 31 March), K6 (no date of birth), K7 (back
    // in care in 2023), K8 (short breaks).
    assert_eq!(
        names(&o.denominator_children),
        ["K1", "K10", "K4", "K5", "K9"]
    );
    // Numerator: K1 (placement exactly 2 years), K5 (placed for adoption with new carers: with
    // the foster placement before, since 2022), K9 (a change of legal status and a holiday do
    // not end the placement), K10 (long-term fostering with the same carers from January 2024
    // does not restart the clock). K4 moved to new carers on 1 April 2023, a day short.
    assert_eq!(names(&o.numerator_children), ["K1", "K10", "K5", "K9"]);
    assert_eq!(
        nums(&o, CLA_LONG_TERM_STABILITY_PCT),
        (4, Some(5), "80.0".into())
    );
    assert_eq!(
        get(
            &o,
            "placed for adoption with new carers (that and the previous placement together)"
        ),
        1
    );
    assert_eq!(
        get(
            &o,
            "looked after 2.5 years with no date of birth (left out)"
        ),
        1
    );
}

#[test]
fn long_term_stability_across_29_february() {
    let mut l1 = child("L1", Some("2015-01-01"));
    l1.cla_episodes = vec![ep("2024-02-29", Rne::S, Ls::C2, Pl::U6, None)];
    let mut l2 = child("L2", Some("2015-01-01"));
    l2.cla_episodes = vec![ep("2024-03-01", Rne::S, Ls::C2, Pl::U6, None)];
    let mut l3 = child("L3", Some("2015-01-01"));
    l3.cla_episodes = vec![
        ep("2023-01-01", Rne::S, Ls::C2, Pl::U6, Some("2024-02-29")),
        ep("2024-02-29", Rne::P, Ls::C2, Pl::K2, None),
    ];
    let ds = dataset(vec![l1, l2, l3]);
    let at = |start: &str, end: &str| {
        figure(
            CLA_LONG_TERM_STABILITY_PCT,
            &ds,
            None,
            &period(PeriodKind::Month, start, end),
        )
    };
    // 31 August 2026: 30 months back is 29 February 2024 (31 February does not exist). L1 came
    // into care that day, exactly 2.5 years; L2 a day later.
    let o = at("2026-08-01", "2026-08-31");
    assert_eq!(names(&o.denominator_children), ["L1", "L3"]);
    assert_eq!(names(&o.numerator_children), ["L1", "L3"]);
    // 28 February 2026: L3's placement from 29 February 2024 is a day short of 2 years ...
    let o = at("2026-02-01", "2026-02-28");
    assert_eq!(names(&o.denominator_children), ["L3"]);
    assert_eq!(
        nums(&o, CLA_LONG_TERM_STABILITY_PCT),
        (0, Some(1), "0.0".into())
    );
    // ... and reaches them on 1 March.
    let o = at("2026-03-01", "2026-03-01");
    assert_eq!(
        nums(&o, CLA_LONG_TERM_STABILITY_PCT),
        (1, Some(1), "100.0".into())
    );
}

fn missing(start: &str, kind: Option<MissingKind>) -> MissingEpisode {
    MissingEpisode {
        kind,
        start_date: d(start),
        end_date: Some(d(start)),
    }
}

#[test]
fn missing_from_care() {
    // M1 looked after all year: missing in June, away in July, an untyped episode in January.
    let mut m1 = child("M1", Some("2010-01-01"));
    m1.cla_episodes = vec![ep("2023-01-01", Rne::S, Ls::C2, Pl::K2, None)];
    m1.missing_episodes = vec![
        missing("2024-06-05", Some(MissingKind::M)),
        missing("2024-07-01", Some(MissingKind::A)),
        missing("2025-01-01", None),
    ];
    // M2 left care on the year's first day; missing the week before.
    let mut m2 = child("M2", Some("2010-01-01"));
    m2.cla_episodes = vec![ended(
        ep("2023-01-01", Rne::S, Ls::V2, Pl::K2, Some("2024-04-01")),
        Rec::E4A,
    )];
    m2.missing_episodes = vec![missing("2024-03-25", Some(MissingKind::M))];
    // M3 left care on 31 March 2024: not looked after in 2024-25.
    let mut m3 = child("M3", Some("2010-01-01"));
    m3.cla_episodes = vec![ended(
        ep("2023-01-01", Rne::S, Ls::V2, Pl::K2, Some("2024-03-31")),
        Rec::E4A,
    )];
    // M4 only away without authorisation.
    let mut m4 = child("M4", Some("2010-01-01"));
    m4.cla_episodes = vec![ep("2024-01-01", Rne::S, Ls::C2, Pl::K2, None)];
    m4.missing_episodes = vec![missing("2024-06-10", Some(MissingKind::A))];
    // M5 on short breaks only.
    let mut m5 = child("M5", Some("2010-01-01"));
    m5.cla_episodes = vec![ep("2024-06-01", Rne::S, Ls::V4, Pl::K2, None)];
    m5.missing_episodes = vec![missing("2024-06-02", Some(MissingKind::M))];
    // M6 came into care on 31 March 2025 and went missing that day.
    let mut m6 = child("M6", Some("2010-01-01"));
    m6.cla_episodes = vec![ep("2025-03-31", Rne::S, Ls::V2, Pl::K2, None)];
    m6.missing_episodes = vec![missing("2025-03-31", Some(MissingKind::M))];
    let ds = dataset(vec![m1, m2, m3, m4, m5, m6]);

    let o = figure(CLA_MISSING_PCT, &ds, None, &year_2024_25());
    assert_eq!(names(&o.denominator_children), ["M1", "M2", "M4", "M6"]);
    assert_eq!(names(&o.numerator_children), ["M1", "M6"]);
    assert_eq!(nums(&o, CLA_MISSING_PCT), (2, Some(4), "50.0".into()));
    assert_eq!(get(&o, "missing incidents"), 2);
    assert_eq!(
        get(&o, "away without authorisation incidents (not counted)"),
        2
    );
    assert_eq!(get(&o, "incidents with no type recorded (not counted)"), 1);

    // June 2024: M1 and M4 looked after; M1 went missing.
    let june = period(PeriodKind::Month, "2024-06-01", "2024-06-30");
    let o = figure(CLA_MISSING_PCT, &ds, None, &june);
    assert_eq!(names(&o.denominator_children), ["M1", "M4"]);
    assert_eq!(names(&o.numerator_children), ["M1"]);
}

fn leaver(
    id: &str,
    born: Option<&str>,
    year: i16,
    in_touch: InTouch,
    activity: Activity,
    accommodation: Accommodation,
) -> Child {
    let mut c = child(id, born);
    c.care_leaver_records.push(CareLeaverRecord {
        year: CollectionYear(year),
        in_touch: Some(in_touch),
        activity: Some(activity),
        accommodation: Some(accommodation),
    });
    c
}

#[test]
fn care_leavers_aged_19_to_21() {
    use Accommodation as Acc;
    use Activity as Act;
    use InTouch::*;
    let mut cl7 = leaver("CL7", Some("2004-09-10"), 2024, YES, Act::F1, Acc::U1);
    cl7.care_leaver_records.push(CareLeaverRecord {
        year: CollectionYear(2025),
        in_touch: Some(DIED),
        activity: Some(Act::NotInTouch),
        accommodation: Some(Acc::NotInTouch),
    });
    let ds = dataset(vec![
        // 19 on 1 May 2024: in education, suitable accommodation.
        leaver("CL1", Some("2005-05-01"), 2025, YES, Act::F2, Acc::D1),
        // 21 on 31 March 2025: NEET, suitably housed with family.
        leaver("CL2", Some("2004-03-31"), 2025, YES, Act::G5, Acc::B1),
        // 21 on 1 April 2024: not in touch.
        leaver(
            "CL3",
            Some("2003-04-01"),
            2025,
            NO,
            Act::NotInTouch,
            Acc::NotInTouch,
        ),
        // 22 on 31 March 2025, 18 on 1 July 2024: too old, too young.
        leaver("CL4", Some("2003-03-31"), 2025, YES, Act::F5, Acc::U1),
        leaver("CL5", Some("2006-07-01"), 2025, YES, Act::F5, Acc::U1),
        // Born on 29 February 2004: 21 in 2024-25; in part-time work, staying put.
        leaver("CL6", Some("2004-02-29"), 2025, YES, Act::P5, Acc::Z1),
        // 20 in 2024-25, died: in the denominator (the EET record is from the year before).
        cl7,
        // No date of birth: left out.
        leaver("CL8", None, 2025, YES, Act::F1, Acc::U1),
    ]);
    let year = year_2024_25();
    let o = figure(CARE_LEAVERS_EET_PCT, &ds, None, &year);
    assert_eq!(
        names(&o.denominator_children),
        ["CL1", "CL2", "CL3", "CL6", "CL7"]
    );
    assert_eq!(names(&o.numerator_children), ["CL1", "CL6"]);
    assert_eq!(nums(&o, CARE_LEAVERS_EET_PCT), (2, Some(5), "40.0".into()));
    assert_eq!(get(&o, "not in touch (or not recorded)"), 2);
    assert_eq!(get(&o, "records with no date of birth (left out)"), 1);

    let o = figure(CARE_LEAVERS_SUITABLE_ACCOMMODATION_PCT, &ds, None, &year);
    assert_eq!(names(&o.numerator_children), ["CL1", "CL2", "CL6"]);
    assert_eq!(
        nums(&o, CARE_LEAVERS_SUITABLE_ACCOMMODATION_PCT),
        (3, Some(5), "60.0".into())
    );

    // The year to date in November 2024 reads the same collection year.
    let to_date = period(PeriodKind::YearToMarch, "2024-04-01", "2024-11-26");
    assert_eq!(
        figure(CARE_LEAVERS_EET_PCT, &ds, None, &to_date).numerator_children,
        figure(CARE_LEAVERS_EET_PCT, &ds, None, &year).numerator_children
    );
    assert_eq!(
        indicator(CARE_LEAVERS_EET_PCT).unwrap().period_kinds,
        [PeriodKind::YearToMarch]
    );
}

#[test]
fn adoption_a1_and_a10() {
    let adoption = |by_foster_carer: Option<bool>| Adoption {
        by_foster_carer,
        ..Adoption::default()
    };
    // R: fostered from 1 April 2022, long-term with the same carers from January 2023, placed for
    // adoption with them (A5) on 1 January 2024, adopted in October. A1: 640 days; A10: 0.
    let mut r = child("R", Some("2020-01-01"));
    r.adoption = Some(adoption(Some(true)));
    r.cla_episodes = vec![
        ep("2022-04-01", Rne::S, Ls::C1, Pl::U6, Some("2023-01-01")),
        ep("2023-01-01", Rne::T, Ls::C1, Pl::U4, Some("2024-01-01")),
        ended(
            ep("2024-01-01", Rne::T, Ls::E1, Pl::A5, Some("2024-10-01")),
            Rec::E11,
        ),
    ];
    // S: placed with new adopters on 29 February 2024: 273 days.
    let mut s = child("S", Some("2022-01-01"));
    s.adoption = Some(adoption(Some(false)));
    s.cla_episodes = vec![
        ep("2023-06-01", Rne::S, Ls::C1, Pl::U6, Some("2024-02-29")),
        ended(
            ep("2024-02-29", Rne::B, Ls::E1, Pl::A6, Some("2024-12-15")),
            Rec::E12,
        ),
    ];
    // T: a second period of care from 1 January 2023, placed (A4) 15 January 2024, adopted on
    // 31 March 2025: 379 days, from the second period.
    let mut t = child("T", Some("2018-01-01"));
    t.cla_episodes = vec![
        ended(
            ep("2019-01-01", Rne::S, Ls::V2, Pl::U6, Some("2019-06-01")),
            Rec::E4A,
        ),
        ep("2023-01-01", Rne::S, Ls::C1, Pl::U6, Some("2023-06-01")),
        ep("2023-06-01", Rne::L, Ls::E1, Pl::U6, Some("2024-01-15")),
        ended(
            ep("2024-01-15", Rne::P, Ls::E1, Pl::A4, Some("2025-03-31")),
            Rec::E11,
        ),
    ];
    // U: adopted on 1 April 2025, after the year.
    let mut u = child("U", Some("2022-01-01"));
    u.cla_episodes = vec![
        ep("2023-01-01", Rne::S, Ls::C1, Pl::U6, Some("2024-05-01")),
        ended(
            ep("2024-05-01", Rne::B, Ls::E1, Pl::A6, Some("2025-04-01")),
            Rec::E11,
        ),
    ];
    // V: adopted with no placed-for-adoption episode: left out.
    let mut v = child("V", Some("2022-01-01"));
    v.cla_episodes = vec![ended(
        ep("2024-01-01", Rne::S, Ls::E1, Pl::U6, Some("2024-09-01")),
        Rec::E11,
    )];
    // W: AD1 says adopted by the foster carers, but the placement is A6: 366 days on both clocks.
    let mut w = child("W", Some("2022-01-01"));
    w.adoption = Some(adoption(Some(true)));
    w.cla_episodes = vec![
        ep("2023-03-01", Rne::S, Ls::C1, Pl::U6, Some("2024-03-01")),
        ended(
            ep("2024-03-01", Rne::B, Ls::E1, Pl::A6, Some("2024-11-01")),
            Rec::E11,
        ),
    ];
    let ds = dataset(vec![r, s, t, u, v, w]);

    let o = figure(ADOPTION_A1_DAYS, &ds, None, &year_2024_25());
    assert_eq!(names(&o.denominator_children), ["R", "S", "T", "W"]);
    assert_eq!(o.numerator, 640 + 273 + 379 + 366);
    assert_eq!(o.denominator, Some(4));
    assert_eq!(o.value, Some(1658.0 / 4.0));
    assert_eq!(get(&o, "adopted by their foster carers"), 2);
    assert_eq!(
        get(&o, "adopted with no placed-for-adoption episode (left out)"),
        1
    );

    let o = figure(ADOPTION_A10_DAYS, &ds, None, &year_2024_25());
    assert_eq!(o.numerator, 273 + 379 + 366);
    assert_eq!(o.value, Some(1018.0 / 4.0));
    assert_eq!(
        get(
            &o,
            "adopted by foster carers but placed with new carers (clock not adjusted)"
        ),
        1
    );

    // Rolling 12 months to March 2024: nobody adopted.
    let r12 = period(PeriodKind::Rolling12Months, "2023-04-01", "2024-03-31");
    let o = figure(ADOPTION_A1_DAYS, &ds, None, &r12);
    assert_eq!((o.numerator, o.denominator, o.value), (0, Some(0), None));
}

const LOOKED_AFTER: [&str; 12] = [
    CLA_STARTS,
    CLA_STARTS_PER_10K,
    CLA_OPEN,
    CLA_PER_10K,
    CLA_PER_10K_EXCL_UASC,
    CLA_3PLUS_PLACEMENTS_PCT,
    CLA_LONG_TERM_STABILITY_PCT,
    CLA_MISSING_PCT,
    CARE_LEAVERS_EET_PCT,
    CARE_LEAVERS_SUITABLE_ACCOMMODATION_PCT,
    ADOPTION_A1_DAYS,
    ADOPTION_A10_DAYS,
];

/// Every figure of the looked-after indicators over the periods each supports, up to 31 March
/// 2026.
fn all_figures(ds: &Dataset, pop: &Population) -> Vec<(&'static str, Observation)> {
    let inputs = Inputs {
        dataset: ds,
        population: Some(pop),
        active: None,
        assurance: None,
        index: None,
    };
    let as_at = d("2026-03-31");
    let mut out = Vec::new();
    for id in LOOKED_AFTER {
        let def = indicator(id).unwrap();
        for kind in def.period_kinds {
            let count = match kind {
                PeriodKind::Month => 36,
                PeriodKind::Quarter => 12,
                PeriodKind::Rolling12Months => 25,
                PeriodKind::YearToMarch => 3,
            };
            for p in periods(*kind, as_at, count) {
                out.push((id, (def.compute)(&inputs, &p, &Settings::default())));
            }
        }
    }
    out
}

fn synthetic(seed: u64) -> (Dataset, Population) {
    let council = synth::generate(&synth::SynthConfig {
        children: 300,
        seed,
        year: 2026,
        ..synth::SynthConfig::default()
    });
    let pop = Population {
        area: council.la_code.clone(),
        vintage: "synthetic".into(),
        children: (2022..=2025)
            .map(|y| (y, u64::from(council.population_0_17)))
            .collect(),
    };
    (council.dataset, pop)
}

/// The same facts in another order: children, and each child's records.
fn shuffled(ds: &Dataset) -> Dataset {
    let mut ds = ds.clone();
    ds.children.reverse();
    let third = ds.children.len() / 3;
    ds.children.rotate_left(third);
    for c in &mut ds.children {
        c.cla_episodes.reverse();
        c.missing_episodes.reverse();
        c.care_leaver_records.reverse();
        c.cla_reviews.reverse();
        c.placed_for_adoption.reverse();
        if c.cla_episodes.len() > 2 {
            c.cla_episodes.swap(0, 1);
        }
    }
    ds
}

#[test]
fn properties_on_synthetic_councils() {
    let mut seen_denominators: BTreeMap<&str, u64> = BTreeMap::new();
    for seed in 1..=3 {
        let (ds, pop) = synthetic(seed);
        let figures = all_figures(&ds, &pop);
        for (id, o) in &figures {
            let def = indicator(id).unwrap();
            if def.unit == Unit::Percent {
                let den = o.denominator.unwrap();
                assert!(o.numerator <= den, "{id} {o:?}");
                assert_eq!(o.numerator, o.numerator_children.len() as u64, "{id}");
                assert_eq!(den, o.denominator_children.len() as u64, "{id}");
                assert!(
                    o.numerator_children
                        .iter()
                        .all(|c| o.denominator_children.binary_search(c).is_ok()),
                    "{id}: the children behind the numerator are in the denominator"
                );
                *seen_denominators.entry(id).or_default() += den;
            }
        }
        assert_eq!(
            all_figures(&shuffled(&ds), &pop),
            figures,
            "seed {seed}: input order changes nothing"
        );
        // The synthetic council has no short breaks, so every child starting care is a start for
        // the escalation measure too.
        for p in periods(PeriodKind::Month, d("2026-03-31"), 36) {
            let inputs = Inputs::new(&ds);
            let starts =
                (indicator(CLA_STARTS).unwrap().compute)(&inputs, &p, &Settings::default());
            let escalation = (indicator(CLA_STARTS_FROM_CP_OR_CIN).unwrap().compute)(
                &inputs,
                &p,
                &Settings::default(),
            );
            assert_eq!(starts.numerator_children, escalation.denominator_children);
        }
    }
    // The properties were tested on something.
    for id in LOOKED_AFTER {
        if indicator(id).unwrap().unit == Unit::Percent {
            assert!(seen_denominators.get(id).copied().unwrap_or(0) > 0, "{id}");
        }
    }
}
