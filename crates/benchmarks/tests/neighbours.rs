//! Statistical-neighbour lists and comparisons, on the fixtures `neighbours.csv` and
//! `cla_rates.csv` (invented figures).
//!
//! Hertfordshire's invented neighbours for cla_per_10k in 2025, closest first:
//! Hampshire 50, Buckinghamshire 40 (listed by old code 825), Kent `c`, Surrey 30, West Sussex 45
//! (old code 938), Oxfordshire 55 (old code 931), Warwickshire `x`, Windsor and Maidenhead (no
//! row), Essex 35, Bracknell Forest 25. Seven have a value: (50+40+30+45+55+35+25) / 7 = 40.

use benchmarks::{
    Benchmark, Cause, CompareError, Geography, IndicatorColumn, Mapping, StatisticalNeighbours,
    compare, england_latest, read_ees_csv,
};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn cla_rates() -> Vec<Benchmark> {
    let mapping = Mapping {
        dataset: "test_cla".into(),
        source_title: "Test CLA rates".into(),
        source_url: "https://example.org/cla".into(),
        columns: vec![IndicatorColumn {
            indicator_id: "cla_per_10k",
            column: "rate_per_10000".into(),
            filters: vec![],
            scale: 1.0,
            derived: false,
        }],
    };
    read_ees_csv(&fixture("cla_rates.csv"), &mapping).unwrap()
}

fn neighbours() -> StatisticalNeighbours {
    StatisticalNeighbours::read_csv(&fixture("neighbours.csv")).unwrap()
}

#[test]
fn reads_the_list_in_rank_order() {
    let list = neighbours();
    assert_eq!(list.lists.len(), 2);
    let herts = list.get("919").unwrap();
    assert_eq!(herts.la_name.as_deref(), Some("Hertfordshire"));
    assert_eq!(herts.neighbours.len(), 10);
    assert_eq!(herts.neighbours[0], "E10000014");
    assert_eq!(herts.neighbours[1], "825");
    assert_eq!(herts.neighbours[9], "E06000036");
    // Empty cells are authorities with fewer neighbours.
    assert_eq!(
        list.get("E10000014").unwrap().neighbours,
        vec!["919", "E10000030"]
    );
}

#[test]
fn the_mean_is_over_neighbours_with_a_value() {
    let c = compare(
        &cla_rates(),
        &neighbours(),
        "E10000015",
        "cla_per_10k",
        2025,
    )
    .unwrap();
    assert_eq!(c.neighbour_mean, Some(40.0));
    assert_eq!(c.neighbours_with_value, 7);
    assert_eq!(c.neighbours.len(), 10);
    let without: Vec<&str> = c
        .neighbours
        .iter()
        .filter(|n| n.benchmark.as_ref().and_then(|b| b.value).is_none())
        .map(|n| n.la_code.as_str())
        .collect();
    assert_eq!(without, vec!["E10000016", "E10000031", "E06000040"]);
    // Kent's row is there, with its symbol; Windsor and Maidenhead has no row.
    assert_eq!(
        c.neighbours[2].benchmark.as_ref().unwrap().symbol,
        Some(benchmarks::Symbol::Suppressed)
    );
    assert!(c.neighbours[7].benchmark.is_none());

    assert_eq!(c.local_authority.as_ref().unwrap().value, Some(44.0));
    let region = c.region.unwrap();
    assert_eq!(
        region.geography,
        Geography::Region {
            code: "E12000006".into(),
            name: "East of England".into()
        }
    );
    assert_eq!(region.value, Some(48.0));
    assert_eq!(c.england.unwrap().value, Some(67.0));
}

#[test]
fn old_and_new_codes_find_the_same_list() {
    let by_new = compare(
        &cla_rates(),
        &neighbours(),
        "E10000015",
        "cla_per_10k",
        2025,
    )
    .unwrap();
    let by_old = compare(&cla_rates(), &neighbours(), "919", "cla_per_10k", 2025).unwrap();
    assert_eq!(by_new, by_old);
    // Hampshire's list is keyed by its new code; ask by its old one.
    let hampshire = compare(&cla_rates(), &neighbours(), "850", "cla_per_10k", 2025).unwrap();
    assert_eq!(hampshire.neighbour_mean, Some((44.0 + 30.0) / 2.0));
    assert_eq!(hampshire.region.unwrap().value, Some(52.0));
}

#[test]
fn the_year_is_respected() {
    let c = compare(&cla_rates(), &neighbours(), "919", "cla_per_10k", 2024).unwrap();
    // Only Hampshire has a 2024 row.
    assert_eq!((c.neighbour_mean, c.neighbours_with_value), (Some(90.0), 1));
    assert!(c.local_authority.is_none());
    assert!(c.region.is_none());
    assert!(c.england.is_none());
}

#[test]
fn no_neighbour_with_a_value_gives_no_mean() {
    let c = compare(&cla_rates(), &neighbours(), "919", "cla_per_10k", 2019).unwrap();
    assert_eq!((c.neighbour_mean, c.neighbours_with_value), (None, 0));
}

#[test]
fn the_last_loaded_figure_wins_and_shipped_england_values_can_be_added() {
    let mut all = england_latest().unwrap();
    all.extend(cla_rates());
    let c = compare(&all, &neighbours(), "919", "cla_per_10k", 2025).unwrap();
    // Both the shipped value and the fixture give 67; the fixture's, loaded last, is used.
    let england = c.england.unwrap();
    assert_eq!(england.source.title, "Test CLA rates");

    let only_shipped = england_latest().unwrap();
    let c = compare(
        &[only_shipped, cla_rates()].concat(),
        &neighbours(),
        "919",
        "rereferrals_12m_pct",
        2025,
    )
    .unwrap();
    assert_eq!(c.england.unwrap().value, Some(22.6));
    assert_eq!(c.neighbours_with_value, 0);
}

#[test]
fn comparison_errors() {
    assert_eq!(
        compare(&cla_rates(), &neighbours(), "881", "cla_per_10k", 2025),
        Err(CompareError::NoNeighbourList("881".into()))
    );
    assert_eq!(
        compare(&cla_rates(), &neighbours(), "919", "cla_rate", 2025),
        Err(CompareError::UnknownIndicator("cla_rate".into()))
    );
}

#[test]
fn bad_lists_are_refused_with_their_place() {
    let header = "la_code,la_name,sn1,sn2,sn3,sn4,sn5,sn6,sn7,sn8,sn9,sn10\n";
    let cases: Vec<(&str, u64, &str)> = vec![
        ("91,X,850,,,,,,,,,", 2, "la_code"),
        ("919,X,E1000001,,,,,,,,,", 2, "sn1"),
        ("919,X,850,919,,,,,,,,", 2, "sn2"),
        ("919,X,850,,850,,,,,,,", 2, "sn3"),
        ("919,X,850,,,,,,,,,\n919,X,851,,,,,,,,,", 3, "la_code"),
    ];
    for (rows, line, column) in cases {
        let error =
            StatisticalNeighbours::from_csv(format!("{header}{rows}\n").as_bytes(), "sn.csv")
                .unwrap_err();
        assert_eq!(
            (error.line, error.column.as_deref()),
            (Some(line), Some(column)),
            "{rows}"
        );
    }
    let error =
        StatisticalNeighbours::from_csv("la_code,sn1,sn2\n919,850,851\n".as_bytes(), "sn.csv")
            .unwrap_err();
    assert_eq!(error.cause, Cause::MissingColumn("sn3".into()));
    assert_eq!(
        error.to_string(),
        "sn.csv, line 1, column sn3: the header row has no column `sn3`"
    );
}
