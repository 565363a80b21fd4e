//! The same files give the same figures and the same export on SQLite and on PostgreSQL.

use std::process::Command;

fn harbour(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .env_remove("HARBOUR_DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "harbour {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn indicators_and_exports_are_identical_on_both_backends() {
    let Some(admin) = store::testing::postgres_admin_url() else {
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let pg = rt.block_on(store::testing::fresh_postgres_database(&admin));
    let tmp = tempfile::tempdir().unwrap();
    let path = |p: &str| tmp.path().join(p).to_str().unwrap().to_owned();
    let (data, sqlite) = (path("data"), path("h.db"));
    let prev_only = path("old");
    harbour(&["synth", "--children", "800", "--seed", "9", "--out", &data]);
    harbour(&[
        "synth",
        "--children",
        "800",
        "--seed",
        "9",
        "--year",
        "2025",
        "--out",
        &prev_only,
    ]);
    for db in [&sqlite, &pg] {
        // Two loads, so that history is compared too.
        harbour(&["load", &prev_only, "--database", db]);
        harbour(&["load", &data, "--database", db]);
    }
    for kind in ["month", "quarter", "rolling-12-months", "year-to-march"] {
        for at in ["1", "latest"] {
            let args = |db: &str| {
                vec![
                    "indicators".to_owned(),
                    "--database".into(),
                    db.into(),
                    "--period-kind".into(),
                    kind.into(),
                    "--months".into(),
                    "6".into(),
                    "--store-as-at".into(),
                    at.into(),
                    "--as-at".into(),
                    "2026-03-31".into(),
                    "--format".into(),
                    "json".into(),
                ]
            };
            let a = harbour(&args(&sqlite).iter().map(String::as_str).collect::<Vec<_>>());
            let b = harbour(&args(&pg).iter().map(String::as_str).collect::<Vec<_>>());
            assert!(a == b, "{kind} as at {at}: the backends differ");
            assert!(a.len() > 1000);
        }
    }
    for db in [&sqlite, &pg] {
        let out = path(if db == &sqlite { "x-sqlite" } else { "x-pg" });
        harbour(&["export", "--database", db, "--format", "csv", "--out", &out]);
    }
    for table in store::DATA_TABLES {
        let read =
            |dir: &str| std::fs::read(tmp.path().join(dir).join(format!("{table}.csv"))).unwrap();
        assert!(read("x-sqlite") == read("x-pg"), "{table}.csv differs");
    }
}
