//! Bad input changes nothing and says why. Every case in `tests/bad_inputs` (a file, or a folder
//! of files) is loaded with the real `harbour` binary into a store that already holds a synthetic
//! council; each must be refused with exit code 1 and an error line that names the file, the
//! place and the cause given in `tests/bad_inputs/cases.csv`, must not print the values listed
//! there as private, and must leave the store's loads and dataset exactly as they were.
//!
//! The manifest's columns: `case` (the file or folder), `what` (what is wrong with it), `place`
//! (a substring such as `line 3, column 12` or `line 4 (table Episodes, row 2)`; empty when the
//! cause concerns the file as a whole, such as an empty file or a PNG image), `cause` (a
//! substring of the cause) and `private` (values in the file, separated by `|`, that the error
//! must not repeat: dates of birth, UPNs, postcodes, and the like). Beyond those, no date may
//! appear in the error unless it is part of the expected cause (the offending value).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs")
}

const MANIFEST: &str = "cases.csv";

#[derive(Debug)]
struct Case {
    case: String,
    what: String,
    place: String,
    cause: String,
    private: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut reader = csv::Reader::from_path(corpus().join(MANIFEST)).expect("the manifest opens");
    let headers = reader
        .headers()
        .expect("the manifest has a header row")
        .clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["case", "what", "place", "cause", "private"],
        "the manifest's columns"
    );
    reader
        .records()
        .map(|r| {
            let r = r.expect("a manifest row");
            let field = |i: usize| r.get(i).unwrap_or_default().to_owned();
            Case {
                case: field(0),
                what: field(1),
                place: field(2),
                cause: field(3),
                private: field(4)
                    .split('|')
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
                    .collect(),
            }
        })
        .collect()
}

fn harbour(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .env_remove("HARBOUR_DATABASE_URL")
        .env_remove("HARBOUR_LOG")
        .output()
        .expect("harbour runs")
}

/// What the store holds, read through its public API only.
#[derive(Debug, PartialEq)]
struct Snapshot {
    loads: Vec<store::LoadRecord>,
    dataset: model::Dataset,
    /// A digest of every row of every table, every stored version included.
    fingerprint: String,
}

fn snapshot(runtime: &tokio::runtime::Runtime, database: &str) -> Snapshot {
    runtime.block_on(async {
        let store = store::Store::open(database).await.expect("the store opens");
        Snapshot {
            loads: store.loads().await.expect("the loads read"),
            dataset: store.dataset().await.expect("the dataset reads"),
            fingerprint: store.fingerprint().await.expect("the store reads"),
        }
    })
}

/// What is wrong with how `harbour load` treated one case, if anything.
fn check(case: &Case, out: &Output) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut wrong = Vec::new();
    if out.status.code() != Some(1) {
        wrong.push(format!("exit code {:?}, expected 1", out.status.code()));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        wrong.push("a panic".to_owned());
    }
    let said = stderr.lines().any(|line| {
        line.contains(&case.case) && line.contains(&case.place) && line.contains(&case.cause)
    });
    if !said {
        wrong.push(format!(
            "no line names the file {:?}, the place {:?} and the cause {:?}",
            case.case, case.place, case.cause
        ));
    }
    for value in &case.private {
        if stderr.contains(value.as_str()) {
            wrong.push(format!("the error repeats the private value {value:?}"));
        }
    }
    for date in dates_in(&stderr) {
        if !case.cause.contains(date) {
            wrong.push(format!(
                "the error shows the date {date:?}, which is not the cause"
            ));
        }
    }
    wrong
}

/// The dates written `DD/MM/YYYY` or `YYYY-MM-DD` in `text`.
fn dates_in(text: &str) -> Vec<&str> {
    let shapes: [&[u8; 10]; 2] = [b"00/00/0000", b"0000-00-00"];
    let fits = |window: &[u8], shape: &[u8; 10]| {
        window.iter().zip(shape).all(|(b, s)| match s {
            b'0' => b.is_ascii_digit(),
            s => b == s,
        })
    };
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9))
        .filter(|&i| shapes.iter().any(|s| fits(&bytes[i..i + 10], s)))
        .filter_map(|i| text.get(i..i + 10))
        .collect()
}

#[test]
fn dates_are_found_in_both_shapes() {
    assert_eq!(
        dates_in("'31/02/2025' is not a date; 2025-04-06, 1/2/2025, 2025-4-6"),
        ["31/02/2025", "2025-04-06"]
    );
}

#[test]
fn every_bad_input_is_refused_says_why_and_changes_nothing_on_sqlite() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("harbour.db");
    every_bad_input_is_refused(tmp.path(), db.to_str().unwrap());
}

#[test]
fn every_bad_input_is_refused_says_why_and_changes_nothing_on_postgres() {
    let Some(admin) = store::testing::postgres_admin_url() else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let db = runtime.block_on(store::testing::fresh_postgres_database(&admin));
    let tmp = tempfile::tempdir().unwrap();
    every_bad_input_is_refused(tmp.path(), &db);
}

fn every_bad_input_is_refused(tmp: &Path, db: &str) {
    let good = tmp.join("good");
    let synth = harbour(&[
        "synth",
        "--children",
        "200",
        "--seed",
        "3",
        "--year",
        "2026",
        "--out",
        good.to_str().unwrap(),
    ]);
    assert!(synth.status.success(), "{synth:?}");
    let load = harbour(&["load", good.to_str().unwrap(), "--database", db]);
    assert!(load.status.success(), "{load:?}");

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let before = snapshot(&runtime, db);
    assert!(!before.loads.is_empty() && !before.dataset.children.is_empty());

    let mut failures = Vec::new();
    for case in cases() {
        let path = corpus().join(&case.case);
        let out = harbour(&["load", "--database", db, path.to_str().unwrap()]);
        let mut wrong = check(&case, &out);
        if snapshot(&runtime, db) != before {
            wrong.push("the store changed".to_owned());
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{} ({}): {}\n--- stderr ---\n{}",
                case.case,
                case.what,
                wrong.join("; "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_has_at_least_30_cases_and_the_manifest_lists_every_file() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let listed: BTreeSet<&str> = cases.iter().map(|c| c.case.as_str()).collect();
    assert_eq!(listed.len(), cases.len(), "a case is listed twice");
    let present: BTreeSet<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != MANIFEST)
        .collect();
    let present: BTreeSet<&str> = present.iter().map(String::as_str).collect();
    assert_eq!(
        listed, present,
        "the manifest and the folder must list the same cases"
    );
    for case in &cases {
        assert!(
            !case.what.is_empty() && !case.cause.is_empty(),
            "{}: every case says what it is and the cause expected",
            case.case
        );
    }
}
