//! Hand-computed workforce and family-voice figures.

use assurance::Tag;
use assurance::voice::{self, *};
use assurance::workforce::*;
use model::*;

fn d(y: i16, m: i8, day: i8) -> Date {
    jiff::civil::date(y, m, day)
}

fn spell(from: Date, to: Option<Date>, worker: Option<&str>, agency: bool) -> PostSpell {
    PostSpell {
        from,
        to,
        worker: worker.map(str::to_owned),
        agency,
    }
}

fn posts() -> Vec<Post> {
    let post = |id: &str, role, spells| Post {
        id: id.into(),
        team: "FST1".into(),
        role,
        spells,
    };
    vec![
        post(
            "P1",
            WorkerRole::SocialWorker,
            vec![spell(d(2024, 1, 1), None, Some("W1"), false)],
        ),
        post(
            "P2",
            WorkerRole::SocialWorker,
            vec![
                spell(d(2024, 1, 1), Some(d(2024, 6, 30)), Some("W2"), true),
                spell(d(2024, 7, 1), None, None, false),
            ],
        ),
        post(
            "P3",
            WorkerRole::MentalHealthWorker,
            vec![spell(d(2024, 4, 1), None, None, false)],
        ),
        post(
            "P4",
            WorkerRole::DomesticAbuseWorker,
            vec![spell(d(2024, 5, 1), None, Some("W3"), false)],
        ),
        post(
            "P5",
            WorkerRole::SocialWorker,
            vec![spell(
                d(2023, 1, 1),
                Some(d(2024, 2, 29)),
                Some("W4"),
                false,
            )],
        ),
    ]
}

#[test]
fn posts_filled_vacant_and_agency_on_a_day() {
    // 1 April 2024: P1 filled, P2 filled by agency, P3 vacant; P4 not yet, P5 gone.
    let (by_role, total) = posts_on(&posts(), d(2024, 4, 1));
    assert_eq!(
        by_role[&WorkerRole::SocialWorker],
        PostCounts {
            posts: 2,
            filled: 2,
            vacant: 0,
            agency: 1
        }
    );
    assert_eq!(
        by_role[&WorkerRole::MentalHealthWorker],
        PostCounts {
            posts: 1,
            filled: 0,
            vacant: 1,
            agency: 0
        }
    );
    assert!(!by_role.contains_key(&WorkerRole::DomesticAbuseWorker));
    assert_eq!(
        total,
        PostCounts {
            posts: 3,
            filled: 2,
            vacant: 1,
            agency: 1
        }
    );
    assert!((total.vacancy_pct().unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(total.agency_pct(), Some(50.0));

    // 1 July 2024: P2 falls vacant, P4 is filled.
    let (_, total) = posts_on(&posts(), d(2024, 7, 1));
    assert_eq!(
        total,
        PostCounts {
            posts: 4,
            filled: 2,
            vacant: 2,
            agency: 0
        }
    );
    assert_eq!(total.vacancy_pct(), Some(50.0));
    assert_eq!(total.agency_pct(), Some(0.0));
    // The last day of a spell still counts it.
    let (_, total) = posts_on(&posts(), d(2024, 6, 30));
    assert_eq!(total.agency, 1);
}

#[test]
fn starters_and_leavers_in_a_period() {
    // January to June 2024: W1, W2 and W3 started; W2 (30 June) and W4 (29 February) left.
    assert_eq!(
        starters_and_leavers(&posts(), d(2024, 1, 1), d(2024, 6, 30)),
        (3, 2)
    );
    // A worker moving between posts is neither a starter nor a leaver.
    let mut moved = posts();
    moved[2].spells = vec![
        spell(d(2024, 4, 1), Some(d(2024, 6, 30)), None, false),
        spell(d(2024, 7, 1), None, Some("W2"), false),
    ];
    assert_eq!(
        starters_and_leavers(&moved, d(2024, 6, 1), d(2024, 7, 31)),
        (0, 0)
    );
}

#[test]
fn caseloads_median_and_threshold() {
    let day = d(2025, 3, 31);
    let mut ds = Dataset::default();
    let worker = |id: &str, role| Worker {
        id: id.into(),
        team: "T".into(),
        role: Some(role),
        ..Worker::default()
    };
    ds.workers = vec![
        worker("W1", WorkerRole::SocialWorker),
        worker("W2", WorkerRole::SocialWorker),
        worker("F1", WorkerRole::FamilyPractitioner),
    ];
    let alloc = |child: &str, w: &str, end: Option<Date>| CaseAllocation {
        child: ChildId::from(child),
        worker: w.into(),
        team: "T".into(),
        start: d(2025, 1, 1),
        end,
    };
    ds.allocations = vec![
        alloc("C1", "W1", None),
        alloc("C2", "W1", None),
        alloc("C3", "W1", None),
        alloc("C4", "W2", None),
        alloc("C5", "F1", None), // not a social worker
        alloc("C6", "X9", None), // not listed: counted
        alloc("C7", "X9", None),
        alloc("C8", "W2", Some(d(2025, 3, 30))), // ended
    ];
    // The same child allocated to the same worker twice counts once.
    ds.allocations.push(CaseAllocation {
        start: d(2025, 2, 1),
        ..alloc("C3", "W1", None)
    });
    let loads = caseloads(&ds, day);
    assert_eq!(
        loads,
        [
            ("W1".to_owned(), 3),
            ("W2".to_owned(), 1),
            ("X9".to_owned(), 2)
        ]
    );
    let s = summarise_caseloads(&loads, 2);
    assert_eq!((s.workers, s.cases, s.max, s.over_threshold), (3, 6, 3, 1));
    assert_eq!(s.median, Some(2.0));
    assert_eq!(s.mean, Some(2.0));
    assert_eq!(s.bands[0], ("1-5", 3));
    assert_eq!(median(&[4, 1, 3, 2]), Some(2.5));
    assert_eq!(median(&[]), None);
    let s = summarise_caseloads(&[("A".into(), 5), ("B".into(), 6), ("C".into(), 26)], 20);
    assert_eq!(s.bands.map(|b| b.1), [1, 1, 0, 0, 0, 1]);
}

#[test]
fn family_voice_counts_and_themes() {
    let tags = |s: &[&str]| s.iter().map(|t| Tag::parse(t).unwrap()).collect::<Vec<_>>();
    let fb = |id: &str, date, source, sentiment, themes: &[&str]| Feedback {
        id: id.into(),
        date,
        source,
        team: "FST2".into(),
        sentiment,
        themes: tags(themes),
        summary: String::new(),
    };
    let feedback = [
        fb(
            "F1",
            d(2024, 12, 10),
            FeedbackSource::Parent,
            Sentiment::Positive,
            &["listened-to"],
        ),
        fb(
            "F2",
            d(2024, 12, 10),
            FeedbackSource::Child,
            Sentiment::Positive,
            &["listened-to", "more-events"],
        ),
        fb(
            "F3",
            d(2024, 12, 11),
            FeedbackSource::Parent,
            Sentiment::Mixed,
            &["contact"],
        ),
        fb(
            "F4",
            d(2025, 1, 5),
            FeedbackSource::Child,
            Sentiment::Negative,
            &["school-visits"],
        ),
    ];
    let events = [ParticipationEvent {
        id: "E1".into(),
        date: d(2024, 12, 14),
        team: "FST2".into(),
        name: "Christmas party".into(),
        children: 38,
        adults: 30,
        themes: tags(&["more-events"]),
    }];
    let nominations = [Nomination {
        id: "N1".into(),
        date: d(2024, 12, 20),
        team: "FST1".into(),
        nominee: "W1".into(),
        nominated_by: "W2".into(),
        themes: tags(&["tenacity"]),
        citation: String::new(),
    }];
    let s = voice::summarise(
        &feedback,
        &events,
        &nominations,
        d(2024, 12, 1),
        d(2024, 12, 31),
    );
    assert_eq!(s.feedback, 3);
    assert_eq!(s.by_source[&FeedbackSource::Parent], 2);
    assert_eq!(s.by_source[&FeedbackSource::Child], 1);
    assert_eq!(s.by_sentiment[&Sentiment::Positive], 2);
    assert_eq!(
        (s.events, s.children_at_events, s.adults_at_events),
        (1, 38, 30)
    );
    assert_eq!(s.nominations, 1);
    let themes: Vec<(String, u64)> = s.themes.iter().map(|(t, n)| (t.to_string(), *n)).collect();
    assert_eq!(
        themes,
        [
            ("listened-to".into(), 2),
            ("more-events".into(), 2),
            ("contact".into(), 1),
            ("tenacity".into(), 1)
        ]
    );
}
