//! Assurance records: versioned edits with who and when, idempotence, logged child-level reads,
//! and a database that refuses to rewrite history. Each test runs on both backends.

mod common;

use assurance::*;
use common::*;
use model::ChildId;
use std::collections::BTreeMap;
use store::{AssuranceEdit, AssuranceKind, Channel, EditOutcome, EditSource, Reader, StoreError};

fn cycle() -> Cycle {
    Cycle {
        id: "Q3".into(),
        name: "July to November 2024".into(),
        start: d(2024, 7, 1),
        end: d(2024, 11, 30),
    }
}

fn audit(id: &str, child: &str) -> Audit {
    Audit {
        id: id.into(),
        cycle: "Q3".into(),
        kind: AuditKind::Full,
        child: ChildId::from(child),
        team: "FST1".into(),
        plan_type: PlanType::Cp,
        worker: "W1".into(),
        auditor: Some("QA1".into()),
        allocated_on: Some(d(2024, 7, 2)),
        due_on: Some(d(2024, 11, 30)),
        completed_on: None,
        overall: None,
        domains: BTreeMap::new(),
        good_practice: Vec::new(),
        development: Vec::new(),
        findings: String::new(),
        follows: None,
        moderation: None,
    }
}

fn data() -> AssuranceData {
    AssuranceData {
        cycles: vec![cycle()],
        audits: vec![audit("A1", "C1"), audit("A2", "C2")],
        posts: vec![Post {
            id: "P1".into(),
            team: "FST1".into(),
            role: model::WorkerRole::MentalHealthWorker,
            spells: vec![PostSpell {
                from: d(2024, 4, 1),
                to: None,
                worker: None,
                agency: false,
            }],
        }],
        feedback: vec![Feedback {
            id: "F1".into(),
            date: d(2024, 12, 14),
            source: FeedbackSource::Parent,
            team: "FST2".into(),
            sentiment: Sentiment::Positive,
            themes: vec![Tag::parse("listened-to").unwrap()],
            summary: "Felt listened to".into(),
        }],
        ..AssuranceData::default()
    }
}

fn edit(actor: &str, data: AssuranceData) -> AssuranceEdit {
    AssuranceEdit {
        actor: actor.into(),
        channel: Channel::Cli,
        action: "harbour audit import".into(),
        source: Some(EditSource {
            name: "audits.csv".into(),
            sha256: "a".repeat(64),
        }),
        data,
    }
}

fn reader() -> Reader {
    Reader {
        actor: "qa.lead".into(),
        channel: Channel::Cli,
        action: "harbour audit summary".into(),
    }
}

both! {
    async fn edits_are_versioned_with_who_and_when(db) {
        let store = &db.store;
        assert_eq!(store.assurance_revision().await.unwrap(), 0, "no change yet");
        let first = store.edit_assurance(edit("alice", data())).await.unwrap();
        assert_eq!(store.assurance_revision().await.unwrap(), 1);
        let EditOutcome::Changed { change_id, records } = first else { panic!("{first:?}") };
        assert_eq!(change_id, 1);
        assert_eq!(
            records,
            BTreeMap::from([
                (AssuranceKind::Cycle, 1),
                (AssuranceKind::Audit, 2),
                (AssuranceKind::Post, 1),
                (AssuranceKind::Feedback, 1),
            ])
        );
        // The same records again: nothing recorded, nothing changed.
        let before = store.fingerprint().await.unwrap();
        assert_eq!(store.edit_assurance(edit("alice", data())).await.unwrap(), EditOutcome::Unchanged);
        assert_eq!(store.fingerprint().await.unwrap(), before);
        assert_eq!(store.assurance_revision().await.unwrap(), 1, "an unchanged edit is no change");

        // Bob completes A1: only A1 gets a new version.
        let mut graded = audit("A1", "C1");
        graded.completed_on = Some(d(2024, 9, 2));
        graded.overall = Some(Grade::Good);
        let second = store
            .edit_assurance(edit("bob", AssuranceData { audits: vec![graded.clone(), audit("A2", "C2")], ..Default::default() }))
            .await
            .unwrap();
        assert_eq!(
            second,
            EditOutcome::Changed { change_id: 2, records: BTreeMap::from([(AssuranceKind::Audit, 1)]) }
        );
        assert_eq!(store.assurance_revision().await.unwrap(), 2);

        let read = store.read_assurance(&reader()).await.unwrap();
        let mut expected = data();
        expected.audits[0] = graded.clone();
        expected.normalise();
        assert_eq!(read, expected);

        let history = store.assurance_history(&reader(), AssuranceKind::Audit, "A1").await.unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!((history[0].actor.as_str(), history[0].superseded_by), ("alice", Some(2)));
        assert_eq!((history[1].actor.as_str(), history[1].superseded_by), ("bob", None));
        assert_eq!(history[0].record.audits[0].overall, None);
        assert_eq!(history[1].record.audits[0], graded);
        assert_eq!(history[1].source_name.as_deref(), Some("audits.csv"));
        assert!(history[0].at <= history[1].at);
    }
}

both! {
    async fn child_level_reads_are_logged_and_others_are_not(db) {
        let store = &db.store;
        store.edit_assurance(edit("alice", data())).await.unwrap();
        assert!(store.access_log(10).await.unwrap().is_empty());

        // Workforce and voice carry no child: no entry.
        let wv = store.read_workforce_and_voice().await.unwrap();
        assert_eq!((wv.audits.len(), wv.posts.len(), wv.feedback.len(), wv.cycles.len()), (0, 1, 1, 1));
        assert!(store.access_log(10).await.unwrap().is_empty());

        // Audits: one entry per child, naming the reader and command.
        store.read_assurance(&reader()).await.unwrap();
        let log = store.access_log(10).await.unwrap();
        let mut got: Vec<(String, String, Option<String>)> = log
            .iter()
            .map(|e| (e.entry.actor.clone(), e.entry.subject.clone(), e.entry.child_id.clone()))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("qa.lead".into(), "audit records of child C1".into(), Some("C1".into())),
                ("qa.lead".into(), "audit records of child C2".into(), Some("C2".into())),
            ]
        );
        assert!(log.iter().all(|e| e.entry.action == "harbour audit summary"));

        // Read for figures: one entry, naming no child.
        store
            .read_assurance_in_bulk(&reader(), store::AsAt::Latest, "for aggregate figures")
            .await
            .unwrap();
        let log = store.access_log(1).await.unwrap();
        assert_eq!(log[0].entry.subject, "audit records of 2 children, for aggregate figures");
        assert_eq!(log[0].entry.child_id, None);

        store.assurance_history(&reader(), AssuranceKind::Audit, "A2").await.unwrap();
        let log = store.access_log(1).await.unwrap();
        assert_eq!(log[0].entry.subject, "history of audit A2 of child C2");
        // A record with no child: its history is read without an entry.
        let n = store.access_log(100).await.unwrap().len();
        store.assurance_history(&reader(), AssuranceKind::Post, "P1").await.unwrap();
        assert_eq!(store.access_log(100).await.unwrap().len(), n);
    }
}

both! {
    async fn duplicate_ids_in_one_edit_are_refused_and_change_nothing(db) {
        let store = &db.store;
        let before = store.fingerprint().await.unwrap();
        let mut twice = data();
        twice.audits.push(audit("A1", "C9"));
        let err = store.edit_assurance(edit("alice", twice)).await.unwrap_err();
        assert!(
            matches!(&err, StoreError::Constraint { constraint, .. } if constraint == "two audit records share the id A1"),
            "{err}"
        );
        assert_eq!(store.fingerprint().await.unwrap(), before);
    }
}

both! {
    async fn the_database_refuses_to_rewrite_or_delete_versions(db) {
        db.store.edit_assurance(edit("alice", data())).await.unwrap();
        for sql in [
            "UPDATE assurance_records SET doc = '{}' WHERE key = 'A1'",
            "DELETE FROM assurance_records WHERE key = 'A1'",
            "UPDATE assurance_changes SET actor = 'mallory'",
            "DELETE FROM assurance_changes",
        ] {
            let err = db.try_exec(sql).await.unwrap_err();
            assert!(
                err.contains("assurance_records keeps every version") || err.contains("append-only"),
                "{sql}: {err}"
            );
        }
        // Marking a current version superseded is the one update allowed (the store does it).
        let fp = db.store.fingerprint().await.unwrap();
        assert_eq!(db.store.edit_assurance(edit("alice", data())).await.unwrap(), EditOutcome::Unchanged);
        assert_eq!(db.store.fingerprint().await.unwrap(), fp);
    }
}

both! {
    async fn assurance_records_are_read_as_at_a_load_or_a_moment(db) {
        let store = &db.store;
        let mut ds = model::Dataset::default();
        ds.children.push(full_child(1));
        store.load(batch("one.xml", ds.clone())).await.unwrap();
        store.edit_assurance(edit("alice", data())).await.unwrap();
        let after_first = jiff::Timestamp::now();
        let mut ds2 = model::Dataset::default();
        ds2.children.push(full_child(2));
        store.load(batch("two.xml", ds2)).await.unwrap();
        let mut graded = audit("A1", "C1");
        graded.overall = Some(Grade::Inadequate);
        graded.completed_on = Some(d(2024, 9, 2));
        store
            .edit_assurance(edit("bob", AssuranceData { audits: vec![graded], ..Default::default() }))
            .await
            .unwrap();
        let r = reader();
        let at = |a| store.read_assurance_as_at(&r, a);
        // After load 1: the edit made before load 2 began.
        let one = at(store::AsAt::Load(1)).await.unwrap();
        assert_eq!(one.audits[0].overall, None);
        assert_eq!(one.audits.len(), 2);
        // After load 2, the latest load: everything.
        let two = at(store::AsAt::Load(2)).await.unwrap();
        assert_eq!(two.audits[0].overall, Some(Grade::Inadequate));
        assert_eq!(at(store::AsAt::Time(after_first)).await.unwrap(), one);
        assert_eq!(at(store::AsAt::Latest).await.unwrap(), two);
        let before_anything = jiff::Timestamp::from_second(0).unwrap();
        assert!(at(store::AsAt::Time(before_anything)).await.unwrap().is_empty());
        assert!(matches!(
            at(store::AsAt::Load(9)).await.unwrap_err(),
            StoreError::NoSuchLoad { load_id: 9, .. }
        ));
    }
}

both! {
    async fn a_load_stores_its_returns_and_assurance_records_in_one_transaction(db) {
        let store = &db.store;
        let mut ds = model::Dataset::default();
        ds.children.push(full_child(1));
        let with = |name: &str, ds: &model::Dataset, data: AssuranceData| store::LoadBatch {
            assurance: Some(AssuranceEdit {
                action: "harbour load".into(),
                ..edit("loader", data)
            }),
            ..batch(name, ds.clone())
        };
        // Two audits with one id: refused before anything is written, returns included.
        let empty = store.fingerprint().await.unwrap();
        let mut twice = data();
        twice.audits.push(audit("A1", "C9"));
        let err = store.load(with("one.xml", &ds, twice)).await.unwrap_err();
        assert!(
            matches!(&err, StoreError::Constraint { constraint, .. }
                if constraint == "two audit records share the id A1"),
            "{err:?}"
        );
        assert_eq!(store.fingerprint().await.unwrap(), empty);
        assert!(store.loads().await.unwrap().is_empty());

        let outcome = store.load(with("one.xml", &ds, data())).await.unwrap();
        let store::LoadOutcome::Loaded { load_id: 1, assurance, .. } = outcome else {
            panic!("{outcome:?}");
        };
        // One cycle, two audits, one post, one piece of feedback: change 1.
        let expected = BTreeMap::from([
            (AssuranceKind::Cycle, 1),
            (AssuranceKind::Audit, 2),
            (AssuranceKind::Post, 1),
            (AssuranceKind::Feedback, 1),
        ]);
        assert_eq!(assurance, EditOutcome::Changed { change_id: 1, records: expected });
        // The change is made at the load's time, by its loader.
        let loaded_at = store.loads().await.unwrap()[0].loaded_at.clone();
        let history = store.assurance_history(&reader(), AssuranceKind::Audit, "A1").await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!((history[0].at.as_str(), history[0].actor.as_str()), (loaded_at.as_str(), "loader"));
        assert_eq!(history[0].action, "harbour load");

        // The same files again: nothing changes.
        let fp = store.fingerprint().await.unwrap();
        assert_eq!(
            store.load(with("one.xml", &ds, data())).await.unwrap(),
            store::LoadOutcome::AlreadyLoaded
        );
        assert_eq!(store.fingerprint().await.unwrap(), fp);

        // The same return with an audit graded since: only the assurance records change, with
        // no new load.
        let mut graded = data();
        graded.audits[1].overall = Some(Grade::Good);
        graded.audits[1].completed_on = Some(d(2024, 9, 3));
        assert_eq!(
            store.load(with("one.xml", &ds, graded.clone())).await.unwrap(),
            store::LoadOutcome::AssuranceOnly {
                change_id: 2,
                records: BTreeMap::from([(AssuranceKind::Audit, 1)]),
            }
        );
        assert_eq!(store.loads().await.unwrap().len(), 1);

        // A new return with the same assurance records: a load, and no assurance change.
        let mut ds2 = model::Dataset::default();
        ds2.children.push(full_child(2));
        let outcome = store.load(with("two.xml", &ds2, graded)).await.unwrap();
        assert!(
            matches!(outcome, store::LoadOutcome::Loaded { load_id: 2, assurance: EditOutcome::Unchanged, .. }),
            "{outcome:?}"
        );
        // As at load 1: the records load 1 brought and the grading made before load 2.
        let one = store.read_assurance_as_at(&reader(), store::AsAt::Load(1)).await.unwrap();
        assert_eq!(one.audits.len(), 2);
        assert_eq!(one.audits[1].overall, Some(Grade::Good));
        assert_eq!(one.audits[0].overall, None);
    }
}

both! {
    async fn reads_as_at_a_load_include_its_records_and_not_the_next_loads(db) {
        let store = &db.store;
        let load = |name: &str, data: AssuranceData| store::LoadBatch {
            assurance: Some(edit("loader", data)),
            ..batch(name, model::Dataset { children: vec![full_child(1)], ..Default::default() })
        };
        store.load(load("one.xml", data())).await.unwrap();
        let mut graded = audit("A1", "C1");
        graded.overall = Some(Grade::Inadequate);
        graded.completed_on = Some(d(2024, 9, 2));
        let next = AssuranceData { audits: vec![graded], ..Default::default() };
        let outcome = store.load(load("two.xml", next)).await.unwrap();
        assert!(matches!(outcome, store::LoadOutcome::Loaded { load_id: 2, .. }), "{outcome:?}");
        let r = reader();
        let at = |n| store.read_assurance_as_at(&r, store::AsAt::Load(n));
        let one = at(1).await.unwrap();
        assert_eq!(one.audits.len(), 2);
        assert_eq!(one.audits[0].overall, None, "load 2's grading is not in load 1");
        assert_eq!(at(2).await.unwrap().audits[0].overall, Some(Grade::Inadequate));
        // As at the moment of load 1: the same as at load 1.
        let first: jiff::Timestamp = store.loads().await.unwrap()[0].loaded_at.parse().unwrap();
        assert_eq!(
            store.read_assurance_as_at(&reader(), store::AsAt::Time(first)).await.unwrap(),
            one
        );
    }
}
