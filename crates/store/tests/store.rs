//! The store's behaviour: round trips, idempotent loads, merging, transactions, lineage.

mod common;

use common::*;
use model::*;
use store::{LoadBatch, LoadOutcome, ReturnKind, SourceFile, Store, StoreError};

#[tokio::test]
async fn every_field_and_code_round_trips() {
    let db = fresh().await;
    let input = full_dataset();
    let outcome = db
        .store
        .load(batch("full.xml", input.clone()))
        .await
        .unwrap();
    let LoadOutcome::Loaded { load_id, rows } = outcome else {
        panic!("not loaded: {outcome:?}")
    };
    assert_eq!(load_id, 1);
    assert_eq!(rows, store::row_counts(&normalised(input.clone())));
    let stored = db.store.dataset().await.unwrap();
    assert_eq!(stored, normalised(input));
}

#[tokio::test]
async fn batching_holds_across_statement_and_page_boundaries() {
    // More rows per table than one INSERT takes (1,000), and more children than one read page
    // (1,000 in debug builds).
    let db = fresh().await;
    let input = Dataset {
        children: (0..2_600).map(full_child).collect(),
        ..Dataset::default()
    };
    db.store
        .load(batch("big.xml", input.clone()))
        .await
        .unwrap();
    let mut expected = normalised(input);
    assert_eq!(db.store.dataset().await.unwrap(), expected);

    // A newer file touching every other child (stored children read back over several pages),
    // half of them with a change, plus new children.
    let newer = Dataset {
        children: (0..3_000)
            .step_by(2)
            .map(|i| {
                let mut c = full_child(i);
                if i % 4 == 0 {
                    c.referrals[0].closure_date = None;
                    c.cla_episodes[0].placement = None;
                }
                c
            })
            .collect(),
        ..Dataset::default()
    };
    db.store
        .load(batch("newer.xml", newer.clone()))
        .await
        .unwrap();
    expected.merge(newer);
    assert_eq!(db.store.dataset().await.unwrap(), expected);
}

#[tokio::test]
async fn the_same_batch_twice_changes_nothing() {
    let db = fresh().await;
    let first = db
        .store
        .load(batch("full.xml", full_dataset()))
        .await
        .unwrap();
    assert!(matches!(first, LoadOutcome::Loaded { .. }));
    let data = db.store.dataset().await.unwrap();
    let counts = table_counts(&db.path).await;
    let loads = db.store.loads().await.unwrap();

    let again = db
        .store
        .load(batch("full.xml", full_dataset()))
        .await
        .unwrap();
    assert_eq!(again, LoadOutcome::AlreadyLoaded);
    assert_eq!(db.store.dataset().await.unwrap(), data);
    assert_eq!(table_counts(&db.path).await, counts);
    assert_eq!(db.store.loads().await.unwrap(), loads);

    // The same facts under another file name and hash are a new load, but merge to the same data.
    let renamed = db
        .store
        .load(batch("full-copy.xml", full_dataset()))
        .await
        .unwrap();
    assert!(matches!(renamed, LoadOutcome::Loaded { load_id: 2, .. }));
    assert_eq!(db.store.dataset().await.unwrap(), data);
}

#[tokio::test]
async fn a_newer_batch_corrects_a_referral_and_leaves_the_rest() {
    let db = fresh().await;
    let first = full_dataset();
    db.store
        .load(batch("2025.xml", first.clone()))
        .await
        .unwrap();

    // The newer return has child C00003's 2024-05-01 referral closed differently, with no
    // assessments, and a new referral; it says nothing of other children or other records.
    let id = ChildId::from("C00003");
    let corrected = Referral {
        referral_date: d(2024, 5, 1),
        closure_date: Some(d(2024, 7, 15)),
        reason_for_closure: Some(codes::ReasonForClosure::RC8),
        ..Referral::default()
    };
    let added = Referral {
        referral_date: d(2025, 2, 1),
        ..Referral::default()
    };
    let newer = Dataset {
        children: vec![Child {
            id: id.clone(),
            referrals: vec![corrected.clone(), added.clone()],
            sex: Some(codes::Sex::F),
            ..Child::default()
        }],
        ..Dataset::default()
    };
    db.store
        .load(batch("2026.xml", newer.clone()))
        .await
        .unwrap();

    let stored = db.store.dataset().await.unwrap();
    let mut expected = normalised(first);
    expected.merge(newer);
    assert_eq!(stored, expected);

    let child = stored.child(&id).unwrap();
    let dates: Vec<_> = child.referrals.iter().map(|r| r.referral_date).collect();
    assert_eq!(dates, [d(2022, 1, 9), d(2024, 5, 1), d(2025, 2, 1)]);
    assert_eq!(
        child.referrals[1], corrected,
        "replaced whole, with its assessments and plans"
    );
    assert_eq!(child.sex, Some(codes::Sex::F));
    assert!(
        child.upn.is_some(),
        "fields the newer source lacks are kept"
    );
    assert!(!child.cla_episodes.is_empty());
    let untouched = ChildId::from("C00004");
    assert_eq!(
        stored.child(&untouched),
        full_dataset_normalised().child(&untouched)
    );
}

fn full_dataset_normalised() -> Dataset {
    normalised(full_dataset())
}

#[tokio::test]
async fn workforce_records_are_replaced_on_their_keys() {
    let db = fresh().await;
    let first = full_dataset();
    db.store
        .load(batch("staff-1.csv", first.clone()))
        .await
        .unwrap();
    let newer = Dataset {
        teams: vec![Team {
            id: "T1".into(),
            name: "Renamed".into(),
            ..Team::default()
        }],
        workers: vec![Worker {
            id: "NEW".into(),
            team: "T2".into(),
            ..Worker::default()
        }],
        allocations: vec![CaseAllocation {
            child: ChildId::from("C00001"),
            worker: "SW00001".into(),
            team: "T2".into(),
            start: d(2024, 5, 1),
            end: None,
        }],
        family_safeguarding: vec![FamilySafeguardingInvolvement {
            child: ChildId::from("C00002"),
            team: "T2".into(),
            start: d(2024, 6, 1),
            end: Some(d(2025, 1, 1)),
            ..FamilySafeguardingInvolvement::default()
        }],
        ..Dataset::default()
    };
    db.store
        .load(batch("staff-2.csv", newer.clone()))
        .await
        .unwrap();
    let mut expected = normalised(first);
    expected.merge(newer);
    assert_eq!(db.store.dataset().await.unwrap(), expected);
}

/// A batch that breaks a key halfway through the load (after the children, lineage and earlier
/// tables are written) leaves the store exactly as it was.
#[tokio::test]
async fn a_failed_load_changes_nothing() {
    let db = fresh().await;
    db.store
        .load(batch("first.xml", full_dataset()))
        .await
        .unwrap();
    let data = db.store.dataset().await.unwrap();
    let counts = table_counts(&db.path).await;
    let loads = db.store.loads().await.unwrap();

    // Many new children, a change to a stored one, and one child with two referrals on one date.
    let mut children: Vec<Child> = (100..300).map(full_child).collect();
    children.push(Child {
        id: ChildId::from("C00001"),
        upn: Some("CHANGED".into()),
        ..Child::default()
    });
    children[150].referrals.push(Referral {
        referral_date: d(2024, 5, 1),
        ..Referral::default()
    });
    let bad = Dataset {
        children,
        ..full_dataset()
    };
    let err = db.store.load(batch("bad.xml", bad)).await.unwrap_err();
    let StoreError::Constraint { constraint, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        constraint.contains("referrals.referral_date"),
        "{constraint}"
    );
    let message = err.to_string();
    assert!(message.contains(&db.path), "names the database: {message}");
    assert!(!message.contains("C00"), "names no child: {message}");

    assert_eq!(db.store.dataset().await.unwrap(), data);
    assert_eq!(table_counts(&db.path).await, counts);
    assert_eq!(db.store.loads().await.unwrap(), loads);

    // And the file was not recorded as loaded: fixed, it loads.
    let good = Dataset {
        children: (100..300).map(full_child).collect(),
        ..Dataset::default()
    };
    let outcome = db.store.load(batch("bad.xml", good)).await.unwrap();
    assert!(matches!(outcome, LoadOutcome::Loaded { .. }));
}

/// A failure in the very last statement of a load (forced with a trigger) rolls back the lineage
/// and every table written before it.
#[tokio::test]
async fn a_failure_at_the_last_step_rolls_back_everything() {
    use sqlx::Connection;
    let db = fresh().await;
    db.store
        .load(batch("first.xml", full_dataset()))
        .await
        .unwrap();
    let data = db.store.dataset().await.unwrap();
    let counts = table_counts(&db.path).await;

    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.path))
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER fail_late BEFORE INSERT ON family_safeguarding \
         WHEN NEW.team_id = 'BOOM' BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
    )
    .execute(&mut conn)
    .await
    .unwrap();
    conn.close().await.unwrap();

    let mut bad = Dataset {
        children: (100..200).map(full_child).collect(),
        ..full_dataset()
    };
    bad.children.push(Child {
        id: ChildId::from("C00001"),
        upn: Some("CHANGED".into()),
        ..Child::default()
    });
    bad.family_safeguarding[0].team = "BOOM".into();
    let err = db.store.load(batch("late.xml", bad)).await.unwrap_err();
    assert!(matches!(err, StoreError::Database { .. }), "{err:?}");

    assert_eq!(db.store.dataset().await.unwrap(), data);
    assert_eq!(table_counts(&db.path).await, counts);
}

#[tokio::test]
async fn reopening_keeps_the_data_and_lineage() {
    let db = fresh().await;
    db.store
        .load(batch("full.xml", full_dataset()))
        .await
        .unwrap();
    let data = db.store.dataset().await.unwrap();
    let loads = db.store.loads().await.unwrap();
    db.store.close().await;
    drop(db.store);

    for address in [db.path.clone(), format!("sqlite://{}", db.path)] {
        let store = Store::open(&address).await.unwrap();
        assert_eq!(store.dataset().await.unwrap(), data);
        assert_eq!(store.loads().await.unwrap(), loads);
        assert_eq!(
            store.load(batch("full.xml", full_dataset())).await.unwrap(),
            LoadOutcome::AlreadyLoaded
        );
        store.close().await;
    }
}

#[tokio::test]
async fn loads_record_lineage() {
    let db = fresh().await;
    let cin = SourceFile::from_bytes("cin.xml", b"<Message/>", ReturnKind::CinCensus, Some(2026));
    let ssda = SourceFile::from_bytes(
        "episodes.csv",
        b"CHILD,DECOM",
        ReturnKind::Ssda903,
        Some(2026),
    );
    let extract = SourceFile::from_bytes("staff.csv", b"id,team", ReturnKind::Extract, None);
    let input = full_dataset();
    let outcome = db
        .store
        .load(LoadBatch {
            files: vec![cin.clone(), ssda.clone(), cin.clone()],
            dataset: input.clone(),
            loaded_by: "analyst@council".into(),
        })
        .await
        .unwrap();
    let LoadOutcome::Loaded { load_id, rows } = outcome else {
        panic!()
    };
    let referrals = rows.iter().find(|(t, _)| t == "referrals").unwrap().1;
    assert_eq!(
        referrals,
        input
            .children
            .iter()
            .map(|c| c.referrals.len() as u64)
            .sum::<u64>()
    );

    // A batch with one known and one new file loads, and records only the new file.
    let second = db
        .store
        .load(LoadBatch {
            files: vec![cin.clone(), extract.clone()],
            dataset: Dataset::default(),
            loaded_by: "etl".into(),
        })
        .await
        .unwrap();
    assert!(matches!(second, LoadOutcome::Loaded { load_id: 2, .. }));

    let loads = db.store.loads().await.unwrap();
    assert_eq!(loads.len(), 2);
    assert_eq!(loads[0].load_id, load_id);
    assert_eq!(loads[0].loaded_by, "analyst@council");
    assert_eq!(
        loads[0].files,
        [cin, ssda],
        "a file repeated in one batch is recorded once"
    );
    assert_eq!(loads[0].rows, rows);
    assert_eq!(loads[0].loaded_at.len(), "2026-05-07T09:30:00Z".len());
    assert!(jiff::Timestamp::from_str_checked(&loads[0].loaded_at));
    assert_eq!(loads[1].files, [extract]);
    assert!(loads[1].rows.iter().all(|(_, n)| *n == 0));
}

trait Checked {
    fn from_str_checked(s: &str) -> bool;
}
impl Checked for jiff::Timestamp {
    fn from_str_checked(s: &str) -> bool {
        s.parse::<jiff::Timestamp>().is_ok()
    }
}

#[tokio::test]
async fn a_load_needs_files() {
    let db = fresh().await;
    let err = db
        .store
        .load(LoadBatch {
            files: vec![],
            dataset: full_dataset(),
            loaded_by: "x".into(),
        })
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::NoFiles { .. }), "{err:?}");
    assert_eq!(db.store.dataset().await.unwrap(), Dataset::default());
}

#[tokio::test]
async fn opens_memory_urls_and_refuses_other_databases() {
    let store = Store::open("sqlite::memory:").await.unwrap();
    store.load(batch("a.xml", full_dataset())).await.unwrap();
    assert_eq!(store.dataset().await.unwrap(), full_dataset_normalised());

    let err = Store::open("postgres://harbour:s3cret@db/harbour")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Unsupported { .. }), "{err:?}");
    assert!(!err.to_string().contains("s3cret"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/harbour.db");
    let err = Store::open(missing.to_str().unwrap()).await.unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains("no/such/dir/harbour.db"), "{err}");
}

#[tokio::test]
async fn concurrent_loads_serialise() {
    let db = fresh().await;
    let mut tasks = Vec::new();
    for k in 0..4usize {
        let store = db.store.clone();
        tasks.push(tokio::spawn(async move {
            let children = (k * 100..k * 100 + 100).map(full_child).collect();
            store
                .load(batch(
                    &format!("part-{k}.xml"),
                    Dataset {
                        children,
                        ..Dataset::default()
                    },
                ))
                .await
        }));
    }
    for t in tasks {
        assert!(matches!(
            t.await.unwrap().unwrap(),
            LoadOutcome::Loaded { .. }
        ));
    }
    let expected = Dataset {
        children: (0..400).map(full_child).collect(),
        ..Dataset::default()
    };
    assert_eq!(db.store.dataset().await.unwrap(), normalised(expected));
    assert_eq!(db.store.loads().await.unwrap().len(), 4);
}

#[tokio::test]
async fn unreadable_stored_values_are_reported_by_table_and_column() {
    use sqlx::Connection;
    let db = fresh().await;
    db.store
        .load(batch("full.xml", full_dataset()))
        .await
        .unwrap();
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.path))
        .await
        .unwrap();
    sqlx::query("UPDATE cla_episodes SET placement = 'ZZ9' WHERE child_id = 'C00007'")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let err = db.store.dataset().await.unwrap_err();
    let StoreError::Corrupt { table, column, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!((*table, *column), ("cla_episodes", "placement"));
    let message = err.to_string();
    assert!(
        !message.contains("ZZ9") && !message.contains("C00007"),
        "{message}"
    );
}

#[tokio::test]
async fn repeated_keys_within_a_batch_fail_the_load() {
    let db = fresh().await;
    let mut ds = full_dataset();
    ds.teams.push(ds.teams[0].clone());
    let err = db.store.load(batch("dup.csv", ds)).await.unwrap_err();
    let StoreError::Constraint { constraint, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(constraint.contains("teams.team_id"), "{constraint}");
    assert_eq!(db.store.dataset().await.unwrap(), Dataset::default());
    assert!(db.store.loads().await.unwrap().is_empty());
}
