//! The SSDA903 return in XML (`formats::ssda903::xml`) against the Data to Insight validator (the
//! peer, see `shared/peers/README.md`), which also reads one 903 `.xml`.
//!
//! The XML form must change nothing about what the rules find: Harbour's findings on the XML are
//! its findings on the same tables as CSV files (written from what it read, so that rows keep
//! their numbers), and the peer's findings on the XML differ from Harbour's exactly as its
//! findings on those CSV files do, on (rule_code, table, row), for the rules Harbour implements.
//! The known differences between the two on CSV (`PEER_DEFECTS.md`, checked row by row in
//! `peer_903.rs`) so carry over without being listed again here, and any way in which the peer
//! reads the XML differently from Harbour shows up as a difference between the two sets.
//!
//! Two returns: the sample `shared/samples/903/extra/fake_903.xml` (253 children), and a
//! synthetic return with its previous year, errors injected, written as XML. Without the peer
//! (or the sample) the test says so and passes, unless `CI` is set, when it fails.
//! `HARBOUR_DIFF_KEEP=DIR` keeps the files and the findings.

use formats::ssda903::Table;
use formats::ssda903::raw::RawReturn;
use rules::ssda903::Return;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

type Key = (String, String, String);

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn peers_dir() -> PathBuf {
    std::env::var_os("HARBOUR_PEERS_DIR").map_or_else(|| shared().join("peers"), PathBuf::from)
}

fn sample() -> PathBuf {
    shared().join("samples/903/extra/fake_903.xml")
}

/// The peer's runner, or why it cannot run (a failure when `CI` is set).
fn peer() -> Option<PathBuf> {
    let run = peers_dir().join("run_903.sh");
    let venv = std::env::var_os("PEERS_VENV").map_or_else(
        || Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".cache/csc-peers/venv"),
        PathBuf::from,
    );
    let why = if !run.exists() {
        format!("{} not found", run.display())
    } else if !venv.join("bin/python").exists() {
        format!("the peer venv {} is not installed", venv.display())
    } else {
        return Some(run);
    };
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the 903 peer is not available: {why}"
    );
    eprintln!("SKIPPED: the 903 peer is not available: {why}");
    None
}

fn implemented(year: i16) -> BTreeSet<&'static str> {
    rules::ssda903::rules_for(year).map(|r| r.code).collect()
}

fn harbour(current: &Path, previous: Option<&Path>, year: i16) -> BTreeSet<Key> {
    let ret = Return {
        current: RawReturn::read(&[current.to_owned()]).unwrap(),
        previous: previous.map(|p| RawReturn::read(&[p.to_owned()]).unwrap()),
        ..Return::default()
    };
    rules::ssda903::validate_return(&ret, year, |_| true)
        .unwrap()
        .findings
        .iter()
        .map(|f| {
            let row = f.row.map(|r| r.to_string()).unwrap_or_default();
            (f.rule_code.to_owned(), f.table.to_owned(), row)
        })
        .collect()
}

fn peer_findings(
    run: &Path,
    current: &Path,
    previous: Option<&Path>,
    year: i16,
    la: &str,
) -> BTreeSet<Key> {
    let mut command = Command::new(run);
    command
        .arg(current)
        .args(["--year", &year.to_string(), "--la", la]);
    if let Some(previous) = previous {
        command.arg("--prev").arg(previous);
    }
    let out = command.output().expect("run_903.sh runs");
    assert!(
        out.status.success(),
        "the peer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let implemented = implemented(year);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[2].to_owned(), f[f.len() - 1].to_owned())
        })
        .filter(|k| implemented.contains(k.0.as_str()))
        .collect()
}

/// Writes each table of a return read from XML as a CSV file in `dir`, rows in the order read,
/// with the optional columns it has (Header's `UASC`, the child's status as the XML gives it)
/// when `optional` (the peer refuses a Header file with a `UASC` column: PEER_DEFECTS.md).
fn write_csv(ret: &RawReturn, dir: &Path, optional: bool) {
    std::fs::create_dir_all(dir).unwrap();
    let quote = |v: &str| {
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_owned()
        }
    };
    for t in ret.tables() {
        let columns: Vec<&str> = t
            .table
            .columns()
            .iter()
            .chain(formats::ssda903::raw::optional_columns(t.table))
            .copied()
            .filter(|c| t.table.columns().contains(c) || (optional && t.has_column(c)))
            .collect();
        let mut text = columns.join(",");
        text.push('\n');
        for row in &t.rows {
            let values: Vec<String> = columns.iter().map(|c| quote(row.get(t.table, c))).collect();
            text.push_str(&values.join(","));
            text.push('\n');
        }
        std::fs::write(dir.join(t.table.file_name()), text).unwrap();
    }
}

/// The rules comparing this year's Header with last year's, which the peer reads differently
/// when last year's return is XML.
const LAST_YEAR_HEADER: [&str; 5] = ["202", "203", "204", "208", "624"];

/// The rules on UASC status that the peer runs differently on the two forms (PEER_DEFECTS.md):
/// 105 on the XML form only (on CSV it replaces Header's `UASC` with the status derived from the
/// UASC table), and 205A to 205C, which need last year's return, which the peer does not read
/// when it is XML. `peer_903.rs` compares them (205B on the CSV form, 105 on XML fixtures).
const UASC_STATUS: [&str; 4] = ["105", "205A", "205B", "205C"];

/// Findings one side makes and the other does not, marked by side.
fn disagreements(ours: &BTreeSet<Key>, theirs: &BTreeSet<Key>) -> BTreeSet<(&'static str, Key)> {
    let only_ours = ours.difference(theirs).map(|k| ("only Harbour", k.clone()));
    let only_theirs = theirs
        .difference(ours)
        .map(|k| ("only the peer", k.clone()));
    only_ours.chain(only_theirs).collect()
}

/// Validates a return given as XML files (this year's, last year's) both ways, as XML and as the
/// CSV tables Harbour read from it, with Harbour and the peer, and returns what is wrong.
fn compare(
    run: &Path,
    name: &str,
    xml: &Path,
    prev_xml: Option<&Path>,
    year: i16,
    la: &str,
) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    // Harbour reads the tables with Header's UASC status as the XML gives it; the peer, which
    // refuses that column, without it (its own status is derived from the UASC table).
    let as_csv = |xml: &Path, name: &str, optional: bool| {
        let d = dir.path().join(name);
        write_csv(&RawReturn::read(&[xml.to_owned()]).unwrap(), &d, optional);
        d
    };
    let csv = as_csv(xml, "csv", true);
    let prev_csv = prev_xml.map(|p| as_csv(p, "csv_prev", true));
    let peer_csv = as_csv(xml, "peer_csv", false);
    let peer_prev_csv = prev_xml.map(|p| as_csv(p, "peer_csv_prev", false));

    for file in std::iter::once(xml).chain(prev_xml) {
        let ret = RawReturn::read(&[file.to_owned()]).unwrap();
        let sizes: Vec<String> = ret
            .tables()
            .iter()
            .map(|t| format!("{}={}", t.table, t.rows.len()))
            .collect();
        eprintln!("903 XML {name}: {}: {}", file.display(), sizes.join(" "));
    }
    let ours_xml = harbour(xml, prev_xml, year);
    let ours_csv = harbour(&csv, prev_csv.as_deref(), year);
    let theirs_xml = peer_findings(run, xml, prev_xml, year, la);
    let theirs_csv = peer_findings(run, &peer_csv, peer_prev_csv.as_deref(), year, la);
    if let Some(keep) = std::env::var_os("HARBOUR_DIFF_KEEP") {
        let keep = Path::new(&keep).join(format!("903-xml-{name}"));
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(xml, keep.join("return.xml")).unwrap();
        for (file, set) in [
            ("harbour_xml.txt", &ours_xml),
            ("harbour_csv.txt", &ours_csv),
            ("peer_xml.txt", &theirs_xml),
            ("peer_csv.txt", &theirs_csv),
        ] {
            let lines: Vec<String> = set.iter().map(|k| format!("{k:?}")).collect();
            std::fs::write(keep.join(file), lines.join("\n")).unwrap();
        }
    }
    eprintln!(
        "903 XML {name}: Harbour {} findings, the peer {} ({} in common)",
        ours_xml.len(),
        theirs_xml.len(),
        ours_xml.intersection(&theirs_xml).count()
    );
    assert!(
        ours_xml.intersection(&theirs_xml).count() > 50,
        "{name}: too few findings in common for the comparison to mean anything"
    );
    let mut problems = Vec::new();
    for k in ours_xml.symmetric_difference(&ours_csv) {
        problems.push(format!(
            "{name}: Harbour finds {k:?} only on the {}",
            if ours_xml.contains(k) { "XML" } else { "CSV" }
        ));
    }
    // PEER_DEFECTS.md: given last year's return as XML, the peer compares this year's Header
    // with last year's differently from when it is given as CSV; the rules that do (202, 203,
    // 204, 208, 624) are compared with the peer on the CSV form only (`peer_903.rs`).
    let last_year_header = |d: &(&'static str, Key)| {
        !LAST_YEAR_HEADER.contains(&d.1.0.as_str()) && !UASC_STATUS.contains(&d.1.0.as_str())
    };
    let on_xml: BTreeSet<_> = disagreements(&ours_xml, &theirs_xml)
        .into_iter()
        .filter(last_year_header)
        .collect();
    let on_csv: BTreeSet<_> = disagreements(&ours_csv, &theirs_csv)
        .into_iter()
        .filter(last_year_header)
        .collect();
    for d in on_xml.difference(&on_csv) {
        problems.push(format!("{name}: on the XML alone, {} finds {:?}", d.0, d.1));
    }
    for d in on_csv.difference(&on_xml) {
        problems.push(format!("{name}: on the CSV alone, {} finds {:?}", d.0, d.1));
    }
    problems
}

fn report(problems: &[String]) {
    let shown: Vec<&str> = problems.iter().take(60).map(String::as_str).collect();
    assert!(
        problems.is_empty(),
        "{} disagreements; the first:\n{}",
        problems.len(),
        shown.join("\n")
    );
}

/// The sample's tables: a row for each child, episode and block, as the peer also counts them
/// (its own count, printed when it reads the sample: Header=253 Episodes=459 UASC=12
/// Reviews=1206 OC2=253 OC3=6 AD1=3 PlacedAdoption=3 PrevPerm=253 Missing=6).
#[test]
fn the_sample_has_the_rows_the_peer_counts() {
    let Ok(bytes) = std::fs::read(sample()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the sample is missing"
        );
        eprintln!("SKIPPED: {} not found", sample().display());
        return;
    };
    let ret = RawReturn::from_xml(&sample(), &bytes).unwrap();
    let counts: Vec<(Table, usize)> = ret
        .tables()
        .iter()
        .map(|t| (t.table, t.rows.len()))
        .collect();
    assert_eq!(
        counts,
        [
            (Table::Header, 253),
            (Table::Episodes, 459),
            (Table::Uasc, 12),
            (Table::Reviews, 1206),
            (Table::Oc2, 253),
            (Table::Oc3, 6),
            (Table::Ad1, 3),
            (Table::PlacedAdoption, 3),
            (Table::PrevPerm, 253),
            (Table::Missing, 6),
        ]
    );
    assert_eq!(ret.children(), 253);
    let first = &ret.rows(Table::Episodes)[0];
    assert_eq!(first.child(), "907440");
    assert_eq!(first.get(Table::Episodes, "PLACE"), "R5");
    assert_eq!(first.get(Table::Episodes, "HOME_POST"), "B15 8PZ");
    let review = &ret.rows(Table::Reviews)[1];
    assert_eq!(review.get(Table::Reviews, "DOB"), "28/07/2010");
    assert_eq!(review.get(Table::Reviews, "REVIEW_CODE"), "PN1");
}

/// With one `IN_TOUCH`, one `DATE_INT` and one `UASC` blanked, the child's other values still make
/// its OC3, AD1 and UASC rows (the peer then counts OC3=5, AD1=2, UASC=11: `PEER_DEFECTS.md`).
#[test]
fn a_row_in_header_is_made_when_any_of_its_values_is_given() {
    let Ok(text) = std::fs::read_to_string(sample()) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the sample is missing"
        );
        eprintln!("SKIPPED: {} not found", sample().display());
        return;
    };
    let blank = |text: &str, from: &str, to: &str| {
        let start = text.find(from).unwrap();
        let end = start + text[start..].find(to).unwrap() + to.len();
        let name = from.trim_matches(['<', '>']);
        format!("{}<{name} />{}", &text[..start], &text[end..])
    };
    let text = blank(&text, "<IN_TOUCH>", "</IN_TOUCH>");
    let text = blank(&text, "<DATE_INT>", "</DATE_INT>");
    let duc = text.find("<DUC>").unwrap();
    let uasc = text[..duc].rfind("<UASC>1</UASC>").unwrap();
    let text = format!("{}<UASC />{}", &text[..uasc], &text[uasc + 14..]);
    let ret = RawReturn::from_xml(Path::new("m.xml"), text.as_bytes()).unwrap();
    let count = |t: Table| ret.rows(t).len();
    assert_eq!(
        (count(Table::Oc3), count(Table::Ad1), count(Table::Uasc)),
        (6, 3, 12)
    );
    let oc3 = ret
        .rows(Table::Oc3)
        .iter()
        .find(|r| r.get(Table::Oc3, "IN_TOUCH").is_empty())
        .unwrap();
    assert!(!oc3.get(Table::Oc3, "ACTIV").is_empty());
}

#[test]
fn the_peer_and_harbour_read_the_sample_xml_alike() {
    if !sample().exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the sample is missing"
        );
        eprintln!("SKIPPED: {} not found", sample().display());
        return;
    }
    let Some(run) = peer() else {
        return;
    };
    report(&compare(&run, "sample", &sample(), None, 2026, "E09000027"));
}

/// Odd values an injected cell may get, as in `peer_903.rs`.
const ODD: &[&str] = &[
    "",
    "X",
    "1",
    "2",
    "0",
    "m",
    "wbri",
    "31/02/2025",
    "2025-06-01",
    "1/6/2025",
    "01/06/25",
    "31/03/2025",
    "01/04/2025",
    "Y",
    "n/a",
    "99",
];

/// Injects an odd value into one column (not `CHILD`) of about `rate` of the rows of every CSV
/// file in `dir` (deterministic in `state`, splitmix64). `IN_TOUCH` and `DATE_INT` are never
/// blanked: the peer makes an OC3 or AD1 row from XML only when they are given
/// (`PEER_DEFECTS.md`), and the comparison is of the rules, not of that.
fn inject(dir: &Path, state: &mut u64, rate: f64) {
    let mut next = || {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let Some(header) = lines.first() else {
            continue;
        };
        let columns: Vec<String> = header.split(',').map(str::to_owned).collect();
        for line in lines.iter_mut().skip(1) {
            if ((next() >> 11) as f64 / (1u64 << 53) as f64) > rate {
                continue;
            }
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            let candidates: Vec<usize> = (0..cells.len())
                .filter(|&i| columns.get(i).is_some_and(|c| c != "CHILD"))
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let i = candidates[(next() % candidates.len() as u64) as usize];
            let value = ODD[(next() % ODD.len() as u64) as usize];
            let key = matches!(columns[i].as_str(), "IN_TOUCH" | "DATE_INT");
            cells[i] = if key && value.is_empty() { "X" } else { value }.to_owned();
            *line = cells.join(",");
        }
        let mut out = lines.join("\n");
        out.push('\n');
        std::fs::write(&file, out).unwrap();
    }
}

#[test]
fn the_peer_and_harbour_read_a_synthetic_return_in_xml_alike() {
    let Some(run) = peer() else {
        return;
    };
    let year = 2026;
    let dir = tempfile::tempdir().unwrap();
    let config = synth::SynthConfig {
        children: 6000,
        seed: 7,
        year,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    let files = synth::write(&council, &config, dir.path()).unwrap();
    let mut state = 7;
    inject(&files.ssda903, &mut state, 0.06);
    inject(&files.ssda903_prev, &mut state, 0.06);
    let xml = dir.path().join("return.xml");
    let prev_xml = dir.path().join("return_prev.xml");
    for (from, to) in [(&files.ssda903, &xml), (&files.ssda903_prev, &prev_xml)] {
        let ret = RawReturn::read(std::slice::from_ref(from)).unwrap();
        std::fs::write(to, formats::ssda903::xml::write(&ret)).unwrap();
    }
    // The peer cannot read an XML return in which a table has no row (its table then has no
    // columns, and its report fails): the size is one at which every table has rows.
    for file in [&xml, &prev_xml] {
        let ret = RawReturn::read(std::slice::from_ref(file)).unwrap();
        for t in ret.tables() {
            assert!(!t.rows.is_empty(), "{}: no {} row", file.display(), t.table);
        }
    }
    report(&compare(
        &run,
        "synthetic",
        &xml,
        Some(&prev_xml),
        year,
        council.area.ons_code,
    ));
}
