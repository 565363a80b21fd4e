//! The `harbour` binary end to end: synth → load → indicators, on a small synthetic council.

use std::path::Path;
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

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn synth_load_indicators() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let db = tmp.path().join("harbour.db");
    let db = db.to_str().unwrap();
    for out in [&a, &b] {
        ok(&[
            "synth",
            "--children",
            "400",
            "--seed",
            "11",
            "--year",
            "2026",
            "--out",
            out.to_str().unwrap(),
        ]);
    }
    let (fa, fb) = (files_under(&a), files_under(&b));
    let names: Vec<_> = fa.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "cin/cin_census.xml",
        "903/header.csv",
        "903/episodes.csv",
        "903_prev/episodes.csv",
        "extract/family_safeguarding.csv",
        "extract/contacts.csv",
        "extract/strategy_discussions.csv",
        "extract/visits.csv",
        "extract/supervisions.csv",
        "extract/chronology.csv",
        "extract/return_home_interviews.csv",
        "extract/partnership.csv",
        "population.csv",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert!(fa == fb, "the same seed must give byte-identical files");

    ok(&["load", a.to_str().unwrap(), "--database", db]);
    let first = ok(&["indicators", "--database", db, "--format", "csv"]).stdout;
    let again = ok(&["load", a.to_str().unwrap(), "--database", db]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("already loaded"));
    assert_eq!(ok(&["indicators", "--database", db]).stdout, first);

    let csv = String::from_utf8(first).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("indicator_id,period_start,period_end,numerator,denominator,value")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    for id in [
        "cp_starts_from_cin_pct",
        "cla_starts_from_cp_or_cin",
        "fsm_open_children",
    ] {
        let mine: Vec<_> = rows.iter().filter(|r| r[0] == id).collect();
        assert_eq!(mine.len(), 36, "{id} has 36 months");
        assert_eq!(mine[0][1], "2023-04-01");
        assert_eq!(mine[35][2], "2026-03-31");
        for r in &mine {
            if let (Ok(n), Ok(d)) = (r[3].parse::<u64>(), r[4].parse::<u64>()) {
                assert!(n <= d, "{r:?}");
            }
        }
    }
    let fsm_total: u64 = rows
        .iter()
        .filter(|r| r[0] == "fsm_open_children")
        .map(|r| r[3].parse::<u64>().unwrap())
        .sum();
    assert!(
        fsm_total > 0,
        "Family Safeguarding is open to some children"
    );
    // Rates per 10,000 from the population table loaded with the returns, with its vintage.
    for id in ["referrals_per_10k", "contacts_per_10k", "cla_per_10k"] {
        let last = rows.iter().rfind(|r| r[0] == id).unwrap();
        assert!(
            !last[4].is_empty() && last[5].parse::<f64>().is_ok_and(|v| v > 0.0),
            "{last:?}"
        );
    }
    let loads = String::from_utf8(ok(&["loads", "--database", db]).stdout).unwrap();
    assert!(loads.contains("population"), "{loads}");
    // The ICPC anchor is a setting, shown beside the figure.
    let explained = String::from_utf8(
        ok(&[
            "indicators",
            "--database",
            db,
            "--explain",
            "icpc_15wd_pct",
            "--icpc-anchor",
            "strategy_discussion",
        ])
        .stdout,
    )
    .unwrap();
    assert!(
        explained.contains("ICPC anchor: the last strategy discussion"),
        "{explained}"
    );
    let anchored = String::from_utf8(
        ok(&[
            "indicators",
            "--database",
            db,
            "--icpc-anchor",
            "strategy_discussion",
        ])
        .stdout,
    )
    .unwrap();
    let icpc = |csv: &str| -> (u64, u64) {
        csv.lines()
            .filter(|l| l.starts_with("icpc_15wd_pct,"))
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[3].parse::<u64>().unwrap(), f[4].parse::<u64>().unwrap())
            })
            .fold((0, 0), |(n, d), (a, b)| (n + a, d + b))
    };
    let (s47, strategy) = (icpc(&csv), icpc(&anchored));
    assert!(
        strategy.1 > 0 && strategy.1 <= s47.1,
        "{s47:?} {strategy:?}"
    );
    assert!(
        strategy.0 * s47.1 <= s47.0 * strategy.1,
        "counting from the earlier strategy discussion is never more timely: {s47:?} {strategy:?}"
    );

    // A bad file refuses the load and leaves the store as it was.
    let bad = tmp.path().join("bad.xml");
    std::fs::write(&bad, "<Message><Children><Child>").unwrap();
    let refused = harbour(&["load", bad.to_str().unwrap(), "--database", db]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("bad.xml"));
    assert_eq!(ok(&["indicators", "--database", db]).stdout, csv.as_bytes());
}

#[test]
fn indicators_need_a_reporting_date() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("empty.db");
    let out = harbour(&["indicators", "--database", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--as-at"));
    let out = ok(&[
        "indicators",
        "--database",
        db.to_str().unwrap(),
        "--as-at",
        "2025-03-31",
        "--months",
        "2",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[..7],
        [
            "indicator_id,period_start,period_end,numerator,denominator,value",
            "cp_starts_from_cin_pct,2025-02-01,2025-02-28,0,0,",
            "cp_starts_from_cin_pct,2025-03-01,2025-03-31,0,0,",
            "cla_starts_from_cp_or_cin,2025-02-01,2025-02-28,0,0,0",
            "cla_starts_from_cp_or_cin,2025-03-01,2025-03-31,0,0,0",
            "fsm_open_children,2025-02-01,2025-02-28,0,,0",
            "fsm_open_children,2025-03-01,2025-03-31,0,,0",
        ]
    );
    // Every monthly indicator of the catalogue, two months each; rates per 10,000 are empty without a
    // population table, and nothing counts in an empty store.
    let monthly = metrics::CATALOGUE
        .iter()
        .filter(|d| d.period_kinds.contains(&metrics::PeriodKind::Month))
        .count();
    assert_eq!(lines.len(), 1 + 2 * monthly);
    for line in &lines[1..] {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields[3], "0", "{line}");
        if fields[0].ends_with("_per_10k") {
            assert_eq!((fields[4], fields[5]), ("", ""), "{line}");
        }
    }
}

#[test]
fn history_lineage_export_and_the_access_log() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = |name: &str| tmp.path().join(name).to_str().unwrap().to_owned();
    let (old, new, db, only_old) = (dir("old"), dir("new"), dir("h.db"), dir("old.db"));
    for (out, year) in [(&old, "2025"), (&new, "2026")] {
        ok(&[
            "synth",
            "--children",
            "300",
            "--seed",
            "5",
            "--year",
            year,
            "--out",
            out,
        ]);
    }
    ok(&["load", &old, "--database", &db]);
    ok(&["load", &new, "--database", &db]);
    ok(&["load", &old, "--database", &only_old]);

    // Lineage: two loads, each with its files.
    let loads: serde_json::Value =
        serde_json::from_slice(&ok(&["loads", "--database", &db, "--format", "json"]).stdout)
            .unwrap();
    let loads = loads.as_array().unwrap();
    assert_eq!(loads.len(), 2);
    assert_eq!(loads[1]["load_id"], 2);
    let file = &loads[0]["files"][0];
    assert_eq!(file["sha256"].as_str().unwrap().len(), 64);
    assert!(file["size"].as_u64().unwrap() > 0);
    let children_in_load_1 = loads[0]["rows"]["children"].as_u64().unwrap();

    // The data as at load 1 is exactly the older return alone.
    let as_loaded =
        |db: &str, at: &str| ok(&["indicators", "--database", db, "--store-as-at", at]).stdout;
    assert_eq!(as_loaded(&db, "1"), as_loaded(&only_old, "latest"));
    assert_ne!(as_loaded(&db, "1"), as_loaded(&db, "2"));
    let missing = harbour(&["indicators", "--database", &db, "--store-as-at", "9"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("there is no load 9"));

    // Export as at load 1, as CSV: one file per table, every child of that load.
    let out = dir("export");
    ok(&[
        "export",
        "--database",
        &db,
        "--format",
        "csv",
        "--out",
        &out,
        "--store-as-at",
        "1",
    ]);
    let children = std::fs::read_to_string(Path::new(&out).join("children.csv")).unwrap();
    assert_eq!(children.lines().count() as u64 - 1, children_in_load_1);
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        store::DATA_TABLES.len()
    );

    // The export is in the access log, and so is reading the log.
    let log = String::from_utf8(ok(&["access-log", "--database", &db]).stdout).unwrap();
    // Each `harbour indicators` read the synthetic audits in bulk for its figures: one entry
    // each, naming no child.
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| !l.contains(",\"audit records of "))
        .collect();
    assert_eq!(
        lines[0],
        "entry_id,at,actor,channel,action,subject,child_id"
    );
    assert!(lines[1].contains(",cli,harbour access-log,"), "{log}");
    assert!(
        log.contains(",cli,harbour indicators,\"audit records of "),
        "{log}"
    );
    assert!(
        lines[2].starts_with(&format!("{},", log.lines().count() - 2)),
        "{log}"
    );
    assert!(lines[2].contains(",cli,harbour export,"), "{log}");
    assert!(lines[2].contains("data as at load 1"), "{log}");
    assert_eq!(lines.len(), 3, "{log}");
}

#[test]
fn an_indicator_explained_and_the_children_behind_a_figure() {
    let explained =
        String::from_utf8(ok(&["indicators", "--explain", "cp_ended_2y_plus_pct"]).stdout).unwrap();
    assert!(explained.starts_with(
        "Child protection plans ending that lasted two years or more (cp_ended_2y_plus_pct)\n"
    ));
    assert!(
        explained.contains("Source:       DfE CIN census, table D7"),
        "{explained}"
    );
    let unknown = harbour(&["indicators", "--explain", "no_such"]);
    assert_eq!(unknown.status.code(), Some(2));

    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d");
    let db = tmp.path().join("h.db");
    let (data, db) = (data.to_str().unwrap(), db.to_str().unwrap());
    ok(&["synth", "--children", "400", "--seed", "11", "--out", data]);
    ok(&["load", data, "--database", db]);
    // The figure's own numerator and denominator, then the children behind them.
    let csv =
        String::from_utf8(ok(&["indicators", "--database", db, "--months", "12"]).stdout).unwrap();
    let row = csv
        .lines()
        .filter(|l| l.starts_with("cp_starts_from_cin_pct,"))
        .map(|l| l.split(',').collect::<Vec<_>>())
        .find(|f| f[4] != "0")
        .expect("a month with CP plan starts");
    let month = &row[1][..7];
    let listed = String::from_utf8(
        ok(&[
            "indicators",
            "--database",
            db,
            "--children",
            "cp_starts_from_cin_pct",
            "--period",
            month,
        ])
        .stdout,
    )
    .unwrap();
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines[0], "child_id,in_numerator,in_denominator");
    let in_numerator = lines.iter().filter(|l| l.contains(",true,")).count();
    let in_denominator = lines.iter().filter(|l| l.ends_with(",true")).count();
    // Plans are counted, children listed: never more children than plans.
    assert!(in_numerator as u64 <= row[3].parse::<u64>().unwrap());
    assert!(in_denominator as u64 <= row[4].parse::<u64>().unwrap());
    assert!(in_denominator >= 1);
    let log = String::from_utf8(ok(&["access-log", "--database", db]).stdout).unwrap();
    assert!(
        log.contains(&format!(
            "harbour indicators --children,children behind cp_starts_from_cin_pct {month}"
        )),
        "{log}"
    );
}

#[test]
fn figures_for_scrutiny_show_no_small_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d");
    let db = tmp.path().join("h.db");
    let (data, db) = (data.to_str().unwrap(), db.to_str().unwrap());
    ok(&["synth", "--children", "600", "--seed", "4", "--out", data]);
    ok(&["load", data, "--database", db]);
    let internal = String::from_utf8(ok(&["indicators", "--database", db]).stdout).unwrap();
    let mut small_inside = 0;
    for audience in ["scrutiny", "public"] {
        let csv =
            String::from_utf8(ok(&["indicators", "--database", db, "--audience", audience]).stdout)
                .unwrap();
        assert_eq!(csv.lines().count(), internal.lines().count());
        for (line, exact) in csv.lines().zip(internal.lines()).skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let e: Vec<&str> = exact.split(',').collect();
            let small = |s: &str| s.parse::<u64>().is_ok_and(|n| (1..=5).contains(&n));
            assert!(!small(f[3]) && !small(f[4]), "{audience}: {line}");
            if let (Ok(n), Ok(d)) = (f[3].parse::<u64>(), f[4].parse::<u64>())
                && !f[0].ends_with("_per_10k")
                && d >= n
            {
                assert!(
                    !(1..=5).contains(&(d - n)),
                    "{audience}: the rest is small: {line}"
                );
            }
            // What is shown is the true figure; what is hidden is hidden whole.
            for i in [3, 4] {
                assert!(f[i] == e[i] || f[i] == "c", "{line} vs {exact}");
            }
            if f[3] == "c" && !e[5].is_empty() {
                assert_eq!(f[5], "c", "{line}");
            }
            small_inside += usize::from(small(e[3]));
        }
    }
    assert!(small_inside > 0, "the council has small counts to hide");
    let refused = harbour(&[
        "indicators",
        "--database",
        db,
        "--audience",
        "scrutiny",
        "--children",
        "cp_starts",
        "--period",
        "2026-03",
    ]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn the_scorecard_sets_each_figure_beside_its_forecast_target_and_england() {
    let tmp = tempfile::tempdir().unwrap();
    let path = |p: &str| tmp.path().join(p).to_str().unwrap().to_owned();
    let (data, db, targets) = (path("d"), path("h.db"), path("targets.csv"));
    ok(&["synth", "--children", "1500", "--seed", "2", "--out", &data]);
    ok(&["load", &data, "--database", &db]);
    std::fs::write(&targets, "indicator_id,target\nrereferrals_12m_pct,20\n").unwrap();
    let card = String::from_utf8(
        ok(&[
            "indicators",
            "--database",
            &db,
            "--scorecard",
            "--targets",
            &targets,
        ])
        .stdout,
    )
    .unwrap();
    let mut lines = card.lines();
    assert_eq!(
        lines.next(),
        Some(
            "indicator_id,title,quadrant,polarity,period_end,value,forecast_next,forecast_low,\
             forecast_high,forecast_method,target,against_target,england,england_year,\
             against_england,england_source"
        )
    );
    let rerefs = lines
        .clone()
        .find(|l| l.starts_with("rereferrals_12m_pct,"))
        .unwrap();
    assert!(rerefs.contains(",20.0,"), "{rerefs}");
    assert!(rerefs.contains(",22.6,2025,"), "England 2024-25: {rerefs}");
    let value: f64 = rerefs.split(',').nth(4 + 1).unwrap().parse().unwrap();
    let expected = if value <= 20.0 {
        "green"
    } else if value <= 21.0 {
        "amber"
    } else {
        "red"
    };
    assert!(rerefs.contains(&format!(",{expected},22.6,")), "{rerefs}");
    // Contextual indicators are not rated.
    let referrals = lines.find(|l| l.starts_with("referrals,")).unwrap();
    assert!(referrals.contains(",not rated,"), "{referrals}");
    // A bad targets file names its line.
    std::fs::write(&targets, "indicator_id,target\nno_such,3\n").unwrap();
    let bad = harbour(&[
        "indicators",
        "--database",
        &db,
        "--scorecard",
        "--targets",
        &targets,
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("targets.csv: line 2: there is no indicator")
    );
}

#[test]
fn focus_five_lists_children_rolls_them_up_and_agrees_with_the_catalogue() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d");
    let db = tmp.path().join("h.db");
    let (data, db) = (data.to_str().unwrap(), db.to_str().unwrap());
    ok(&["synth", "--children", "400", "--seed", "11", "--out", data]);
    ok(&["load", data, "--database", db]);
    let children = String::from_utf8(ok(&["focus-five", "--database", db]).stdout).unwrap();
    let lines: Vec<&str> = children.lines().collect();
    assert!(lines[0].starts_with(
        "child_id,plan_type,worker_id,team_id,service,compliant,chronology,chronology_last,chronology_due,visit,"
    ));
    let open = lines.len() - 1;
    let compliant = lines
        .iter()
        .filter(|l| l.split(',').nth(5) == Some("true"))
        .count();
    assert!(
        open > 0 && compliant > 0 && compliant < open,
        "{open} {compliant}"
    );
    let log = String::from_utf8(ok(&["access-log", "--database", db]).stdout).unwrap();
    assert!(
        log.contains(&format!(
            "harbour focus-five,Focus Five of {open} children on 2026-03-31"
        )),
        "{log}"
    );
    // The roll-up's total row and the catalogue's March 2026 figure count the same children.
    let teams =
        String::from_utf8(ok(&["focus-five", "--database", db, "--by", "team"]).stdout).unwrap();
    let all: Vec<&str> = teams
        .lines()
        .find(|l| l.starts_with("(all),"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(
        (all[1], all[2]),
        (open.to_string().as_str(), compliant.to_string().as_str())
    );
    let csv =
        String::from_utf8(ok(&["indicators", "--database", db, "--months", "1"]).stdout).unwrap();
    let row: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("focus_five_pct,2026-03-01,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!((row[3], row[4]), (all[2], all[1]));
    // A team that does not exist is a usage error; JSON is JSON.
    assert_eq!(
        harbour(&["focus-five", "--database", db, "--team", "NO-SUCH"])
            .status
            .code(),
        Some(2)
    );
    let json = ok(&[
        "focus-five",
        "--database",
        db,
        "--by",
        "service",
        "--format",
        "json",
    ])
    .stdout;
    assert!(
        String::from_utf8(json)
            .unwrap()
            .contains("\"by\": \"service\"")
    );
}

#[test]
fn the_partnership_report_reads_the_data_set_or_refuses_it() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d");
    let db = tmp.path().join("h.db");
    let (data, db) = (data.to_str().unwrap(), db.to_str().unwrap());
    ok(&["synth", "--children", "400", "--seed", "11", "--out", data]);
    ok(&["load", data, "--database", db]);
    // A family of the synthetic council that began Family Safeguarding at least a year before 31
    // March 2026: two call-outs the month before, none after.
    let fs = std::fs::read_to_string(format!("{data}/extract/family_safeguarding.csv")).unwrap();
    let header: Vec<&str> = fs.lines().next().unwrap().split(',').collect();
    let (c, s) = (
        header.iter().position(|h| *h == "child_id").unwrap(),
        header.iter().position(|h| *h == "start_date").unwrap(),
    );
    let rows: Vec<(String, String)> = fs
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .map(|f| (f[c].to_owned(), f[s].to_owned()))
        .collect();
    // A family with one involvement, so that it is the one compared.
    let (child, start) = rows
        .iter()
        .filter(|(child, _)| rows.iter().filter(|(c, _)| c == child).count() == 1)
        .filter(|(_, s)| s.as_str() <= "2025-03-01" && s.as_str() >= "2024-06-01")
        .min()
        .cloned()
        .expect("a family that began Family Safeguarding in the year to March 2025");
    let month: model::Month = model::Month::of(start.parse().unwrap());
    let before = month.plus(-1).first_day().strftime("%Y-%m").to_string();
    let file = tmp.path().join("partnership.csv");
    std::fs::write(
        &file,
        format!("child_id,measure,month,value\n{child},police_da_callouts,{before},2\n"),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let csv =
        String::from_utf8(ok(&["partnership", "--database", db, "--data", file]).stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "measure,before,after,change_pct");
    assert!(
        lines.contains(&"Police domestic-abuse call-outs,2,0,-100.0"),
        "{csv}"
    );
    let bad = tmp.path().join("bad.csv");
    std::fs::write(
        &bad,
        "child_id,measure,month,value\nC1,police_da_callouts,2025-3,2\n",
    )
    .unwrap();
    let refused = harbour(&[
        "partnership",
        "--database",
        db,
        "--data",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8(refused.stderr).unwrap();
    assert!(
        err.contains("bad.csv:2:3: month: '2025-3' is not a month YYYY-MM"),
        "{err}"
    );
}
