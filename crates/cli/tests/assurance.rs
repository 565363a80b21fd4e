//! `harbour audit`, `workforce` and `voice` end to end: a cycle drawn from loaded children,
//! allocated, graded by import, summarised (exact and under disclosure control), exported and
//! imported again; bad files refused with their place; child-level reads logged.

use std::path::Path;
use std::process::{Command, Output};

fn harbour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .env("USER", "qa.lead")
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = harbour(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn value(csv: &str, section: &str, item: &str) -> String {
    csv.lines()
        .find_map(|l| {
            let mut cells = l.split(',');
            (cells.next() == Some(section) && cells.next() == Some(item))
                .then(|| cells.next().unwrap_or("").to_owned())
        })
        .unwrap_or_else(|| panic!("no {section},{item} in\n{csv}"))
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn the_audit_programme_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db").display().to_string();
    let out = dir.path().join("council").display().to_string();
    ok(&["synth", "--children", "600", "--seed", "3", "--out", &out]);
    // The synthetic council's assurance files load with the returns.
    ok(&["load", &out, "--database", &db]);
    let synth = ok(&[
        "audit",
        "summary",
        "--database",
        &db,
        "--cycle",
        "2025-26-Q4",
        "--as-at",
        "2026-03-31",
    ]);
    assert_eq!(value(&synth, "cycle", "id"), "2025-26-Q4");

    // A new cycle, sampled from the children open on its first day, allocated, graded.
    ok(&[
        "audit",
        "cycle",
        "new",
        "--database",
        &db,
        "--id",
        "T1",
        "--name",
        "Test cycle",
        "--start",
        "2026-01-05",
        "--end",
        "2026-03-31",
    ]);
    ok(&[
        "audit",
        "sample",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--size",
        "6",
        "--seed",
        "9",
    ]);
    let again = harbour(&[
        "audit",
        "sample",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--size",
        "6",
    ]);
    assert_eq!(again.status.code(), Some(1), "a cycle is sampled once");
    ok(&[
        "audit",
        "allocate",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--auditor",
        "QA9",
        "--auditor",
        "QA8",
    ]);
    let export = dir.path().join("export");
    ok(&[
        "audit",
        "export",
        "--database",
        &db,
        "--out",
        &export.display().to_string(),
    ]);
    let audits = std::fs::read_to_string(export.join("audits.csv")).unwrap();
    let mine: Vec<&str> = audits.lines().filter(|l| l.starts_with("T1-")).collect();
    assert_eq!(mine.len(), 6);
    assert!(
        mine.iter()
            .all(|l| l.contains(",QA9,2026-01-05,") || l.contains(",QA8,2026-01-05,"))
    );

    // Grade five of the six by editing the export and importing it: 2 good, 2 RI, 1 outstanding.
    let grades = [
        "good",
        "good",
        "requires_improvement",
        "requires_improvement",
        "outstanding",
    ];
    let header = audits.lines().next().unwrap();
    let mut edited = String::from(header);
    edited.push('\n');
    for (i, line) in mine.iter().enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        if let Some(g) = grades.get(i) {
            cells[10] = "2026-02-10".into(); // completed_on
            cells[11] = (*g).into(); // overall
        }
        if i == 0 {
            // Moderated at a different grade: disagreement, and it counts as RI.
            cells[22] = "HOS".into();
            cells[23] = "2026-02-20".into();
            cells[24] = "requires_improvement".into();
        }
        edited.push_str(&cells.join(","));
        edited.push('\n');
    }
    let graded = write(dir.path(), "graded.csv", &edited);
    ok(&["audit", "import", "--database", &db, &graded]);
    // Importing the same again changes nothing.
    let same = harbour(&["audit", "import", "--database", &db, &graded]);
    assert!(String::from_utf8_lossy(&same.stderr).contains("nothing changed"));

    let s = ok(&[
        "audit",
        "summary",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--as-at",
        "2026-03-31",
    ]);
    assert_eq!(value(&s, "completion", "completed"), "5");
    assert_eq!(value(&s, "completion", "allocated"), "6");
    assert_eq!(value(&s, "completion", "completed_pct"), "83.3");
    // Final grades: outstanding 1, good 1 (one moderated down), RI 3.
    assert_eq!(value(&s, "grades", "outstanding"), "1");
    assert_eq!(value(&s, "grades", "good"), "1");
    assert_eq!(value(&s, "grades", "requires_improvement"), "3");
    assert_eq!(value(&s, "grades", "good_or_better_pct"), "40.0");
    assert_eq!(value(&s, "moderation", "agreement_pct"), "0.0");
    // For scrutiny, every count from 1 to 5 is withheld, and what depends on them.
    let p = ok(&[
        "audit",
        "summary",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--as-at",
        "2026-03-31",
        "--audience",
        "scrutiny",
    ]);
    assert_eq!(value(&p, "completion", "completed"), "c");
    assert_eq!(value(&p, "grades", "good_or_better_pct"), "c");
    assert!(!p.contains("T1-"), "no audit ids for scrutiny");

    // Dip samples of the three graded RI.
    ok(&[
        "audit",
        "dip",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--on",
        "2026-03-01",
    ]);
    let s = ok(&[
        "audit",
        "summary",
        "--database",
        &db,
        "--cycle",
        "T1",
        "--as-at",
        "2026-03-31",
    ]);
    assert_eq!(value(&s, "dip_samples", "scheduled"), "3");

    // History: who changed the first audit, and when.
    let first = mine[0].split(',').next().unwrap();
    let history = ok(&["audit", "history", "--database", &db, first]);
    let rows: Vec<&str> = history.lines().skip(1).collect();
    assert_eq!(rows.len(), 3, "{history}");
    assert!(rows[0].contains("harbour audit sample"));
    assert!(rows[1].contains("harbour audit allocate"));
    assert!(rows[2].contains("graded.csv") && rows[2].ends_with(",good,requires_improvement"));
    let log = ok(&["access-log", "--database", &db, "--limit", "5000"]);
    assert!(log.contains("harbour audit history"), "{log}");
    assert!(log.contains("harbour audit export"));
}

#[test]
fn bad_files_are_refused_with_their_place_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.db").display().to_string();
    let cycles = write(
        dir.path(),
        "cycles.csv",
        "cycle_id,name,start_date,end_date\nQ1,Spring,2026-01-01,2026-03-31\n",
    );
    let actions = write(
        dir.path(),
        "actions.csv",
        "action_id,audit_id,child_id,team_id,description,owner,raised_on,due_on,closed_on\nX1,A404,C1,T1,Update chronology,TM1,2026-01-10,2026-01-01,\n",
    );
    let out = harbour(&["audit", "import", "--database", &db, &cycles, &actions]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{actions}:2:8: due_on: 2026-01-01 is before raised_on (2026-01-10)"
        )),
        "{err}"
    );
    let fixed = write(
        dir.path(),
        "actions.csv",
        "action_id,audit_id,child_id,team_id,description,owner,raised_on,due_on,closed_on\nX1,A404,C1,T1,Update chronology,TM1,2026-01-10,2026-02-01,\n",
    );
    let out = harbour(&["audit", "import", "--database", &db, &cycles, &fixed]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{fixed}:2:0: action X1: audit A404 is not known")),
        "{err}"
    );
    // A workforce file given to the audit import is refused, not ignored.
    let posts = write(
        dir.path(),
        "posts.csv",
        "post_id,team_id,role,from,to,status,worker_id,agency\nP1,T1,MH,2025-01-01,,vacant,,\n",
    );
    let out = harbour(&["audit", "import", "--database", &db, &posts]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("this is workforce_posts.csv"));
    // Nothing of the refused imports was stored.
    let none = harbour(&["audit", "summary", "--database", &db]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("the store holds no audit cycles"));

    ok(&["workforce", "import", "--database", &db, &posts]);
    let w = ok(&[
        "workforce",
        "summary",
        "--database",
        &db,
        "--as-at",
        "2026-03-31",
    ]);
    assert_eq!(value(&w, "posts_MH", "vacant"), "1");
    assert_eq!(value(&w, "posts", "vacancy_rate_pct"), "100.0");
    let w = ok(&[
        "workforce",
        "summary",
        "--database",
        &db,
        "--as-at",
        "2026-03-31",
        "--audience",
        "scrutiny",
        "--format",
        "json",
    ]);
    assert!(w.contains("\"value\": \"c\""), "{w}");
}

/// A digest of everything the store holds.
fn fingerprint(db: &str) -> String {
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let store = store::Store::open(db).await.unwrap();
        let f = store.fingerprint().await.unwrap();
        store.close().await;
        f
    })
}

#[test]
fn a_load_with_a_bad_assurance_file_stores_nothing_not_even_its_returns() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("council");
    let out_s = out.display().to_string();
    ok(&[
        "synth",
        "--children",
        "200",
        "--seed",
        "9",
        "--year",
        "2026",
        "--out",
        &out_s,
    ]);
    let actions = out.join("assurance").join("audit_actions.csv");
    let good = std::fs::read_to_string(&actions).unwrap();
    assert!(good.ends_with('\n'));
    let bad_line = good.lines().count() + 1;
    std::fs::write(
        &actions,
        format!("{good}X999,A404,C1,T1,Update chronology,TM1,2026-01-10,2026-01-01,\n"),
    )
    .unwrap();
    let db = dir.path().join("h.db").display().to_string();
    let empty = dir.path().join("empty.db").display().to_string();
    let nothing = fingerprint(&empty);

    let refused = harbour(&["load", "--database", &db, &out_s]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains(&format!(
            "{}:{bad_line}:8: due_on: 2026-01-01 is before raised_on (2026-01-10)",
            actions.display()
        )),
        "{err}"
    );
    assert!(!err.contains("storing "), "{err}");
    // Nothing at all: no load, no returns, no assurance records, no access-log entry.
    assert_eq!(fingerprint(&db), nothing);

    // Fixed, the returns and the assurance records land together, as load 1 and change 1.
    std::fs::write(&actions, &good).unwrap();
    let loaded = harbour(&["load", "--database", &db, &out_s]);
    let err = String::from_utf8_lossy(&loaded.stderr);
    assert!(loaded.status.success(), "{err}");
    assert!(err.contains("load 1: "), "{err}");
    assert!(err.contains("assurance change 1:"), "{err}");
    let after = fingerprint(&db);

    // Loaded again: nothing changes, and the load says so.
    let again = harbour(&["load", "--database", &db, &out_s]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{err}");
    assert!(
        err.contains("and their assurance records are in the store; nothing changed"),
        "{err}"
    );
    assert_eq!(fingerprint(&db), after);
}
