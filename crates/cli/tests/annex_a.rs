//! `harbour annex-a` end to end: synth → load → Annex A (logged) → check → load the workbook
//! into a fresh store.

use std::process::{Command, Output};

fn harbour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .env_remove("HARBOUR_DATABASE_URL")
        .output()
        .expect("harbour runs")
}

fn ok(args: &[&str]) -> Output {
    let out = harbour(args);
    assert!(
        out.status.success(),
        "harbour {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn annex_a_from_the_store_is_logged_checked_and_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let council = tmp.path().join("council");
    let db = tmp.path().join("harbour.db");
    let db = db.to_str().unwrap();
    let xlsx = tmp.path().join("annex_a.xlsx");
    let json = tmp.path().join("analysis.json");
    ok(&[
        "synth",
        "--children",
        "600",
        "--seed",
        "5",
        "--out",
        council.to_str().unwrap(),
    ]);
    ok(&["load", council.to_str().unwrap(), "--database", db]);
    let out = ok(&[
        "annex-a",
        "--inspection-date",
        "2026-03-31",
        "--out",
        xlsx.to_str().unwrap(),
        "--analysis",
        json.to_str().unwrap(),
        "--database",
        db,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("list  2 Early help"), "{stderr}");
    assert!(stderr.contains("LA of Placement"), "{stderr}");
    // One access-log row, naming the date and the file.
    let log = ok(&["access-log", "--database", db]);
    let log = String::from_utf8_lossy(&log.stdout);
    let rows: Vec<_> = log
        .lines()
        .filter(|l| l.contains(",harbour annex-a,"))
        .collect();
    assert_eq!(rows.len(), 1, "{log}");
    assert!(
        rows[0].contains("Annex A for an inspection on 2026-03-31"),
        "{log}"
    );
    let analysis: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(analysis["inspection_date"], "2026-03-31");
    // The workbook checks clean of errors, and loads into a fresh store.
    ok(&["annex-a", "--check", xlsx.to_str().unwrap()]);
    let fresh = tmp.path().join("fresh.db");
    ok(&[
        "load",
        xlsx.to_str().unwrap(),
        "--database",
        fresh.to_str().unwrap(),
    ]);
    let loads = ok(&[
        "loads",
        "--format",
        "csv",
        "--database",
        fresh.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&loads.stdout).contains(",annex_a,"));
    // Without a date or a file, a usage error.
    assert_eq!(
        harbour(&["annex-a", "--database", db]).status.code(),
        Some(2)
    );
}
