//! The sample returns in `shared/samples/903` (real-world-shaped, full of deliberate errors):
//! every CSV reads without panicking, and the problems found in them are where a person reading
//! the files finds them.

use formats::{Location, Problem, ProblemKind, ssda903};
use model::CollectionYear;
use std::path::{Path, PathBuf};

const YEAR: CollectionYear = CollectionYear(2018);

/// `shared/samples/903`, next to the repository or where `HARBOUR_SHARED` says.
fn samples() -> PathBuf {
    std::env::var_os("HARBOUR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("samples/903")
        .canonicalize()
        .expect("the shared samples are next to the repository")
}

fn csv_location(p: &Problem) -> (String, String, u64, u64) {
    match &p.location {
        Location::Csv {
            file,
            table,
            row,
            line,
        } => (
            file.file_name().unwrap().to_string_lossy().into_owned(),
            table.clone(),
            *row,
            *line,
        ),
        other => panic!("not a CSV location: {other:?}"),
    }
}

fn find<'a>(problems: &'a [Problem], file: &str, field: &str, row: u64) -> &'a Problem {
    problems
        .iter()
        .find(|p| {
            matches!(&p.location, Location::Csv { file: f, row: r, .. }
            if f.file_name().is_some_and(|n| n == file) && *r == row)
                && p.field == field
        })
        .unwrap_or_else(|| panic!("no problem with {field} at {file} row {row}"))
}

#[test]
fn every_sample_csv_reads_on_its_own_without_panicking() {
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in [samples(), samples().join("extra")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                paths.push(path);
            }
        }
    }
    paths.sort();
    assert!(paths.len() >= 14, "{paths:?}");
    for path in &paths {
        let name = path.file_name().unwrap().to_string_lossy();
        let result = ssda903::read_files(std::slice::from_ref(path), YEAR);
        match &*name {
            // Not a table Harbour reads: the 2026-27 DoLo table.
            "DoLo.csv" => assert!(result.is_err(), "{name}"),
            // The XML form: every child, with the episodes of its <EPISODE> elements.
            "fake_903.xml" => {
                let read = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                let episodes: usize = read.data.iter().map(|c| c.cla_episodes.len()).sum();
                assert_eq!((read.data.len(), episodes), (253, 459), "{name}");
            }
            _ => {
                let read = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(!read.data.is_empty(), "{name}");
            }
        }
    }
}

#[test]
fn the_sample_folder_reads_whole() {
    let read = ssda903::read_dir(&samples(), YEAR).unwrap();
    let children = &read.data;
    // 2,675 children in the Header table, and CHILD10 only in SWEpisodes.
    assert_eq!(children.len(), 2676);
    let episodes: usize = children.iter().map(|c| c.cla_episodes.len()).sum();
    let reviews: usize = children.iter().map(|c| c.cla_reviews.len()).sum();
    // 12,582 review rows, 14 of which repeat a child's review date and are left out.
    assert_eq!((episodes, reviews), (5050, 12568));

    let kinds: Vec<(String, String, ProblemKind)> = read
        .problems
        .iter()
        .map(|p| {
            let file = p
                .location
                .file()
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, p.field.clone(), p.kind)
        })
        .collect();
    let count =
        |file: &str, field: &str| kinds.iter().filter(|k| k.0 == file && k.1 == field).count();
    assert_eq!(count("DoLo.csv", ""), 1, "skipped, with a problem");
    assert_eq!(count("header.csv", "MOTHER"), 1);
    assert_eq!(count("oc3.csv", "ACCOM"), 2);
    assert_eq!(count("placed_for_adoption.csv", "REASON_PLACED_CEASED"), 29);
    assert_eq!(count("sw_episodes.csv", "SW_REASON"), 1);
    assert_eq!(count("reviews.csv", "REVIEW"), 14, "repeated review dates");
    assert_eq!(read.problems.len(), 48, "no other problems");
}

#[test]
fn sample_problems_are_where_a_reader_of_the_files_finds_them() {
    let read = ssda903::read_dir(&samples(), YEAR).unwrap();
    let problems = &read.problems;

    // header.csv line 1273: `6389,2,30/07/2004,BCRB,L072812908102,1.0,27/08/2016`, a float
    // written by a spreadsheet where MOTHER should be 1.
    let p = find(problems, "header.csv", "MOTHER", 1271);
    assert_eq!(
        csv_location(p),
        ("header.csv".into(), "Header".into(), 1271, 1273)
    );
    assert_eq!(p.kind, ProblemKind::BadValue);
    assert_eq!(p.child_id.as_deref(), Some("6389"));
    assert_eq!(p.message, "'1.0' is not a yes/no flag (expected 0 or 1)");

    // oc3.csv line 2: `197474,30/03/2001,DIED,F1,01`.
    let p = find(problems, "oc3.csv", "ACCOM", 0);
    assert_eq!(csv_location(p), ("oc3.csv".into(), "OC3".into(), 0, 2));
    assert_eq!(p.kind, ProblemKind::UnknownCode);
    assert_eq!(p.child_id.as_deref(), Some("197474"));
    assert_eq!(
        p.message,
        "'01' is not a valid ACCOM code (see the DfE code set)"
    );

    // oc3.csv line 47: `232161,05/02/2001,DIED,P1,02`.
    let p = find(problems, "oc3.csv", "ACCOM", 45);
    assert_eq!(csv_location(p).3, 47);
    assert_eq!(p.child_id.as_deref(), Some("232161"));

    // placed_for_adoption.csv line 2: `988635,15/06/2013,22/11/2015,07/04/2017,XXX`.
    let p = find(
        problems,
        "placed_for_adoption.csv",
        "REASON_PLACED_CEASED",
        0,
    );
    assert_eq!(
        csv_location(p),
        (
            "placed_for_adoption.csv".into(),
            "PlacedAdoption".into(),
            0,
            2
        )
    );
    assert_eq!(p.child_id.as_deref(), Some("988635"));
    assert_eq!(
        p.message,
        "'XXX' is not a valid REASON_PLACED_CEASED code (expected RD1, RD2, RD3 or RD4)"
    );

    // sw_episodes.csv starts with a byte order mark and has CRLF line ends; line 2 is
    // `CHILD10,05/12/1993,SW999,01/01/2020,03/01/2020,SWLAZY`.
    let p = find(problems, "sw_episodes.csv", "SW_REASON", 0);
    assert_eq!(
        csv_location(p),
        ("sw_episodes.csv".into(), "SWEpisodes".into(), 0, 2)
    );
    assert_eq!(p.child_id.as_deref(), Some("CHILD10"));

    // The reader keeps what it could read of those rows.
    let child = read.data.iter().find(|c| c.id.0 == "CHILD10").unwrap();
    assert_eq!(child.social_worker_episodes[0].worker, "SW999");
    assert_eq!(child.social_worker_episodes[0].reason, None);
    assert_eq!(child.birth_date, model::Date::new(1993, 12, 5).ok());
}
