//! The pack built from a synthetic council: disclosure control holds in the pack and in the
//! files written from it, and the internal pack shows what the scrutiny pack withholds.

use calamine::{Data, Reader, Xlsx};
use disclosure::{Audience, Policy, Published};
use pack::build::{Inputs, Provenance, build};
use pack::view::{Block, Cell, Pack, Table};
use pack::{Quarter, demo};
use std::collections::BTreeMap;

fn council() -> synth::Council {
    synth::generate(&synth::SynthConfig {
        children: 1_500,
        seed: 7,
        ..synth::SynthConfig::default()
    })
}

fn make(council: &synth::Council, audience: Audience) -> Pack {
    let population = metrics::Population {
        area: "Synthetic".to_string(),
        vintage: "synthetic".to_string(),
        children: BTreeMap::from([
            (2025, u64::from(council.population_0_17)),
            (2026, u64::from(council.population_0_17)),
        ]),
    };
    let plan = demo::plan();
    let recs = demo::recommendations();
    let savings = demo::savings();
    let costs = demo::placement_costs();
    let assurance = synth::assurance::generate(council, 7);
    let provenance = Provenance {
        generator: "harbour test".to_string(),
        generated_at: "2026-01-15T09:00:00Z".to_string(),
        store: "a test".to_string(),
        ..Provenance::default()
    };
    build(&Inputs {
        dataset: &council.dataset,
        population: Some(&population),
        settings: &metrics::Settings::default(),
        quarter: "2025-26-Q3".parse::<Quarter>().unwrap(),
        audience,
        policy: &Policy::default(),
        targets: &[],
        plan: Some(&plan),
        recommendations: Some(&recs),
        savings: Some(&savings),
        costs: Some(&costs),
        assurance: Some(&assurance),
        provenance: &provenance,
    })
}

fn tables(pack: &Pack) -> Vec<&Table> {
    pack.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Chart(c) => Some(&c.table),
            Block::Paragraph(_) => None,
        })
        .collect()
}

/// Every count of children shown, with where it is.
fn counts(pack: &Pack) -> Vec<(String, usize, usize, u64)> {
    let mut out = Vec::new();
    for t in tables(pack) {
        for (r, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Cell::Count(Published::Count(n)) = cell {
                    out.push((t.id.clone(), r, c, *n));
                }
            }
        }
    }
    out
}

#[test]
fn the_scrutiny_pack_shows_no_count_from_1_to_5_anywhere() {
    let council = council();
    let internal = make(&council, Audience::Internal);
    let small_inside: Vec<_> = counts(&internal)
        .into_iter()
        .filter(|c| (1..=5).contains(&c.3))
        .collect();
    assert!(
        !small_inside.is_empty(),
        "the internal pack has small counts, so the test can fail"
    );
    // The practice-assurance tables are among them: audits, family voice and the workforce.
    for id in [
        "audit_grades",
        "audit_follow_up",
        "voice_feedback",
        "workforce_posts",
    ] {
        assert!(
            small_inside.iter().any(|c| c.0 == id),
            "the internal {id} shows a small count, so the check covers it"
        );
    }

    let scrutiny = make(&council, Audience::Scrutiny);
    let shown = counts(&scrutiny);
    assert!(
        shown.len() > 100,
        "the scrutiny pack still shows figures: {}",
        shown.len()
    );
    let small: Vec<_> = shown.iter().filter(|c| (1..=5).contains(&c.3)).collect();
    assert!(small.is_empty(), "{small:?}");

    // The workbook holds exactly the pack's cells: read it back and check every count cell.
    let workbook = pack::xlsx::workbook(&scrutiny)
        .unwrap()
        .save_to_buffer()
        .unwrap();
    let mut xlsx: Xlsx<_> = Xlsx::new(std::io::Cursor::new(workbook)).unwrap();
    let sheets = xlsx.sheet_names();
    let all = tables(&scrutiny);
    assert_eq!(
        sheets.len(),
        all.len() + 1,
        "a contents sheet and one per table"
    );
    let mut checked = 0;
    for (name, table) in sheets.iter().skip(1).zip(&all) {
        let range = xlsx.worksheet_range(name).unwrap();
        for (r, row) in table.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let Cell::Count(p) = cell {
                    let got = range
                        .get_value((r as u32 + 3, c as u32))
                        .cloned()
                        .unwrap_or(Data::Empty);
                    match got {
                        Data::Float(v) => {
                            assert!(v == 0.0 || v >= 6.0, "{name} row {r} column {c}: {v}");
                            assert_eq!(Some(v as u64), p.count());
                        }
                        Data::String(s) => assert_eq!(Some(s.as_str()), p.symbol()),
                        other => panic!("{name} row {r} column {c}: {other:?}"),
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100);

    // The HTML shows `c` where the pack withholds, and says who it is for.
    let html = pack::html::render(&scrutiny);
    assert!(html.contains("<td class=\"num\">c</td>"));
    assert!(html.contains("Audience: scrutiny."));
    assert!(!html.contains("<script"));
}

#[test]
fn placement_spend_is_withheld_where_the_children_placed_are() {
    let council = council();
    let scrutiny = make(&council, Audience::Scrutiny);
    let spend = tables(&scrutiny)
        .into_iter()
        .find(|t| t.id == "placement_spend")
        .unwrap();
    let internal = make(&council, Audience::Internal);
    let spend_inside = tables(&internal)
        .into_iter()
        .find(|t| t.id == "placement_spend")
        .unwrap();
    // Internally, every placement type; for the panel, four groups and the total.
    assert_eq!(spend_inside.rows.len(), 11);
    assert_eq!(spend.rows.len(), 5);
    // The total spend each quarter is the same for both audiences.
    assert_eq!(spend.rows.last(), spend_inside.rows.last());
    // The groups' spend, where shown, adds up with the total only when nothing is withheld.
    for c in 1..spend.columns.len() {
        let parts: Vec<_> = spend.rows[..4].iter().map(|r| r[c].number()).collect();
        let total = spend.rows[4][c].number().unwrap();
        if parts.iter().all(Option::is_some) {
            let sum: f64 = parts.iter().flatten().sum();
            assert!(
                (sum - total).abs() <= 4.0,
                "rounding per group only: {sum} vs {total}"
            );
        } else {
            assert!(
                parts.iter().filter(|p| p.is_none()).count() >= 2,
                "a lone withheld cell could be subtracted out"
            );
        }
    }
}

#[test]
fn forecasts_of_counts_show_no_small_number_to_the_panel() {
    let council = council();
    let forecasts = |audience| {
        let pack = make(&council, audience);
        let card = tables(&pack)
            .into_iter()
            .find(|t| t.id == "scorecard")
            .unwrap()
            .clone();
        card.rows
            .iter()
            .filter_map(|row| {
                let title = row[0].text();
                let def = metrics::CATALOGUE
                    .iter()
                    .find(|d| d.title == title)
                    .unwrap();
                (def.unit == metrics::Unit::Count).then(|| row[7].text())
            })
            .collect::<Vec<_>>()
    };
    let numbers = |s: &str| -> Vec<u64> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect()
    };
    let internal = forecasts(Audience::Internal);
    assert!(
        internal
            .iter()
            .any(|f| numbers(f).iter().any(|n| (1..=5).contains(n))),
        "the internal forecasts include a small number, so the test can fail: {internal:?}"
    );
    for f in forecasts(Audience::Scrutiny) {
        assert!(
            f == "c" || numbers(&f).iter().all(|n| *n == 0 || *n >= 6),
            "{f}"
        );
    }
}

/// The HTML of a small council's internal pack, byte for byte. After a deliberate change, run
/// with `UPDATE_SNAPSHOTS=1` and read the diff of `tests/snapshots/` before committing it.
#[test]
fn html_snapshot() {
    let council = synth::generate(&synth::SynthConfig {
        children: 300,
        seed: 11,
        ..synth::SynthConfig::default()
    });
    for (audience, name) in [
        (Audience::Internal, "pack_internal.html"),
        (Audience::Scrutiny, "pack_scrutiny.html"),
    ] {
        let html = pack::html::render(&make(&council, audience));
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots")
            .join(name);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &html).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            html == expected,
            "{name} differs from its snapshot: run with UPDATE_SNAPSHOTS=1 and review the diff"
        );
    }
}
