//! `--format xlsx` for `harbour indicators` and `harbour validate`: the workbooks are read back
//! and compared, cell for cell, with the CSV of the same command.

use calamine::{Data, DataType as _, Range, Reader as _, Xlsx, open_workbook};
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

/// A synthetic council of 300 children, loaded: (its folder, the store).
fn council(dir: &Path) -> (String, String) {
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
    (files.to_owned(), db.to_owned())
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    workbook.worksheet_range(name).unwrap()
}

fn csv_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The Excel serial number of an ISO date (days since 30 December 1899).
fn serial(iso: &str) -> f64 {
    let date: jiff::civil::Date = iso.parse().unwrap();
    let epoch = jiff::civil::date(1899, 12, 30);
    (date - epoch).get_days() as f64
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    Date,
    /// A number, or a symbol such as `c` as text.
    Figure,
}

/// Asserts that the sheet holds the CSV, cell for cell: numbers as numbers, dates as dates,
/// empty cells where the CSV is empty.
fn assert_same(range: &Range<Data>, csv: &[Vec<String>], kinds: &[Kind]) {
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), csv.len(), "rows, header included");
    for (r, (row, record)) in rows.iter().zip(csv).enumerate() {
        assert_eq!(row.len(), record.len(), "row {r}");
        for (c, (cell, field)) in row.iter().zip(record).enumerate() {
            let kind = if r == 0 { Kind::Text } else { kinds[c] };
            let same = match (cell, kind) {
                (Data::Empty, _) => field.is_empty(),
                (Data::String(s), Kind::Text) => s == field,
                (Data::String(s), Kind::Figure) => s == field && field.parse::<f64>().is_err(),
                (Data::Float(v), Kind::Number | Kind::Figure) => field.parse::<f64>() == Ok(*v),
                (Data::Int(v), Kind::Number | Kind::Figure) => field.parse::<i64>() == Ok(*v),
                (Data::DateTime(d), Kind::Date) => d.as_f64() == serial(field),
                _ => false,
            };
            assert!(
                same,
                "row {r} column {c}: {cell:?} in the workbook, {field:?} in the CSV"
            );
        }
    }
}

const INDICATOR_KINDS: &[Kind] = &[
    Kind::Text,
    Kind::Date,
    Kind::Date,
    Kind::Figure,
    Kind::Figure,
    Kind::Figure,
];

#[test]
fn indicators_workbook_holds_the_csv_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (_, db) = council(dir.path());
    for audience in ["internal", "scrutiny"] {
        let csv = harbour(&["indicators", "--database", &db, "--audience", audience]);
        ok(&csv);
        let csv = csv_records(&String::from_utf8(csv.stdout).unwrap());
        let path = dir.path().join(format!("{audience}.xlsx"));
        let out = harbour(&[
            "indicators",
            "--database",
            &db,
            "--audience",
            audience,
            "--format",
            "xlsx",
            "--out",
            path.to_str().unwrap(),
        ]);
        ok(&out);
        assert!(out.stdout.is_empty());

        let figures = sheet(&path, "indicators");
        assert_eq!(
            csv[0],
            [
                "indicator_id",
                "period_start",
                "period_end",
                "numerator",
                "denominator",
                "value"
            ]
        );
        assert!(csv.len() > 100, "{} rows", csv.len());
        assert_same(&figures, &csv, INDICATOR_KINDS);
        // Some exact cells, spelled out.
        assert_eq!(figures.get((1, 0)), Some(&Data::String(csv[1][0].clone())));
        let last = csv.len() - 1;
        assert!(
            matches!(figures.get((last, 2)), Some(Data::DateTime(d)) if d.as_f64() == serial(&csv[last][2]))
        );

        let numbers: Vec<f64> = figures
            .rows()
            .skip(1)
            .flat_map(|row| [&row[3], &row[4]])
            .filter_map(|cell| match cell {
                Data::Float(v) => Some(*v),
                _ => None,
            })
            .collect();
        assert!(!numbers.is_empty());
        let suppressed = figures
            .rows()
            .flat_map(|row| row.iter())
            .filter(|cell| **cell == Data::String("c".into()))
            .count();
        if audience == "scrutiny" {
            // Never an unsuppressed small count.
            assert!(
                numbers.iter().all(|v| !(1.0..=5.0).contains(v)),
                "a count from 1 to 5 is shown"
            );
            assert!(suppressed > 0, "a council of 300 children has small counts");
        } else {
            assert_eq!(suppressed, 0);
            assert!(numbers.iter().any(|v| (1.0..=5.0).contains(v)));
        }

        let definitions = sheet(&path, "definitions");
        let header: Vec<String> = definitions
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            header[..10],
            [
                "indicator_id",
                "title",
                "quadrant",
                "polarity",
                "unit",
                "definition",
                "numerator",
                "denominator",
                "source",
                "settings"
            ]
        );
        let mut ids: Vec<&str> = csv[1..].iter().map(|r| r[0].as_str()).collect();
        ids.dedup();
        let defined: Vec<String> = definitions
            .rows()
            .skip(1)
            .map(|r| r[0].to_string())
            .collect();
        assert_eq!(defined, ids);
        assert!(
            definitions
                .rows()
                .skip(1)
                .all(|r| !r[5].is_empty() && !r[8].is_empty())
        );
    }
}

const FINDING_KINDS: &[Kind] = &[
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Number,
    Kind::Number,
    Kind::Number,
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Text,
];

#[test]
fn validate_workbook_holds_the_csv_findings_and_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("council");
    ok(&harbour(&[
        "synth",
        "--children",
        "300",
        "--seed",
        "5",
        "--out",
        files.to_str().unwrap(),
    ]));
    let census = files.join("cin").join("cin_census.xml");
    let text = std::fs::read_to_string(&census).unwrap();
    // A copy with an impossible referral date.
    let at = text.find("<CINreferralDate>").unwrap() + "<CINreferralDate>".len();
    let bad = format!("{}2025-02-30{}", &text[..at], &text[at + 10..]);
    let bad_path = dir.path().join("bad_census.xml");
    std::fs::write(&bad_path, bad).unwrap();
    let (census, bad_path) = (census.to_str().unwrap(), bad_path.to_str().unwrap());

    let csv = harbour(&["validate", census, bad_path, "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(1), "the bad date is an error");
    let csv = csv_records(&String::from_utf8(csv.stdout).unwrap());
    let path = dir.path().join("findings.xlsx");
    let out = harbour(&[
        "validate",
        census,
        bad_path,
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());

    assert_eq!(
        csv[0],
        [
            "rule_code",
            "child_id",
            "table",
            "field",
            "row",
            "line",
            "column",
            "severity",
            "value",
            "message",
            "file"
        ]
    );
    let findings = sheet(&path, "findings");
    assert_same(&findings, &csv, FINDING_KINDS);
    let bad_date = csv
        .iter()
        .position(|r| r[8] == "2025-02-30" && r[10] == bad_path)
        .expect("the bad date is found");
    assert_eq!(
        findings.get((bad_date, 8)),
        Some(&Data::String("2025-02-30".into()))
    );
    assert_eq!(
        findings.get((bad_date, 5)),
        Some(&Data::Float(csv[bad_date][5].parse().unwrap()))
    );

    let rules = sheet(&path, "rules");
    let rows: Vec<&[Data]> = rules.rows().collect();
    assert_eq!(
        rows[0].iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        ["code", "severity", "message", "findings"]
    );
    // Every rule of the year, each with its count of findings; together, every finding.
    assert!(rows.len() > 100, "{} rules", rows.len());
    let count = |row: &[Data]| match row[3] {
        Data::Float(v) => v as usize,
        ref other => panic!("a count: {other:?}"),
    };
    assert_eq!(
        rows[1..].iter().map(|r| count(r)).sum::<usize>(),
        csv.len() - 1
    );
    let code = &csv[bad_date][0];
    let rule = rows
        .iter()
        .find(|r| r[0].to_string() == *code)
        .expect("the rule found is listed");
    assert_eq!(
        count(rule),
        csv[1..].iter().filter(|r| r[0] == *code).count()
    );
    assert_eq!(rule[1].to_string(), csv[bad_date][7]);
    assert_eq!(
        rule[2].to_string(),
        csv[bad_date][9],
        "the message, verbatim"
    );
}

#[test]
fn a_workbook_is_not_written_to_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let census = dir.path().join("census.xml");
    std::fs::write(&census, "<Message></Message>").unwrap();
    let db = dir.path().join("none.db");
    for args in [
        vec!["validate", census.to_str().unwrap(), "--format", "xlsx"],
        vec![
            "indicators",
            "--database",
            db.to_str().unwrap(),
            "--format",
            "xlsx",
        ],
    ] {
        let out = harbour(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--out FILE.xlsx"), "{stderr}");
    }
    // Nothing was opened or created on the way.
    assert!(!db.exists());
}
