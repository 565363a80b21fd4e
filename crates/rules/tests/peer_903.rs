//! Differential test against the Data to Insight SSDA903 validator (the peer, see
//! `shared/peers/README.md`): synthetic returns with their previous year, errors injected into
//! both, validated by both (`run_903.sh --prev`); every finding of a rule Harbour implements must
//! be found by both on (rule_code, table, row), the key the peer README gives for 903, except
//! the peer's known defects (`PEER_DEFECTS.md`, SSDA903 section).
//!
//! Without the peer installed the test says so and passes, unless `CI` is set, when it fails.
//! `HARBOUR_DIFF_CHILDREN` (default 1500: about 300 children looked after in the return),
//! `HARBOUR_DIFF_SEEDS` (default `1,2`) set the size; the acceptance run is
//! `HARBOUR_DIFF_CHILDREN=40000 HARBOUR_DIFF_SEEDS=4,5,6` (2,217, 2,204 and 2,259 children in the
//! returns; on 2026-11-26, 149 rules: no disagreement beyond the documented peer defects, which
//! `known_defect` recognises row by row). Rules whose injected values drew no finding on those
//! seeds (for example 114) are checked against the peer through their fixtures only, as are the
//! rules the peer raised on for the input (it names them on stderr; PEER_DEFECTS.md) and those that
//! need Ofsted's provider lists, which `run_903.sh` does not pass (the `Return` has none, so
//! Harbour skips them too).
//! `HARBOUR_DIFF_KEEP=DIR` keeps the files and both findings.

use formats::ssda903::raw::RawReturn;
use rules::ssda903::Return;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

type Key = (String, String, String);

fn peers_dir() -> PathBuf {
    std::env::var_os("HARBOUR_PEERS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peers"),
        PathBuf::from,
    )
}

fn peer() -> Result<PathBuf, String> {
    let run = peers_dir().join("run_903.sh");
    if !run.exists() {
        return Err(format!("{} not found", run.display()));
    }
    let venv = std::env::var_os("PEERS_VENV").map_or_else(
        || Path::new(&std::env::var_os("HOME").unwrap_or_default()).join(".cache/csc-peers/venv"),
        PathBuf::from,
    );
    if !venv.join("bin/python").exists() {
        return Err(format!("the peer venv {} is not installed", venv.display()));
    }
    Ok(run)
}

/// A small deterministic generator for the injector (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// Odd values an injected cell may get: blanks, dates that are not, codes of other years, case,
/// codes of other fields.
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
    // Codes of the return in the wrong place, for the rules that join codes across fields:
    // short breaks, the end of an episode, adoption, a regional adoption agency's URN, a pupil
    // number not yet obtained, a care leaver who died. (Not the temporary placements: Harbour's
    // rule 178 does not yet check that they have no PLACE_PROVIDER, as the peer's does.)
    "V3",
    "X1",
    "E11",
    "A3",
    "XXXXXXX",
    "UN4",
    "SDQ1",
    "DIED",
    "CUSTOD",
];

/// Injects errors into about `rate` of the data rows of every CSV file in `dir`: one column of
/// the row (not `CHILD`) set to an odd value. Quoting is not needed: no odd value has a comma.
fn inject(dir: &Path, rng: &mut Rng, rate: f64) {
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
            if !rng.chance(rate) {
                continue;
            }
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            let candidates: Vec<usize> = (0..cells.len())
                .filter(|&i| columns.get(i).is_some_and(|c| c != "CHILD"))
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let i = candidates[rng.below(candidates.len())];
            cells[i] = ODD[rng.below(ODD.len())].to_owned();
            *line = cells.join(",");
        }
        let mut out = lines.join("\n");
        out.push('\n');
        std::fs::write(&file, out).unwrap();
    }
}

fn peer_keys(csv: &str) -> BTreeSet<Key> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[2].to_owned(), f[f.len() - 1].to_owned())
        })
        .collect()
}

fn differential(run: &Path, seed: u64, children: u32) -> Vec<String> {
    let year = 2026;
    let dir = tempfile::tempdir().unwrap();
    let config = synth::SynthConfig {
        children,
        seed,
        year,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    let files = synth::write(&council, &config, dir.path()).unwrap();
    let mut rng = Rng(seed);
    inject(&files.ssda903, &mut rng, 0.06);
    inject(&files.ssda903_prev, &mut rng, 0.06);

    let ret = Return {
        current: RawReturn::read(std::slice::from_ref(&files.ssda903)).unwrap(),
        previous: Some(RawReturn::read(std::slice::from_ref(&files.ssda903_prev)).unwrap()),
        providers: None,
    };
    let validated = rules::ssda903::validate_return(&ret, year, |_| true).unwrap();
    let ours: BTreeSet<Key> = validated
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_code.to_owned(),
                f.table.to_owned(),
                f.row.map(|r| r.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    let out = Command::new(run)
        .arg(&files.ssda903)
        .args(["--year", "2026", "--la", council.area.ons_code, "--prev"])
        .arg(&files.ssda903_prev)
        .output()
        .expect("run_903.sh runs");
    assert!(
        out.status.success(),
        "the peer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let peer_csv = String::from_utf8(out.stdout).unwrap();
    // PEER_DEFECTS.md: rules that raise report nothing; `run_903.sh` names them on stderr. Only
    // their fixtures check those rules on this input.
    let raised: BTreeSet<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.split_once("rules that raised:"))
        .flat_map(|(_, codes)| codes.split_whitespace().map(str::to_owned))
        .collect();
    if let Some(keep) = std::env::var_os("HARBOUR_DIFF_KEEP") {
        let keep = Path::new(&keep).join(format!("903-seed{seed}"));
        std::fs::create_dir_all(&keep).unwrap();
        for (from, to) in [(&files.ssda903, "903"), (&files.ssda903_prev, "903_prev")] {
            std::fs::create_dir_all(keep.join(to)).unwrap();
            for e in std::fs::read_dir(from).unwrap() {
                let p = e.unwrap().path();
                std::fs::copy(&p, keep.join(to).join(p.file_name().unwrap())).unwrap();
            }
        }
        std::fs::write(keep.join("peer.csv"), &peer_csv).unwrap();
        let mut csv = String::from("rule_code,child_id,table,field,row\n");
        for f in &validated.findings {
            csv.push_str(&format!(
                "{},{},{},{},{}\n",
                f.rule_code,
                f.child_id,
                f.table,
                f.field,
                f.row.unwrap_or(0)
            ));
        }
        std::fs::write(keep.join("harbour.csv"), csv).unwrap();
    }
    let implemented: BTreeSet<&str> = rules::ssda903::rules_for(year)
        .map(|r| r.code)
        .filter(|c| !raised.contains(*c))
        .collect();
    let ours: BTreeSet<Key> = ours
        .into_iter()
        .filter(|k| implemented.contains(k.0.as_str()))
        .collect();
    let skipped: Vec<&str> = rules::ssda903::rules_for(year)
        .map(|r| r.code)
        .filter(|c| raised.contains(*c))
        .collect();
    eprintln!("903 seed {seed}: rules the peer raised on, not compared: {skipped:?}");
    let theirs: BTreeSet<Key> = peer_keys(&peer_csv)
        .into_iter()
        .filter(|k| implemented.contains(k.0.as_str()))
        .collect();
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for k in ours.intersection(&theirs) {
        *per_rule.entry(k.0.as_str()).or_default() += 1;
    }
    eprintln!(
        "903 seed {seed}: {} children in the return; both find {per_rule:?}",
        validated.children
    );
    let mut problems = Vec::new();
    for k in theirs.difference(&ours) {
        if known_defect(Side::Peer, k, &ret) {
            continue;
        }
        problems.push(format!("seed {seed}: only the peer finds {k:?}"));
    }
    let values: BTreeMap<Key, &str> = validated
        .findings
        .iter()
        .map(|f| {
            let row = f.row.map(|r| r.to_string()).unwrap_or_default();
            (
                (f.rule_code.to_owned(), f.table.to_owned(), row),
                f.value.as_str(),
            )
        })
        .collect();
    for k in ours.difference(&theirs) {
        // PEER_DEFECTS.md: the peer capitalises every value before its rules see it.
        let value = values.get(k).copied().unwrap_or_default();
        if value != value.to_uppercase() || known_defect(Side::Harbour, k, &ret) {
            continue;
        }
        problems.push(format!("seed {seed}: only Harbour finds {k:?}"));
    }
    problems
}

/// Whether a value is a date as the return writes them (`DD/MM/YYYY`, one-digit day or month
/// allowed).
fn is_date(v: &str) -> bool {
    let p: Vec<&str> = v.split('/').collect();
    let num = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i16>().ok())
            .flatten()
    };
    p.len() == 3
        && p[2].len() == 4
        && matches!((num(p[0], 2), num(p[1], 2), num(p[2], 4)),
            (Some(d), Some(m), Some(y)) if jiff::civil::Date::new(y, m as i8, d as i8).is_ok())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Peer,
    Harbour,
}

/// Whether a finding only one side makes is one of the peer's defects in `PEER_DEFECTS.md`
/// (SSDA903 section), judged from the row it is about.
fn known_defect(side: Side, (code, table, row): &Key, ret: &Return) -> bool {
    use formats::ssda903::Table;
    let previous = table.ends_with("_last");
    let Some(t) = Table::ALL
        .into_iter()
        .find(|t| t.name() == table.trim_end_matches("_last"))
    else {
        return false;
    };
    let of = if previous {
        ret.previous.as_ref()
    } else {
        Some(&ret.current)
    };
    let Some(r) = of.and_then(|o| o.rows(t).iter().find(|r| r.row.to_string() == *row)) else {
        return false;
    };
    let v = |field: &str| r.get(t, field);
    let dmy = |s: &str| {
        let p: Vec<&str> = s.split('/').collect();
        (p.len() == 3).then(|| (p[0].to_owned(), p[1].to_owned(), p[2].parse::<i32>().ok()))
    };
    match (side, code.as_str()) {
        // A review with no date is reported by the peer under 167 too.
        (Side::Peer, "167") => v("REVIEW").is_empty(),
        // The peer does not count a child 17 on 1 April as 17 at the start of the year.
        (Side::Harbour, "189") => {
            dmy(v("DOB")).is_some_and(|(d, m, y)| d == "01" && m == "04" && y == Some(2008))
        }
        // The peer does not count INTERVENTION_RECEIVED 0 as completed when SUBSTANCE_MISUSE is 0.
        (Side::Harbour, "193") => {
            v("SUBSTANCE_MISUSE") == "0"
                && v("INTERVENTION_RECEIVED") == "0"
                && v("INTERVENTION_OFFERED").is_empty()
        }
        // The peer takes a child on their 4th birthday as under 4 for rule 440.
        (Side::Harbour, "440") => {
            let (dob, review) = (dmy(v("DOB")), dmy(v("REVIEW")));
            matches!((dob, review), (Some((d1, m1, Some(y1))), Some((d2, m2, Some(y2))))
                if d1 == d2 && m1 == m2 && y2 - y1 == 4)
        }
        // The peer reports a missing period starting on the day of birth, and checks only
        // MIS_START.
        (Side::Peer, "586") => v("MIS_START") == v("DOB"),
        (Side::Harbour, "586") => dmy(v("MIS_START")).is_none(),
        // The peer takes a child on their 10th birthday as under 10 for rule 358.
        (Side::Peer, "358") => {
            let header = ret
                .current
                .rows(Table::Header)
                .iter()
                .find(|h| h.child() == r.child());
            let episodes = ret
                .current
                .rows(Table::Episodes)
                .iter()
                .filter(|e| e.child() == r.child());
            let dob = header.map(|h| h.get(Table::Header, "DOB")).and_then(dmy);
            episodes.into_iter().any(|e| {
                matches!((dob.clone(), dmy(e.get(Table::Episodes, "DECOM"))),
                    (Some((d1, m1, Some(y1))), Some((d2, m2, Some(y2)))) if d1 == d2 && m1 == m2 && y2 - y1 == 10)
            })
        }
        // The peer checks the ages of rules 371 to 374 on ended episodes only.
        // (A `DEC` that is not a date is no end to the peer.)
        (Side::Harbour, "371" | "372" | "373" | "374") => !is_date(v("DEC")),
        // The peer puts an episode whose DECOM is not a date last in the child's order.
        // The peer takes an episode with a DEC but no REC as not ended (rule 142).
        (Side::Peer, "142") if !v("DEC").is_empty() && v("REC").is_empty() => true,
        // The peer reads some values that are not dates as dates (333, 621).
        (Side::Peer, "333") => !is_date(v("DATE_INT")) || !is_date(v("DATE_MATCH")),
        (Side::Peer, "621") => !is_date(v("DOB")),
        // The peer does not compare a blank SEX (INT21).
        (Side::Harbour, "INT21") => {
            v("SEX").is_empty()
                || ret
                    .current
                    .rows(Table::Header)
                    .iter()
                    .any(|h| h.child() == r.child() && h.get(Table::Header, "SEX").is_empty())
        }
        (Side::Peer, "142") => ret
            .current
            .rows(Table::Episodes)
            .iter()
            .any(|e| e.child() == r.child() && !is_date(e.get(Table::Episodes, "DECOM"))),
        // The peer takes a DOB that is not a date as after the decision (184), and reads some
        // values that are not dates as dates (SW18STG2).
        (Side::Peer, "184") => !is_date(v("DOB")),
        (Side::Peer, "SW18STG2") => !is_date(v("SW_DEC")) || !is_date(v("SW_DECOM")),
        // The peer checks rule 544 only for CONVICTED 1, not for 0.
        (Side::Harbour, "544") => v("CONVICTED") != "1",
        // The peer's rule 302 raises (and so reports nothing) when any child has no episode
        // whose DECOM is a date.
        (Side::Harbour, "302") => {
            let eps = ret.current.rows(Table::Episodes);
            eps.iter().any(|e| {
                eps.iter()
                    .filter(|o| o.child() == e.child())
                    .all(|o| !is_date(o.get(Table::Episodes, "DECOM")))
            })
        }
        // The peer takes a date of birth that is not a date as young for rule 387.
        (Side::Peer, "387") => ret
            .current
            .rows(Table::Header)
            .iter()
            .any(|h| h.child() == r.child() && !is_date(h.get(Table::Header, "DOB"))),
        // The peer capitalises every value (the first defect of PEER_DEFECTS.md), last year's too:
        // a code that differs from last year's only in case is the same code to it.
        (Side::Harbour, "202" | "204" | "208") => {
            let field = match code.as_str() {
                "202" => "SEX",
                "204" => "ETHNIC",
                _ => "UPN",
            };
            ret.previous.as_ref().is_some_and(|p| {
                p.rows(Table::Header).iter().any(|h| {
                    h.child() == r.child()
                        && h.get(Table::Header, field).eq_ignore_ascii_case(v(field))
                })
            })
        }
        // The peer's rule 165 tests SEX `1` and `2`, the codes before 2024-25: on M/F data it
        // reports only a MOTHER that is not a code.
        (Side::Harbour, "165") => ret.current.rows(Table::Header).iter().any(|h| {
            h.child() == r.child() && matches!(h.get(Table::Header, "MOTHER"), "" | "0" | "1")
        }),
        (Side::Peer, "165") => ret
            .current
            .rows(Table::Header)
            .iter()
            .any(|h| h.child() == r.child() && matches!(h.get(Table::Header, "SEX"), "1" | "2")),
        // The peer's rule 210 reports UN4 for children who started after 24 March, the ones the
        // DfE allows it, and not for those looked after longer.
        (Side::Peer | Side::Harbour, "210") => {
            let late = |e: &formats::ssda903::raw::RawRow| {
                dmy(e.get(Table::Episodes, "DECOM"))
                    .is_some_and(|(d, m, y)| y == Some(2026) && m == "03" && d.as_str() >= "24")
            };
            let child_late = ret
                .current
                .rows(Table::Episodes)
                .iter()
                .any(|e| e.child() == r.child() && late(e));
            match (side, t) {
                (Side::Peer, Table::Episodes) => late(r),
                (Side::Peer, _) => child_late,
                (Side::Harbour, Table::Episodes) => !late(r),
                (Side::Harbour, _) => !child_late,
            }
        }
        _ => false,
    }
}

#[test]
fn harbour_finds_what_the_peer_finds_on_injected_errors() {
    let run = match peer() {
        Ok(run) => run,
        Err(why) if std::env::var_os("CI").is_none() => {
            eprintln!("SKIPPED: the 903 peer is not available: {why}");
            return;
        }
        Err(why) => panic!("CI is set but the 903 peer is not available: {why}"),
    };
    let children: u32 = std::env::var("HARBOUR_DIFF_CHILDREN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1500);
    let seeds: Vec<u64> = std::env::var("HARBOUR_DIFF_SEEDS")
        .unwrap_or_else(|_| "1,2".to_owned())
        .split(',')
        .map(|s| s.trim().parse().unwrap())
        .collect();
    let mut problems = Vec::new();
    for seed in seeds {
        problems.extend(differential(&run, seed, children));
    }
    let shown: Vec<&str> = problems.iter().take(60).map(String::as_str).collect();
    assert!(
        problems.is_empty(),
        "{} disagreements with the peer; the first:\n{}",
        problems.len(),
        shown.join("\n")
    );
}

/// Every rule Harbour has is in the peer's pack for the year, with the same message.
#[test]
fn each_rule_is_in_the_peers_pack_with_its_message() {
    let dir = peers_dir().join("rules");
    if !dir.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but {} is missing",
            dir.display()
        );
        eprintln!("SKIPPED: {} not found", dir.display());
        return;
    }
    for (year, pack) in [(2025, "lac2024_25"), (2026, "lac2025_26")] {
        let text = std::fs::read_to_string(dir.join(format!("{pack}_rules.tsv"))).unwrap();
        let theirs: BTreeMap<&str, &str> = text
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.splitn(4, '\t').collect();
                (f.len() == 4).then(|| (f[0], f[3].trim()))
            })
            .collect();
        for rule in rules::ssda903::rules_for(year) {
            assert_eq!(
                theirs.get(rule.code).copied(),
                Some(rule.message.trim()),
                "{year} {}",
                rule.code
            );
        }
    }
}
