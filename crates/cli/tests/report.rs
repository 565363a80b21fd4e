//! `harbour report`: the pack from a loaded store, and bad pack inputs refused with where and why.

use std::path::Path;
use std::process::{Command, Output};

fn harbour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .output()
        .expect("harbour runs")
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn loaded(dir: &Path) -> String {
    let files = dir.join("council");
    let db = dir.join("harbour.db");
    let (files, db) = (files.to_str().unwrap(), db.to_str().unwrap());
    ok(&harbour(&[
        "synth",
        "--children",
        "300",
        "--seed",
        "5",
        "--out",
        files,
    ]));
    ok(&harbour(&["load", files, "--database", db]));
    db.to_owned()
}

#[test]
fn the_pack_is_written_as_html_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let out = dir.path().join("pack");
    let run = harbour(&[
        "report",
        "--period",
        "2025-26-Q3",
        "--demo-inputs",
        "--out",
        out.to_str().unwrap(),
        "--database",
        &db,
    ]);
    ok(&run);
    let html = std::fs::read_to_string(out.join("pack.html")).unwrap();
    assert!(html.contains("<h1>Children&#39;s services: scrutiny pack</h1>"));
    assert!(html.contains("2025-26-Q3: 1 October 2025 to 31 December 2025"));
    assert!(
        html.contains("Audience: scrutiny."),
        "scrutiny is the default"
    );
    assert!(
        html.contains("Update QA and performance framework"),
        "the demo plan is in"
    );
    assert!(
        html.contains("plan.csv (demo)"),
        "provenance names the inputs"
    );
    assert!(std::fs::metadata(out.join("pack.xlsx")).unwrap().len() > 10_000);
    // No --population: the population table loaded with the synthetic council is used.
    assert!(
        html.contains("Population aged 0 to 17: E"),
        "the provenance names the population"
    );
    assert!(html.contains("as loaded into the store"));
    // The settings in force are the defaults.
    assert!(html.contains("ICPC anchor: the start of the section 47 enquiry (DfE)"));
    // The stored practice-assurance records give the audit, voice and workforce tables.
    for id in [
        "audit_grades",
        "voice_feedback",
        "workforce_posts",
        "workforce_caseloads",
    ] {
        assert!(html.contains(&format!("<table id=\"{id}\">")), "{id}");
    }
    // Reading the audits (which name children) for the figures is in the access log.
    let log = harbour(&["access-log", "--database", &db, "--limit", "5000"]);
    ok(&log);
    assert!(String::from_utf8_lossy(&log.stdout).contains("harbour report"));

    // The same settings flags as harbour indicators, shown on the provenance page.
    let other = dir.path().join("pack2");
    ok(&harbour(&[
        "report",
        "--period",
        "2025-26-Q3",
        "--audience",
        "internal",
        "--icpc-anchor",
        "strategy_discussion",
        "--cin-lookback-days",
        "7",
        "--out",
        other.to_str().unwrap(),
        "--database",
        &db,
    ]));
    let html = std::fs::read_to_string(other.join("pack.html")).unwrap();
    assert!(html.contains(
        "ICPC anchor: the last strategy discussion before the enquiry (Working Together)"
    ));
    assert!(html.contains("CIN plan look-back: 7 days"));
    assert!(html.contains("Audience: internal."));
    // The internal pack alone has the Annex A analysis and the forecast, before the provenance.
    let annex = html.find("Annex A analysis").expect("the Annex A section");
    let forecast = html
        .find("Children in care: demand and cost forecast")
        .expect("the forecast section");
    let provenance = html.rfind("Provenance").unwrap();
    assert!(annex < forecast && forecast < provenance);
    assert!(html.contains("<table id=\"forecast-years\">"));
    assert!(html.contains("<table id=\"annex-a-1\">"));
    let scrutiny = std::fs::read_to_string(out.join("pack.html")).unwrap();
    assert!(!scrutiny.contains("Annex A analysis"));
    assert!(!scrutiny.contains("demand and cost forecast"));
}

#[test]
fn a_bad_input_is_refused_with_its_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("savings.csv"),
        "directorate,quarter,target_gbp,delivered_gbp\nChildren,2025-26-Q1,100,90\nChildren,2025-26-Q2,ten thousand,\n",
    )
    .unwrap();
    let out = dir.path().join("pack");
    let run = harbour(&[
        "report",
        "--period",
        "2025-26-Q3",
        "--inputs",
        inputs.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--database",
        &db,
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("savings.csv: line 3, column 3 (`target_gbp`): `ten thousand` is not a whole number of pounds"),
        "{stderr}"
    );
    assert!(!out.exists());

    let bad_period = harbour(&[
        "report",
        "--period",
        "2025-Q3",
        "--out",
        out.to_str().unwrap(),
        "--database",
        &db,
    ]);
    assert_eq!(bad_period.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad_period.stderr)
            .contains("`2025-Q3` is not a financial quarter")
    );
}

#[test]
fn the_trackers_are_imported_once_shown_and_used_by_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../pack/data/demo");
    let file = |n: &str| demo.join(n).to_str().unwrap().to_owned();
    let (plan, updates, recs) = (
        file("plan.csv"),
        file("plan_updates.csv"),
        file("recommendations.csv"),
    );

    // A bad file refuses the whole import, naming the place, and stores nothing.
    let bad = dir.path().join("plan.csv");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&bad, text.replacen(",done,", ",finished,", 1)).unwrap();
    let refused = harbour(&[
        "tracker",
        "import",
        bad.to_str().unwrap(),
        &recs,
        "--database",
        &db,
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("plan.csv: line 2, column 7 (`status`): `finished` is not one of: not started, on track, at risk, done"),
        "{err}"
    );
    let shown = harbour(&["tracker", "show", "--database", &db]);
    ok(&shown);
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert!(json["plan"].is_null(), "nothing was stored");

    let import = |files: &[&str]| {
        let mut args = vec!["tracker", "import"];
        args.extend_from_slice(files);
        args.extend_from_slice(&["--database", &db]);
        harbour(&args)
    };
    let first = import(&[&plan, &updates, &recs]);
    ok(&first);
    assert!(String::from_utf8_lossy(&first.stderr).contains("5 plan_update"));
    let again = import(&[&recs, &updates, &plan]);
    ok(&again);
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("nothing changed"),
        "the same files again change nothing"
    );

    // As at 1 December 2025: the update of 5 December is not yet made.
    let shown = harbour(&[
        "tracker",
        "show",
        "--as-at",
        "2025-12-01",
        "--database",
        &db,
    ]);
    ok(&shown);
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let m = json["plan"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["milestone"]["milestone"] == "Update QA and performance framework")
        .unwrap();
    assert_eq!(m["status"], "on_track");
    assert!(m["last_update"].is_null());
    assert_eq!(json["recommendations_summary"]["total"], 7);

    // The pack without --inputs takes both from the store and says so.
    let out = dir.path().join("pack");
    ok(&harbour(&[
        "report",
        "--period",
        "2025-26-Q3",
        "--audience",
        "internal",
        "--out",
        out.to_str().unwrap(),
        "--database",
        &db,
    ]));
    let html = std::fs::read_to_string(out.join("pack.html")).unwrap();
    assert!(html.contains("2025-12-05: Draft framework shared with heads of service"));
    assert!(html.contains("Rigorous promotion of corporate parenting"));
    assert!(html.contains("Scrutiny recommendations: 7 from the store"));
    assert!(html.contains("dated updates from the store"));
}
