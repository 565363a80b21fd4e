//! Writing an extract and reading it back gives the same extract.

use formats::extract::{self, Extract};
use model::*;

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// An extract filling every field, with awkward text and every role.
fn extract() -> Extract {
    let mut e = Extract {
        teams: vec![
            Team {
                id: "T2".into(),
                name: "Family Safeguarding, East".into(),
                service: "Family Safeguarding".into(),
                family_safeguarding: true,
            },
            Team {
                id: "T1".into(),
                name: "\"North\" team".into(),
                service: "Assessment".into(),
                family_safeguarding: false,
            },
            Team {
                id: "T3".into(),
                ..Team::default()
            },
        ],
        workers: WorkerRole::ALL
            .into_iter()
            .enumerate()
            .map(|(i, role)| Worker {
                id: format!("W{i}"),
                team: "T2".into(),
                role: Some(role),
                start_date: Some(date(2020, 1, 1 + i as i8)),
                end_date: (i % 2 == 0).then(|| date(2025, 3, 31)),
                agency: i % 3 == 0,
            })
            .chain([Worker {
                id: "W9".into(),
                ..Worker::default()
            }])
            .collect(),
        allocations: vec![
            CaseAllocation {
                child: ChildId::from("C2"),
                worker: "W0".into(),
                team: "T1".into(),
                start: date(2025, 4, 1),
                end: None,
            },
            CaseAllocation {
                child: ChildId::from("C1"),
                worker: "W1".into(),
                team: "T2".into(),
                start: date(2024, 4, 1),
                end: Some(date(2025, 3, 31)),
            },
            CaseAllocation {
                child: ChildId::from("C1"),
                worker: "W0".into(),
                team: String::new(),
                start: date(2024, 4, 1),
                end: None,
            },
        ],
        family_safeguarding: vec![
            FamilySafeguardingInvolvement {
                child: ChildId::from("C1"),
                team: "T2".into(),
                start: date(2024, 5, 1),
                end: Some(date(2024, 11, 30)),
                domestic_abuse_worker: true,
                mental_health_worker: false,
                substance_use_worker: true,
            },
            FamilySafeguardingInvolvement {
                child: ChildId::from("C1"),
                team: "T2".into(),
                start: date(2025, 1, 1),
                end: None,
                domestic_abuse_worker: false,
                mental_health_worker: true,
                substance_use_worker: false,
            },
        ],
        contacts: vec![
            Contact {
                child: ChildId::from("C2"),
                date: date(2024, 2, 29),
                source: Some(codes::ReferralSource::R5D),
                led_to_referral: true,
            },
            Contact {
                child: ChildId::from("C1"),
                date: date(2025, 1, 3),
                source: None,
                led_to_referral: false,
            },
        ],
        strategy_discussions: vec![
            StrategyDiscussion {
                child: ChildId::from("C1"),
                date: date(2025, 1, 6),
                s47_start: Some(date(2025, 1, 7)),
            },
            StrategyDiscussion {
                child: ChildId::from("C1"),
                date: date(2024, 12, 24),
                s47_start: None,
            },
        ],
        visits: vec![
            Visit {
                child: ChildId::from("C1"),
                worker: "W0".into(),
                date: date(2025, 1, 20),
                kind: VisitKind::ChildProtection,
                seen: true,
                seen_alone: true,
            },
            Visit {
                child: ChildId::from("C1"),
                worker: "W0".into(),
                date: date(2025, 1, 20),
                kind: VisitKind::LookedAfter,
                seen: false,
                seen_alone: false,
            },
            Visit {
                child: ChildId::from("C2"),
                worker: String::new(),
                date: date(2024, 6, 3),
                kind: VisitKind::ChildInNeed,
                seen: true,
                seen_alone: false,
            },
        ],
        supervisions: vec![Supervision {
            child: ChildId::from("C1"),
            worker: "W0".into(),
            date: date(2025, 2, 3),
        }],
        chronology: vec![ChronologyEntry {
            child: ChildId::from("C1"),
            event_date: date(2025, 1, 20),
            recorded_date: date(2025, 1, 22),
            event: "Visit, \"seen alone\"".into(),
        }],
        return_home_interviews: vec![
            ReturnHomeInterview {
                child: ChildId::from("C1"),
                missing_start: date(2025, 2, 1),
                offered: Some(date(2025, 2, 3)),
                accepted: Some(false),
                completed: None,
            },
            ReturnHomeInterview {
                child: ChildId::from("C2"),
                missing_start: date(2024, 12, 31),
                offered: Some(date(2025, 1, 2)),
                accepted: Some(true),
                completed: Some(date(2025, 1, 3)),
            },
            ReturnHomeInterview {
                child: ChildId::from("C2"),
                missing_start: date(2025, 3, 1),
                ..ReturnHomeInterview::default()
            },
        ],
    };
    e.normalise();
    e
}

#[test]
fn every_field_survives_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let written = extract();
    extract::write_dir(dir.path(), &written).unwrap();
    let read = extract::read_dir(dir.path()).unwrap();
    assert_eq!(read.problems, []);
    assert_eq!(read.data, written);

    let files: Vec<_> = [
        "teams.csv",
        "workers.csv",
        "allocations.csv",
        "family_safeguarding.csv",
        "contacts.csv",
        "strategy_discussions.csv",
        "visits.csv",
        "supervisions.csv",
        "chronology.csv",
        "return_home_interviews.csv",
    ]
    .map(|f| dir.path().join(f))
    .to_vec();
    assert_eq!(extract::read_files(&files).unwrap().data, written);
}

#[test]
fn files_have_the_documented_columns_and_row_order() {
    let dir = tempfile::tempdir().unwrap();
    extract::write_dir(dir.path(), &extract()).unwrap();
    let file = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(
        file("teams.csv"),
        "team_id,name,service,family_safeguarding\n\
         T1,\"\"\"North\"\" team\",Assessment,0\n\
         T2,\"Family Safeguarding, East\",Family Safeguarding,1\n\
         T3,,,0\n"
    );
    assert_eq!(
        file("allocations.csv"),
        "child_id,worker_id,team_id,start_date,end_date\n\
         C1,W0,,2024-04-01,\n\
         C1,W1,T2,2024-04-01,2025-03-31\n\
         C2,W0,T1,2025-04-01,\n"
    );
    assert_eq!(
        file("workers.csv").lines().take(3).collect::<Vec<_>>(),
        [
            "worker_id,team_id,role,start_date,end_date,agency",
            "W0,T2,SW,2020-01-01,2025-03-31,1",
            "W1,T2,TM,2020-01-02,,0",
        ]
    );
    assert_eq!(
        file("family_safeguarding.csv"),
        "child_id,team_id,start_date,end_date,domestic_abuse,mental_health,substance_use\n\
         C1,T2,2024-05-01,2024-11-30,1,0,1\n\
         C1,T2,2025-01-01,,0,1,0\n"
    );
    assert_eq!(
        file("visits.csv"),
        "child_id,worker_id,visit_date,visit_kind,seen,seen_alone\n\
         C1,W0,2025-01-20,CP,1,1\n\
         C1,W0,2025-01-20,CLA,0,0\n\
         C2,,2024-06-03,CIN,1,0\n"
    );
    assert_eq!(
        file("return_home_interviews.csv"),
        "child_id,missing_start_date,offered_date,accepted,completed_date\n\
         C1,2025-02-01,2025-02-03,0,\n\
         C2,2024-12-31,2025-01-02,1,2025-01-03\n\
         C2,2025-03-01,,,\n"
    );
    assert_eq!(
        file("contacts.csv"),
        "child_id,contact_date,source,led_to_referral\n\
         C1,2025-01-03,,0\n\
         C2,2024-02-29,5D,1\n"
    );
    assert_eq!(
        file("strategy_discussions.csv"),
        "child_id,strategy_discussion_date,s47_start_date\n\
         C1,2024-12-24,\n\
         C1,2025-01-06,2025-01-07\n"
    );
    assert_eq!(
        file("supervisions.csv"),
        "worker_id,child_id,supervision_date\nW0,C1,2025-02-03\n"
    );
    assert_eq!(
        file("chronology.csv"),
        "child_id,event_date,recorded_date,event\n\
         C1,2025-01-20,2025-01-22,\"Visit, \"\"seen alone\"\"\"\n"
    );
}

#[test]
fn an_empty_extract_writes_header_rows() {
    let dir = tempfile::tempdir().unwrap();
    extract::write_dir(dir.path(), &Extract::default()).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("workers.csv")).unwrap(),
        "worker_id,team_id,role,start_date,end_date,agency\n"
    );
    let read = extract::read_dir(dir.path()).unwrap();
    assert_eq!((read.data, read.problems), (Extract::default(), vec![]));
}

#[test]
fn identify_names_the_file() {
    assert_eq!(
        extract::identify(&["team_id", "name", "service", "family_safeguarding"]),
        Some("teams")
    );
    assert_eq!(
        extract::identify(&[
            "child_id",
            "team_id",
            "start_date",
            "end_date",
            "domestic_abuse",
            "mental_health",
            "substance_use"
        ]),
        Some("family_safeguarding")
    );
    assert_eq!(
        extract::identify(&["worker_id", "child_id", "supervision_date"]),
        Some("supervisions")
    );
    assert_eq!(
        extract::identify(&["child_id", "worker_id", "visit_date", "visit_kind"]),
        Some("visits")
    );
    assert_eq!(extract::identify(&["CHILD", "DECOM"]), None);
}
