//! The Family Safeguarding partnership data set end to end: `harbour synth` writes it with the
//! extract, `harbour load` stores it (or refuses it whole), and `harbour partnership` reads the
//! stored figures when no `--data` file is given.

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

/// The before and after figures of a measure in the report's CSV.
fn before_after(csv: &str, measure: &str) -> (f64, f64) {
    let line = csv
        .lines()
        .find(|l| l.starts_with(measure))
        .unwrap_or_else(|| panic!("no {measure} in\n{csv}"));
    let cells: Vec<&str> = line[measure.len()..]
        .trim_start_matches(',')
        .split(',')
        .collect();
    (cells[0].parse().unwrap(), cells[1].parse().unwrap())
}

#[test]
fn the_synthetic_partnership_data_set_is_loaded_and_reported_from_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d");
    let db = tmp.path().join("h.db");
    let (data, db) = (data.to_str().unwrap(), db.to_str().unwrap());
    ok(&["synth", "--children", "600", "--seed", "11", "--out", data]);
    let file = format!("{data}/extract/partnership.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().next(), Some("child_id,measure,month,value"));
    let rows = text.lines().count() - 1;
    assert!(rows > 100, "{rows} figures");

    let loaded = ok(&["load", data, "--database", db]);
    let stderr = String::from_utf8(loaded.stderr).unwrap();
    assert!(
        stderr.lines().any(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            cells == ["partner_figures", &rows.to_string()]
        }),
        "the load counts every figure: {stderr}"
    );
    let loads =
        String::from_utf8(ok(&["loads", "--database", db, "--format", "csv"]).stdout).unwrap();
    assert!(
        loads
            .lines()
            .any(|l| l.contains("extract/partnership.csv") && l.contains(",partnership,")),
        "the lineage names the file and its kind: {loads}"
    );

    // No --data: the stored figures, exactly as the file gives them.
    let stored = String::from_utf8(ok(&["partnership", "--database", db]).stdout).unwrap();
    let from_file =
        String::from_utf8(ok(&["partnership", "--database", db, "--data", &file]).stdout).unwrap();
    assert_eq!(stored, from_file);
    assert_eq!(
        stored.lines().next(),
        Some("measure,before,after,change_pct")
    );
    let families: u64 = stored
        .lines()
        .find_map(|l| l.strip_prefix("Families compared,"))
        .and_then(|v| v.trim_end_matches(',').parse().ok())
        .unwrap();
    assert!(families > 0, "{stored}");
    let (police_before, police_after) = before_after(&stored, "Police domestic-abuse call-outs");
    assert!(police_before > 0.0, "{stored}");
    assert!(police_after >= 0.0);
    let (ae_before, ae_after) = before_after(&stored, "A&E attendances");
    assert!(ae_before + ae_after > 0.0, "{stored}");
    let (school_before, school_after) = before_after(&stored, "School attendance (% of sessions)");
    for v in [school_before, school_after] {
        assert!(v > 50.0 && v <= 100.0, "{stored}");
    }

    // The JSON has the same figures.
    let json: serde_json::Value =
        serde_json::from_slice(&ok(&["partnership", "--database", db, "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["families"].as_u64(), Some(families));
    let police = json["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["measure"] == "Police domestic-abuse call-outs")
        .unwrap();
    assert_eq!(police["before"].as_f64(), Some(police_before));
    assert_eq!(police["after"].as_f64(), Some(police_after));
}

#[test]
fn a_bad_partnership_file_refuses_the_whole_load() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("h.db");
    let db = db.to_str().unwrap();
    let good = tmp.path().join("teams.csv");
    std::fs::write(
        &good,
        "team_id,name,service,family_safeguarding\nT1,North,Family Safeguarding,1\n",
    )
    .unwrap();
    let bad = tmp.path().join("figures.csv");
    std::fs::write(
        &bad,
        "Month,child_id,measure,value\n2025-04,F1,police_da_callouts,2\n2025-04,F1,ae_attendances,1.5\n",
    )
    .unwrap();
    let out = harbour(&[
        "load",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--database",
        db,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{}:3:4: value: '1.5' is not a whole number of at least 0",
            bad.display()
        )),
        "{err}"
    );
    let loads =
        String::from_utf8(ok(&["loads", "--database", db, "--format", "csv"]).stdout).unwrap();
    assert_eq!(loads.lines().count(), 1, "nothing was stored: {loads}");

    // Without the bad row, both files load; the figures are in the store.
    std::fs::write(
        &bad,
        "Month,child_id,measure,value\n2025-04,F1,police_da_callouts,2\n",
    )
    .unwrap();
    ok(&[
        "load",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        "--database",
        db,
    ]);
    let loads =
        String::from_utf8(ok(&["loads", "--database", db, "--format", "csv"]).stdout).unwrap();
    assert!(loads.contains(",partnership,"), "{loads}");
}
