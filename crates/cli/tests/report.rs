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
