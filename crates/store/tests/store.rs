//! The store's behaviour: round trips, idempotent loads, merging, transactions, lineage.

mod common;

use common::*;
use model::*;
use store::{LoadBatch, LoadOutcome, ReturnKind, SourceFile, Store, StoreError};

both! {
    async fn every_field_and_code_round_trips(db) {
        let input = full_dataset();
        let outcome = db
            .store
            .load(batch("full.xml", input.clone()))
            .await
            .unwrap();
        let LoadOutcome::Loaded { load_id, rows, .. } = outcome else {
            panic!("not loaded: {outcome:?}")
        };
        assert_eq!(load_id, 1);
        assert_eq!(rows, store::row_counts(&normalised(input.clone())));
        let stored = db.store.dataset().await.unwrap();
        assert_eq!(stored, normalised(input));
        // The 2026-27 pre-proceedings block is kept with its referral, item by item.
        let blocks: Vec<&PreProceedings> = stored
            .children
            .iter()
            .flat_map(|c| &c.referrals)
            .filter_map(|r| r.pre_proceedings.as_ref())
            .collect();
        assert_eq!(blocks.len(), longest_code_set());
        let first = blocks
            .iter()
            .find(|p| p.outcome.as_deref() == Some("A'é\"0"))
            .unwrap();
        assert_eq!(first.review_meetings, Some(u32::MAX));
        assert_eq!(first.fgdm_offered, Some(true));
        assert_eq!(first.court_application_date, None);
        assert_eq!(first.letter_init_cp_date, Some(d(2024, 10, 15)));
    }
}

both! {
    async fn batching_holds_across_statement_and_page_boundaries(db) {
    // More records than one INSERT takes (1,000), and more than one read page (5,000).
    let input = Dataset {
        children: (0..5_600).map(full_child).collect(),
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
        children: (0..6_000)
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
}

both! {
    async fn the_same_batch_twice_changes_nothing(db) {
        let first = db
            .store
            .load(batch("full.xml", full_dataset()))
            .await
            .unwrap();
        assert!(matches!(first, LoadOutcome::Loaded { .. }));
        let data = db.store.dataset().await.unwrap();
        let counts = db.store.fingerprint().await.unwrap();
        let loads = db.store.loads().await.unwrap();

        let again = db
            .store
            .load(batch("full.xml", full_dataset()))
            .await
            .unwrap();
        assert_eq!(again, LoadOutcome::AlreadyLoaded);
        assert_eq!(db.store.dataset().await.unwrap(), data);
        assert_eq!(db.store.fingerprint().await.unwrap(), counts);
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
}

both! {
    async fn a_newer_batch_corrects_a_referral_and_leaves_the_rest(db) {
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
}

fn full_dataset_normalised() -> Dataset {
    normalised(full_dataset())
}

both! {
    async fn workforce_records_are_replaced_on_their_keys(db) {
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
            // A correction (the contact did not lead to a referral) and a new visit.
            contacts: vec![Contact {
                child: ChildId::from("C00001"),
                date: d(2024, 2, 29),
                source: None,
                led_to_referral: false,
            }],
            visits: vec![Visit {
                child: ChildId::from("C00001"),
                worker: "SW00002".into(),
                date: d(2024, 5, 16),
                kind: VisitKind::ChildProtection,
                seen: true,
                seen_alone: false,
            }],
            population: vec![PopulationEstimate {
                area: "E06000099".into(),
                year: 2024,
                children_0_17: 41_300,
                vintage: "revised".into(),
            }],
            ..Dataset::default()
        };
        db.store
            .load(batch("staff-2.csv", newer.clone()))
            .await
            .unwrap();
        let mut expected = normalised(first);
        expected.merge(newer);
        let stored = db.store.dataset().await.unwrap();
        assert_eq!(stored, expected);
        // Replaced on its key, the others kept.
        assert_eq!(stored.contacts.len(), 2);
        assert!(!stored.contacts[0].led_to_referral);
        assert_eq!(stored.visits.len(), 4);
        assert_eq!(stored.population.len(), 1);
        assert_eq!(stored.population[0].children_0_17, 41_300);
    }
}

// The Family Safeguarding partnership data set: its figures read back as loaded, a copy of the
// same file changes nothing, and a newer file corrects a figure on its family, measure and month.
both! {
    async fn partner_figures_round_trip_and_merge_on_their_keys(db) {
        let fig = |child: &str, measure, month: &str, value| PartnerFigure {
            child: ChildId::from(child),
            measure,
            month: month.parse().unwrap(),
            value,
        };
        let police = PartnerMeasure::PoliceDomesticAbuseCallOuts;
        let school = PartnerMeasure::SchoolAttendance;
        let figures = Dataset {
            partner_figures: vec![
                fig("F2", police, "2025-01", 3.0),
                fig("F1", school, "2024-11", 92.5),
                fig("F1", police, "2024-12", 1.0),
            ],
            ..Dataset::default()
        };
        let partnership = |name: &str, dataset: Dataset| LoadBatch {
            files: vec![SourceFile::from_bytes(
                name,
                name.as_bytes(),
                ReturnKind::Partnership,
                None,
            )],
            dataset,
            loaded_by: "tester".into(),
            assurance: None,
        };
        let LoadOutcome::Loaded { rows, .. } = db
            .store
            .load(partnership("partnership.csv", figures.clone()))
            .await
            .unwrap()
        else {
            panic!("not loaded")
        };
        assert_eq!(
            rows.last(),
            Some(&(store::PARTNER_FIGURES.to_owned(), 3)),
            "{rows:?}"
        );
        assert!(rows[..rows.len() - 1].iter().all(|(_, n)| *n == 0));
        let stored = db.store.dataset().await.unwrap();
        assert_eq!(
            stored.partner_figures,
            [
                fig("F1", police, "2024-12", 1.0),
                fig("F1", school, "2024-11", 92.5),
                fig("F2", police, "2025-01", 3.0),
            ]
        );
        assert_eq!(stored, normalised(figures.clone()));
        let loads = db.store.loads().await.unwrap();
        assert_eq!(loads[0].files[0].kind, ReturnKind::Partnership);
        assert_eq!(loads[0].rows, rows);

        // The same figures again, as the same file or a copy: nothing changes in the data.
        let fingerprint = db.store.fingerprint().await.unwrap();
        assert_eq!(
            db.store
                .load(partnership("partnership.csv", figures.clone()))
                .await
                .unwrap(),
            LoadOutcome::AlreadyLoaded
        );
        assert_eq!(db.store.fingerprint().await.unwrap(), fingerprint);
        db.store
            .load(partnership("partnership-copy.csv", figures))
            .await
            .unwrap();
        assert_eq!(db.store.dataset().await.unwrap(), stored);

        // A correction for F1's December call-outs and a new month; the rest are kept.
        db.store
            .load(partnership(
                "partnership-2.csv",
                Dataset {
                    partner_figures: vec![
                        fig("F1", police, "2024-12", 0.0),
                        fig("F1", police, "2025-01", 2.0),
                    ],
                    ..Dataset::default()
                },
            ))
            .await
            .unwrap();
        let now = db.store.dataset().await.unwrap().partner_figures;
        assert_eq!(
            now,
            [
                fig("F1", police, "2024-12", 0.0),
                fig("F1", police, "2025-01", 2.0),
                fig("F1", school, "2024-11", 92.5),
                fig("F2", police, "2025-01", 3.0),
            ]
        );
        // The data as at the first load still has the figure as first given.
        let first = db.store.dataset_as_at(store::AsAt::Load(1)).await.unwrap();
        assert_eq!(first.dataset.partner_figures, stored.partner_figures);

        // Two figures for one family, measure and month in one load are refused.
        let twice = Dataset {
            partner_figures: vec![
                fig("F3", police, "2024-12", 1.0),
                fig("F3", police, "2024-12", 2.0),
            ],
            ..Dataset::default()
        };
        let err = db
            .store
            .load(partnership("twice.csv", twice))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("partner_figures.child_id, partner_figures.measure, partner_figures.month"),
            "{err}"
        );
    }
}

// A batch that breaks a key (two referrals of one child on one date) is refused whole and
// leaves the store exactly as it was.
both! {
    async fn a_failed_load_changes_nothing(db) {
        db.store
            .load(batch("first.xml", full_dataset()))
            .await
            .unwrap();
        let data = db.store.dataset().await.unwrap();
        let counts = db.store.fingerprint().await.unwrap();
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
        assert!(message.contains(&db.url), "names the database: {message}");
        assert!(!message.contains("C00"), "names no child: {message}");

        assert_eq!(db.store.dataset().await.unwrap(), data);
        assert_eq!(db.store.fingerprint().await.unwrap(), counts);
        assert_eq!(db.store.loads().await.unwrap(), loads);

        // And the file was not recorded as loaded: fixed, it loads.
        let good = Dataset {
            children: (100..300).map(full_child).collect(),
            ..Dataset::default()
        };
        let outcome = db.store.load(batch("bad.xml", good)).await.unwrap();
        assert!(matches!(outcome, LoadOutcome::Loaded { .. }));
    }
}

// A failure in the very last statement of a load (forced with a trigger) rolls back the lineage
// and every record written before it.
both! {
    async fn a_failure_at_the_last_step_rolls_back_everything(db) {
        db.store
            .load(batch("first.xml", full_dataset()))
            .await
            .unwrap();
        let data = db.store.dataset().await.unwrap();
        let counts = db.store.fingerprint().await.unwrap();

        // The last statement of a load writes the new versions; fail it on the last record.
        db.exec(
            "CREATE TRIGGER fail_late BEFORE INSERT ON records \
             WHEN NEW.doc LIKE '%BOOM%' BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
            "CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$ \
             BEGIN IF NEW.doc LIKE '%BOOM%' THEN RAISE EXCEPTION 'forced failure'; END IF; \
             RETURN NEW; END $$; \
             CREATE TRIGGER fail_late BEFORE INSERT ON records \
             FOR EACH ROW EXECUTE FUNCTION fail_late();",
        )
        .await;

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
        assert_eq!(db.store.fingerprint().await.unwrap(), counts);
    }
}

both! {
    async fn reopening_keeps_the_data_and_lineage(db) {
        db.store
            .load(batch("full.xml", full_dataset()))
            .await
            .unwrap();
        let data = db.store.dataset().await.unwrap();
        let loads = db.store.loads().await.unwrap();
        db.store.close().await;
        drop(db.store);

        let addresses = match db.backend {
            Backend::Sqlite => vec![db.url.clone(), format!("sqlite://{}", db.url)],
            Backend::Postgres => vec![db.url.clone()],
        };
        for address in addresses {
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
}

both! {
    async fn loads_record_lineage(db) {
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
                assurance: None,
            })
            .await
            .unwrap();
        let LoadOutcome::Loaded { load_id, rows, .. } = outcome else {
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
                assurance: None,
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
        assert_eq!(loads[0].loaded_at.len(), "2026-05-07T09:30:00.123456Z".len());
        assert!(jiff::Timestamp::from_str_checked(&loads[0].loaded_at));
        assert_eq!(loads[1].files, [extract]);
        assert!(loads[1].rows.iter().all(|(_, n)| *n == 0));
    }
}

trait Checked {
    fn from_str_checked(s: &str) -> bool;
}
impl Checked for jiff::Timestamp {
    fn from_str_checked(s: &str) -> bool {
        s.parse::<jiff::Timestamp>().is_ok()
    }
}

both! {
    async fn a_load_needs_files(db) {
        let err = db
            .store
            .load(LoadBatch {
                files: vec![],
                dataset: full_dataset(),
                loaded_by: "x".into(),
                assurance: None,
            })
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NoFiles { .. }), "{err:?}");
        assert_eq!(db.store.dataset().await.unwrap(), Dataset::default());
    }
}

#[tokio::test]
async fn opens_memory_urls_and_refuses_other_databases() {
    let store = Store::open("sqlite::memory:").await.unwrap();
    store.load(batch("a.xml", full_dataset())).await.unwrap();
    assert_eq!(store.dataset().await.unwrap(), full_dataset_normalised());

    let err = Store::open("mysql://harbour:s3cret@db/harbour")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Unsupported { .. }), "{err:?}");
    assert!(!err.to_string().contains("s3cret"), "{err}");

    // A PostgreSQL server that is not there: an error naming it, without the password.
    let err = Store::open("postgres://harbour:s3cret@127.0.0.1:1/harbour")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    let message = format!("{err:#}");
    assert!(
        message.contains("postgres://harbour:***@127.0.0.1:1/harbour"),
        "{message}"
    );
    assert!(!message.contains("s3cret"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/harbour.db");
    let err = Store::open(missing.to_str().unwrap()).await.unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(err.to_string().contains("no/such/dir/harbour.db"), "{err}");
}

both! {
    async fn concurrent_loads_serialise(db) {
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
}

both! {
    async fn unreadable_stored_values_are_reported_by_table_and_column(db) {
        db.store
            .load(batch("full.xml", full_dataset()))
            .await
            .unwrap();
        let sql = "UPDATE records SET doc = replace(doc, '\"sex\":\"', '\"sex\":\"ZZ9') \
                   WHERE kind = 'child' AND key = 'C00007'";
        db.exec(sql, sql).await;
        let err = db.store.dataset().await.unwrap_err();
        let StoreError::Corrupt { table, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*table, *column), ("records", "doc"));
        let message = err.to_string();
        assert!(
            !message.contains("ZZ9") && !message.contains("C00007"),
            "{message}"
        );
    }
}

both! {
    async fn repeated_keys_within_a_batch_fail_the_load(db) {
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
}
