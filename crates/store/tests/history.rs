//! History and the access log, on both backends: the data as at any load or moment, every
//! version of a child, and an access log the database keeps append-only.

mod common;

use common::*;
use model::*;
use store::{AccessEntry, AsAt, Channel, LoadOutcome, StoreError};

fn child_with_upn(id: &str, upn: &str) -> Child {
    Child {
        id: ChildId::from(id),
        upn: Some(upn.into()),
        ..Child::default()
    }
}

fn children(list: Vec<Child>) -> Dataset {
    Dataset {
        children: list,
        ..Dataset::default()
    }
}

both! {
    async fn every_load_can_be_read_back_as_it_stood(db) {
        // Load 1: A and B. Load 2 corrects A and adds C. Load 3 changes nothing it mentions.
        let one = children(vec![child_with_upn("A", "A1"), child_with_upn("B", "B1")]);
        let two = children(vec![child_with_upn("A", "A2"), child_with_upn("C", "C1")]);
        let three = children(vec![child_with_upn("B", "B1")]);
        for (name, ds) in [("one", &one), ("two", &two), ("three", &three)] {
            let outcome = db.store.load(batch(name, ds.clone())).await.unwrap();
            assert!(matches!(outcome, LoadOutcome::Loaded { .. }), "{outcome:?}");
        }
        let mut after_two = normalised(one.clone());
        after_two.merge(two.clone());

        let at = |n| db.store.dataset_as_at(AsAt::Load(n));
        assert_eq!(at(1).await.unwrap().dataset, normalised(one.clone()));
        assert_eq!(at(2).await.unwrap().dataset, after_two);
        assert_eq!(at(3).await.unwrap().dataset, after_two);
        let latest = db.store.dataset_as_at(AsAt::Latest).await.unwrap();
        assert_eq!(latest.load_id, Some(3));
        assert_eq!(latest.dataset, after_two);
        assert_eq!(db.store.dataset().await.unwrap(), after_two);

        let err = at(4).await.unwrap_err();
        assert!(matches!(err, StoreError::NoSuchLoad { load_id: 4, .. }), "{err:?}");

        // By time: before the first load there was nothing; just after load 1, load 1's data.
        let loads = db.store.loads().await.unwrap();
        let t1: jiff::Timestamp = loads[0].loaded_at.parse().unwrap();
        let before = db
            .store
            .dataset_as_at(AsAt::Time(t1 - jiff::SignedDuration::from_micros(1)))
            .await
            .unwrap();
        assert_eq!(before.load_id, None);
        assert_eq!(before.dataset, Dataset::default());
        let at_t1 = db.store.dataset_as_at(AsAt::Time(t1)).await.unwrap();
        assert_eq!(at_t1.load_id, Some(1));
        assert_eq!(at_t1.dataset, normalised(one));

        // A's history: two versions, the first superseded by load 2. B: one version (load 3
        // brought nothing new). Unknown children have none.
        let a = db.store.child_history(&ChildId::from("A")).await.unwrap();
        let summary: Vec<_> = a
            .iter()
            .map(|v| (v.load_id, v.superseded_by, v.child.upn.clone().unwrap()))
            .collect();
        assert_eq!(summary, [(1, Some(2), "A1".into()), (2, None, "A2".into())]);
        assert_eq!(db.store.child_history(&ChildId::from("B")).await.unwrap().len(), 1);
        assert!(db.store.child_history(&ChildId::from("Z")).await.unwrap().is_empty());
    }
}

fn entry(child: Option<&str>) -> AccessEntry {
    AccessEntry {
        actor: "analyst1".into(),
        channel: Channel::Web,
        action: "GET /children/{id}".into(),
        subject: match child {
            Some(c) => format!("child {c}"),
            None => "children behind cp_starts_from_cin_pct 2025-03".into(),
        },
        child_id: child.map(str::to_owned),
    }
}

both! {
    async fn the_access_log_only_grows(db) {
        db.store.log_access(&[entry(Some("C1")), entry(None)]).await.unwrap();
        db.store.log_access(&[]).await.unwrap();
        db.store.log_access(&[entry(Some("C2"))]).await.unwrap();
        let log = db.store.access_log(10).await.unwrap();
        let seen: Vec<_> = log.iter().map(|r| (r.entry_id, r.entry.child_id.clone())).collect();
        assert_eq!(seen, [(3, Some("C2".into())), (2, None), (1, Some("C1".into()))]);
        assert_eq!(log[2].entry, entry(Some("C1")));
        assert_eq!(db.store.access_log(1).await.unwrap().len(), 1);
        let before = db.store.fingerprint().await.unwrap();

        // The database refuses to change or remove an entry, whoever asks.
        for sql in [
            "UPDATE access_log SET actor = 'someone else'",
            "DELETE FROM access_log WHERE entry_id = 1",
        ] {
            let err = db.try_exec(sql).await.unwrap_err();
            assert!(
                err.contains("append-only") || err.contains("permission denied"),
                "{sql}: {err}"
            );
        }
        if db.backend == Backend::Postgres {
            // The owner holds no UPDATE, DELETE or TRUNCATE on the log…
            let err = db.try_exec("TRUNCATE access_log").await.unwrap_err();
            assert!(err.contains("permission denied"), "{err}");
            // …and a superuser, who passes every privilege check, meets the trigger.
            let admin = db.as_admin();
            for sql in ["UPDATE access_log SET actor = 'x'", "DELETE FROM access_log", "TRUNCATE access_log"] {
                let err = admin.try_exec(sql).await.unwrap_err();
                assert!(err.contains("append-only"), "{sql}: {err}");
            }
        }
        assert_eq!(db.store.fingerprint().await.unwrap(), before);
    }
}

#[test]
fn as_at_reads_load_numbers_dates_and_timestamps() {
    assert_eq!("latest".parse::<AsAt>(), Ok(AsAt::Latest));
    assert_eq!("12".parse::<AsAt>(), Ok(AsAt::Load(12)));
    assert_eq!(
        "2026-03-31T17:00:00Z".parse::<AsAt>(),
        Ok(AsAt::Time("2026-03-31T17:00:00Z".parse().unwrap()))
    );
    // A date means the end of that day, UTC.
    assert_eq!(
        "2026-03-31".parse::<AsAt>(),
        Ok(AsAt::Time(
            "2026-03-31T23:59:59.999999999Z".parse().unwrap()
        ))
    );
    let err = "31/03/2026".parse::<AsAt>().unwrap_err();
    assert!(err.contains("31/03/2026"), "{err}");
}
