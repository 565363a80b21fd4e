//! Differential test against the Data to Insight CIN validator (the peer, see
//! `shared/peers/README.md`): synthetic censuses with injected errors, validated by both; every
//! finding of a rule Harbour implements must be found by both on (rule_code, child_id, table,
//! row), except the peer's known defects (`PEER_DEFECTS.md`).
//!
//! Without the peer installed the test says so and passes, unless `CI` is set, when it fails.
//! `HARBOUR_DIFF_CHILDREN` (default 500), `HARBOUR_DIFF_SEEDS` (default `1,2`) and
//! `HARBOUR_DIFF_YEARS` (default `2024,2025,2026`) set the size, kept small for CI; the acceptance
//! run is `HARBOUR_DIFF_CHILDREN=2000 HARBOUR_DIFF_SEEDS=1,2,3`. `HARBOUR_DIFF_KEEP=DIR` keeps the
//! files (census, both findings) for a look. Years are collection years named by their end; the
//! peer has no 2023-24 pack, so 2024 is compared with its 2022-23 pack (the same rules but for the
//! LA code list of 1530, which gained 942 and 943 in 2023-24: the injector does not write those)
//! on a census with `GenderCurrent` in place of `Sex`.

#[path = "support/inject.rs"]
mod inject;

use formats::cin::raw::RawReader;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

type Key = (String, String, String, String);

fn peers_dir() -> PathBuf {
    std::env::var_os("HARBOUR_PEERS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peers"),
        PathBuf::from,
    )
}

/// The peer's runner, or `None` (with the reason) when it is not installed.
fn peer() -> Result<PathBuf, String> {
    let run = peers_dir().join("run_cin.sh");
    if !run.exists() {
        return Err(format!("{} not found", run.display()));
    }
    let venv = std::env::var_os("PEERS_VENV").map_or_else(
        || {
            let home = std::env::var_os("HOME").unwrap_or_default();
            Path::new(&home).join(".cache/csc-peers/venv")
        },
        PathBuf::from,
    );
    if !venv.join("bin/python").exists() {
        return Err(format!(
            "the peer venv {} is not installed (run shared/peers/setup.sh)",
            venv.display()
        ));
    }
    Ok(run)
}

fn run_peer(run: &Path, xml: &Path, ruleset: &str) -> String {
    let out = Command::new(run)
        .arg(xml)
        .args(["--ruleset", ruleset])
        .output()
        .expect("run_cin.sh runs");
    assert!(
        out.status.success(),
        "the peer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn peer_keys(csv: &str) -> BTreeSet<Key> {
    csv.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                f[0].to_owned(),
                f[1].to_owned(),
                f[2].to_owned(),
                f[4].to_owned(),
            )
        })
        .collect()
}

fn harbour(xml: &Path, year: i16) -> (BTreeSet<Key>, String) {
    let reader = RawReader::open(xml).unwrap();
    let census = rules::cin::validate_census(reader, Some(year), |_| true).unwrap();
    let mut csv = String::from("rule_code,child_id,table,field,row,line,column\n");
    let mut keys = BTreeSet::new();
    for f in &census.findings {
        let row = f.row.map(|r| r.to_string()).unwrap_or_default();
        csv.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            f.rule_code,
            f.child_id,
            f.table,
            f.field,
            row,
            f.line.unwrap_or(0),
            f.column.unwrap_or(0)
        ));
        keys.insert((
            f.rule_code.to_owned(),
            f.child_id.clone(),
            f.table.to_owned(),
            row,
        ));
    }
    (keys, csv)
}

/// Why a finding only Harbour makes is the peer's fault, when it is (see PEER_DEFECTS.md).
/// Rules that compare the blocks of a child with one another.
const COMPARING: &[&str] = &[
    "4004", "4014", "8815", "8816", "8820", "8839", "8863Q", "8890", "8896", "8935", "8940",
];

fn known_peer_miss(key: &Key, census: &Facts) -> Option<&'static str> {
    if COMPARING.contains(&key.0.as_str()) && census.twins.contains(&(key.1.clone(), key.2.clone()))
    {
        return Some("the peer drops a block recorded twice before comparing blocks");
    }
    if census.shared_ids.contains(&key.1) {
        return Some("the peer pools the records of children who share an LAchildID");
    }
    match key.0.as_str() {
        "8540" => Some("the peer's 8540 reports no disability code, valid or not"),
        "8614" | "8869" | "8897Q" | "8945Q" | "8950Q" => {
            Some("the peer's factor rules 8614, 8869, 8897Q, 8945Q and 8950Q report nothing")
        }
        "8870Q" => Some("the peer's 8870Q reports no weekend target date"),
        "8898" | "8565" => Some("the peer's 8898 and 8565 raise and are skipped"),
        "2887Q" => Some("the peer's 2887Q does not follow the count of codes used"),
        "8841" if key.2 == "Reviews" && census.multi_date_reviews.contains(&key.3) => {
            Some("the peer reads only the first CPPreviewDate of a Reviews block")
        }
        "8841" if key.2 == "ChildProtectionPlans" && census.multi_date_plans.contains(&key.3) => {
            Some("the peer reads only the first CPPreviewDate of a Reviews block")
        }
        "8832" => Some("the peer's 8832 pairs episodes with other children's plans"),
        "8875" if key.2 == "CINdetails" => {
            Some("the peer's 8875 checks conference dates of Section 47 enquiries only")
        }
        "8842Q" if key.2 == "Reviews" && census.multi_date_reviews.contains(&key.3) => {
            Some("the peer reads only the first CPPreviewDate of a Reviews block")
        }
        "8730" if census.bad_previous_cpp => {
            Some("the peer's 8730 raises when a NumberOfPreviousCPP is not a whole number")
        }
        "8815" | "8816" | "8820" if census.bad_nfa.contains(&key.1) => {
            Some("the peer reads a ReferralNFA that is missing or not a boolean as 'yes'")
        }
        "1510" if census.temporary_upn.contains(&key.1) => {
            Some("the peer does not check the check letter of a UPN ending in a letter")
        }
        "4003" if census.with_open_cin_plan.contains(&key.1) => {
            Some("the peer's 4003 passes over CIN plans with no end date")
        }
        _ => None,
    }
}

/// What the differential test needs to know about the census itself.
#[derive(Default)]
struct Facts {
    /// Children whose LAchildID another child has too (rule 8510).
    shared_ids: BTreeSet<String>,
    /// Rows of Reviews blocks with more than one date, and of their plans.
    multi_date_reviews: BTreeSet<String>,
    multi_date_plans: BTreeSet<String>,
    /// Children with a CIN plan that has no end date.
    with_open_cin_plan: BTreeSet<String>,
    /// Children whose UPN ends in a letter (a temporary UPN).
    temporary_upn: BTreeSet<String>,
    /// Children with an episode whose ReferralNFA is missing or not a boolean (rule 8568).
    bad_nfa: BTreeSet<String>,
    /// (child, CINdetails row) of NFA referrals made in the census year on a day that is not a
    /// working day.
    nfa_on_day_off: BTreeSet<(String, String)>,
    /// (child, table) where the child has two identical blocks of that table.
    twins: BTreeSet<(String, String)>,
    /// Children expected on 1 March or 31 December.
    due_on_range_edge: BTreeSet<String>,
    /// Children whose PersonBirthDate is there but not a date.
    undated_birth: BTreeSet<String>,
    /// Whether some NumberOfPreviousCPP is not a whole number.
    bad_previous_cpp: bool,
    /// (table, row) of open assessments and Section 47 enquiries within a day of their working-day
    /// limit (45 and 15) at the year end, whose count a bank holiday or a weekend start changes.
    working_day_edge: BTreeSet<(String, String)>,
}

/// Whether an open block started `start` is within a day of `limit` working days at the end of
/// `year`, with a bank holiday or a weekend start in play.
fn near_working_day_limit(year: i16, start: model::Date, limit: i64) -> bool {
    use model::calendar::{Calendar, DayCount};
    let calendar = Calendar::england_and_wales_ref();
    let end = model::CollectionYear(year).end();
    let days = calendar.working_days_between(start, end, DayCount::StartIsDayOne);
    let mut day = start;
    let mut holiday = false;
    while day <= end {
        holiday |= calendar.is_bank_holiday(day);
        day = day.tomorrow().unwrap();
    }
    (limit - 1..=limit).contains(&days) && (holiday || !calendar.is_working_day(start))
}

fn facts(xml: &Path, year: i16, ours: &BTreeSet<Key>) -> Facts {
    let mut facts = Facts {
        shared_ids: ours
            .iter()
            .filter(|k| k.0 == "8510")
            .map(|k| k.1.clone())
            .collect(),
        bad_nfa: ours
            .iter()
            .filter(|k| k.0 == "8568")
            .map(|k| k.1.clone())
            .collect(),
        ..Facts::default()
    };
    for child in RawReader::open(xml).unwrap() {
        let child = child.unwrap();
        if let Some(upn) = &child.upn
            && upn.text.len() == 13
            && upn.text.as_bytes()[12].is_ascii_alphabetic()
        {
            facts.temporary_upn.insert(child.id().to_owned());
        }
        let is_date = |v: &Option<formats::cin::raw::RawValue>| {
            v.as_ref()
                .is_some_and(|v| v.text.parse::<model::Date>().is_ok() && v.text.len() == 10)
        };
        if let Some(due) = &child.expected_person_birth_date
            && (due.text.ends_with("-03-01") || due.text.ends_with("-12-31"))
        {
            facts.due_on_range_edge.insert(child.id().to_owned());
        }
        if child.person_birth_date.is_some() && !is_date(&child.person_birth_date) {
            facts.undated_birth.insert(child.id().to_owned());
        }
        // Blocks recorded twice, compared on their values as written (places aside).
        let values = |vs: &[&Option<formats::cin::raw::RawValue>]| -> Vec<String> {
            vs.iter()
                .map(|v| v.as_ref().map(|v| v.text.clone()).unwrap_or_default())
                .collect()
        };
        let mut seen: BTreeMap<(&str, Vec<String>), usize> = BTreeMap::new();
        for ep in &child.cin_details {
            let e = values(&[
                &ep.cin_referral_date,
                &ep.cin_closure_date,
                &ep.referral_nfa,
            ]);
            *seen.entry(("CINdetails", e)).or_default() += 1;
            for a in &ep.assessments {
                let v = values(&[&a.actual_start_date, &a.authorisation_date]);
                *seen.entry(("Assessments", v)).or_default() += 1;
            }
            for x in &ep.section47 {
                let v = values(&[
                    &x.actual_start_date,
                    &x.date_of_initial_cpc,
                    &x.icpc_not_required,
                ]);
                *seen.entry(("Section47", v)).or_default() += 1;
            }
            for p in &ep.child_protection_plans {
                let v = values(&[&p.start_date, &p.end_date]);
                *seen.entry(("ChildProtectionPlans", v)).or_default() += 1;
            }
            for p in &ep.cin_plan_dates {
                let v = values(&[&p.start_date, &p.end_date]);
                *seen.entry(("CINplanDates", v)).or_default() += 1;
            }
        }
        for ((table, _), n) in seen {
            if n > 1 {
                facts
                    .twins
                    .insert((child.id().to_owned(), table.to_owned()));
            }
        }
        let open = child.cin_details.iter().flat_map(|ep| &ep.cin_plan_dates);
        if open.filter(|p| !is_date(&p.end_date)).count() > 0 {
            facts.with_open_cin_plan.insert(child.id().to_owned());
        }
        let start = |v: &Option<formats::cin::raw::RawValue>| {
            v.as_ref().and_then(|v| v.text.parse::<model::Date>().ok())
        };
        for ep in &child.cin_details {
            let nfa = ep
                .referral_nfa
                .as_ref()
                .is_some_and(|v| v.text == "1" || v.text == "true");
            if let Some(d) = start(&ep.cin_referral_date)
                && nfa
                && model::CollectionYear(year).contains(d)
                && !model::calendar::Calendar::england_and_wales_ref().is_working_day(d)
            {
                let key = (child.id().to_owned(), ep.place.row.to_string());
                facts.nfa_on_day_off.insert(key);
            }
            for a in &ep.assessments {
                if let Some(d) = start(&a.actual_start_date)
                    && near_working_day_limit(year, d, 45)
                {
                    let row = a.place.row.to_string();
                    facts
                        .working_day_edge
                        .insert(("Assessments".to_owned(), row));
                }
            }
            for s in &ep.section47 {
                if let Some(d) = start(&s.actual_start_date)
                    && near_working_day_limit(year, d, 15)
                {
                    let row = s.place.row.to_string();
                    facts.working_day_edge.insert(("Section47".to_owned(), row));
                }
            }
            for plan in &ep.child_protection_plans {
                let number = plan.number_of_previous_cpp.as_ref();
                if number.is_some_and(|n| n.text.parse::<u32>().is_err()) {
                    facts.bad_previous_cpp = true;
                }
                for (place, dates) in &plan.reviews {
                    if dates.len() > 1 {
                        facts.multi_date_reviews.insert(place.row.to_string());
                        facts.multi_date_plans.insert(plan.place.row.to_string());
                    }
                }
            }
        }
    }
    facts
}

/// Why a finding only the peer makes is the peer's fault, when it is (see PEER_DEFECTS.md).
fn known_peer_extra(key: &Key, census: &Facts, ours: &BTreeSet<Key>) -> Option<&'static str> {
    if COMPARING.contains(&key.0.as_str()) && census.twins.contains(&(key.1.clone(), key.2.clone()))
    {
        return Some("the peer drops a block recorded twice before comparing blocks");
    }
    if matches!(key.0.as_str(), "8670Q" | "8675Q")
        && census
            .working_day_edge
            .contains(&(key.2.clone(), key.3.clone()))
    {
        return Some(
            "the peer counts bank holidays as working days, and weekend starts from Friday",
        );
    }
    if census.shared_ids.contains(&key.1) {
        return Some("the peer pools the records of children who share an LAchildID");
    }
    let ours_at =
        |code: &str| ours.contains(&(code.to_owned(), key.1.clone(), key.2.clone(), key.3.clone()));
    match key.0.as_str() {
        "8815" | "8816" | "8820" if census.bad_nfa.contains(&key.1) => {
            Some("the peer reads a ReferralNFA that is missing or not a boolean as 'yes'")
        }
        "2887Q" => Some("the peer's 2887Q does not follow the count of codes used"),
        "8832" => Some("the peer's 8832 pairs episodes with other children's plans"),
        "8530Q" if census.due_on_range_edge.contains(&key.1) => {
            Some("the peer leaves 1 March and 31 December out of March to December")
        }
        "8535Q" if census.undated_birth.contains(&key.1) => {
            Some("the peer reads a date of birth that is not a date as before any death")
        }
        "8569Q"
            if census
                .nfa_on_day_off
                .contains(&(key.1.clone(), key.3.clone())) =>
        {
            Some("the peer queries NFA referrals made on a weekend or holiday in the census year")
        }
        "8569Q" if ours_at("8568") || census.bad_nfa.contains(&key.1) => {
            Some("the peer reads a ReferralNFA that is missing or not a boolean as 'yes'")
        }
        _ => None,
    }
}

/// The peer's rule pack for a collection year. It has none for 2023-24, whose rules are
/// 2022-23's with a new list of LA codes for rule 1530.
fn ruleset(year: i16) -> &'static str {
    match year {
        2024 => "cin2022_23",
        2025 => "cin2024_25",
        _ => "cin2025_26",
    }
}

/// A census of 2023-24 or before records `GenderCurrent` (1 male, 2 female, 0 not known) where
/// later ones record `Sex` (M, F, U); the synthetic council writes the newer form.
fn to_gender_current(xml: &str) -> String {
    xml.replace("<Sex>M</Sex>", "<GenderCurrent>1</GenderCurrent>")
        .replace("<Sex>F</Sex>", "<GenderCurrent>2</GenderCurrent>")
        .replace("<Sex>U</Sex>", "<GenderCurrent>0</GenderCurrent>")
        .replace("<Sex>", "<GenderCurrent>")
        .replace("</Sex>", "</GenderCurrent>")
}

fn differential(run: &Path, year: i16, seed: u64, children: u32) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let config = synth::SynthConfig {
        children,
        seed,
        year,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    let files = synth::write(&council, &config, dir.path()).unwrap();
    let mut clean = std::fs::read_to_string(&files.cin).unwrap();
    if year <= 2024 {
        clean = to_gender_current(&clean);
    }
    let dirty = inject::inject(&clean, seed, 0.25);
    let xml = dir.path().join("injected.xml");
    std::fs::write(&xml, &dirty).unwrap();

    let keep = std::env::var_os("HARBOUR_DIFF_KEEP")
        .map(|keep| Path::new(&keep).join(format!("{year}-seed{seed}")));
    if let Some(keep) = &keep {
        std::fs::create_dir_all(keep).unwrap();
        std::fs::copy(&xml, keep.join("cin.xml")).unwrap();
    }
    let (ours, our_csv) = harbour(&xml, year);
    let peer_csv = run_peer(run, &xml, ruleset(year));
    if let Some(keep) = &keep {
        std::fs::write(keep.join("peer.csv"), &peer_csv).unwrap();
        std::fs::write(keep.join("harbour.csv"), &our_csv).unwrap();
    }
    let implemented: BTreeSet<&str> = rules::cin::rules_for(year).map(|r| r.code).collect();
    let theirs: BTreeSet<Key> = peer_keys(&peer_csv)
        .into_iter()
        .filter(|k| implemented.contains(k.0.as_str()))
        .collect();
    let mut not_implemented: BTreeMap<String, usize> = BTreeMap::new();
    for k in peer_keys(&peer_csv) {
        if !implemented.contains(k.0.as_str()) {
            *not_implemented.entry(k.0).or_default() += 1;
        }
    }
    eprintln!(
        "{year} seed {seed}: {} children; both {}, peer findings of rules not yet implemented: {:?}",
        council.dataset.children.len(),
        ours.intersection(&theirs).count(),
        not_implemented
    );
    let census = facts(&xml, year, &ours);
    let mut problems = Vec::new();
    for k in theirs.difference(&ours) {
        if known_peer_extra(k, &census, &ours).is_none() {
            problems.push(format!("{year} seed {seed}: only the peer finds {k:?}"));
        }
    }
    for k in ours.difference(&theirs) {
        if known_peer_miss(k, &census).is_none() {
            problems.push(format!("{year} seed {seed}: only Harbour finds {k:?}"));
        }
    }
    problems
}

#[test]
fn harbour_finds_what_the_peer_finds_on_injected_errors() {
    let run = match peer() {
        Ok(run) => run,
        Err(why) if std::env::var_os("CI").is_none() => {
            eprintln!("SKIPPED: the CIN peer is not available: {why}");
            return;
        }
        Err(why) => panic!("CI is set but the CIN peer is not available: {why}"),
    };
    let children: u32 = std::env::var("HARBOUR_DIFF_CHILDREN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let seeds: Vec<u64> = std::env::var("HARBOUR_DIFF_SEEDS")
        .unwrap_or_else(|_| "1,2".to_owned())
        .split(',')
        .map(|s| s.trim().parse().unwrap())
        .collect();
    let years: Vec<i16> = std::env::var("HARBOUR_DIFF_YEARS")
        .unwrap_or_else(|_| "2024,2025,2026".to_owned())
        .split(',')
        .map(|s| s.trim().parse().unwrap())
        .collect();
    let mut problems = Vec::new();
    for &year in &years {
        for &seed in &seeds {
            problems.extend(differential(&run, year, seed, children));
        }
    }
    for p in &problems {
        eprintln!("{p}");
    }
    let shown: Vec<&String> = problems.iter().take(60).collect();
    assert!(
        problems.is_empty(),
        "{} disagreements with the peer; the first:\n{}",
        problems.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Codes of a peer pack that Harbour does not implement yet, with the reason.
const NOT_YET: &[(&str, &str)] = &[];

#[test]
fn each_years_rule_set_is_the_peers_pack_with_the_dfe_messages() {
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
    for year in rules::cin::YEARS {
        let pack =
            std::fs::read_to_string(dir.join(format!("{}_rules.tsv", ruleset(*year)))).unwrap();
        let mut theirs: BTreeMap<String, String> = BTreeMap::new();
        for line in pack.lines().filter(|l| !l.trim().is_empty()) {
            let f: Vec<&str> = line.splitn(3, '\t').collect();
            theirs.insert(f[0].to_owned(), f[2].trim().to_owned());
        }
        let ours: BTreeMap<String, String> = rules::cin::rules_for(*year)
            .map(|r| (r.code.to_owned(), r.message.trim().to_owned()))
            .collect();
        for (code, message) in &theirs {
            match ours.get(code) {
                Some(m) => assert_eq!(m, message, "{year} {code}: message differs from the pack"),
                None => assert!(
                    NOT_YET.iter().any(|(c, _)| c == code),
                    "{year}: rule {code} of the peer's pack is missing"
                ),
            }
        }
        for code in ours.keys() {
            assert!(
                theirs.contains_key(code),
                "{year}: {code} is not in the peer's pack"
            );
        }
    }
}
