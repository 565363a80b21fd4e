//! Reading EES CSVs: the fixtures in `tests/fixtures` (invented figures in the EES layout) and
//! small inline files, each checked against the benchmarks or the error it must give.

use benchmarks::{
    Benchmark, Cause, DataError, Filter, Geography, IndicatorColumn, Mapping, Symbol, read_ees,
    read_ees_csv,
};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn column(indicator_id: &'static str, column: &str, filters: &[(&str, &str)]) -> IndicatorColumn {
    IndicatorColumn {
        indicator_id,
        column: column.to_owned(),
        filters: filters
            .iter()
            .map(|(c, v)| Filter {
                column: (*c).to_owned(),
                value: (*v).to_owned(),
            })
            .collect(),
        scale: 1.0,
        derived: false,
    }
}

fn mapping(columns: Vec<IndicatorColumn>) -> Mapping {
    Mapping {
        dataset: "test".to_owned(),
        source_title: "Test data set".to_owned(),
        source_url: "https://example.org/test".to_owned(),
        columns,
    }
}

fn c1_with_total_filter() -> Mapping {
    mapping(vec![
        column(
            "rereferrals_12m_pct",
            "rereferral_percent",
            &[("breakdown", "Total")],
        ),
        column(
            "referrals_nfa_pct",
            "no_further_action_percent",
            &[("breakdown", "Total")],
        ),
    ])
}

/// A benchmark in one line: `indicator place year value-or-symbol`.
fn summary(b: &Benchmark) -> String {
    let place = match &b.geography {
        Geography::England => "England".to_owned(),
        Geography::Region { code, .. } => code.clone(),
        Geography::LocalAuthority { code, .. } => code.clone(),
    };
    let figure = match (b.value, b.symbol) {
        (Some(v), None) => v.to_string(),
        (None, Some(s)) => s.code().to_owned(),
        other => panic!("a benchmark has a value or a symbol, not {other:?}"),
    };
    format!("{} {place} {} {figure}", b.indicator_id, b.year)
}

/// Reads `text` (an inline file named `inline.csv`) and returns the error it must give.
fn error_of(text: &str, mapping: &Mapping) -> DataError {
    read_ees(text.as_bytes(), "inline.csv", mapping).expect_err("the file must be refused")
}

const HEADER: &str = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name,old_la_code,rereferral_percent\n";

fn one_column() -> Mapping {
    mapping(vec![column(
        "rereferrals_12m_pct",
        "rereferral_percent",
        &[],
    )])
}

#[test]
fn reads_all_three_levels_symbols_and_both_time_period_forms() {
    let got = read_ees_csv(
        &fixture("referrals_with_breakdown.csv"),
        &c1_with_total_filter(),
    )
    .unwrap();
    let got: Vec<String> = got.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            "rereferrals_12m_pct England 2025 20.1",
            "referrals_nfa_pct England 2025 7.2",
            "rereferrals_12m_pct E12000006 2025 19",
            "referrals_nfa_pct E12000006 2025 5.5",
            "rereferrals_12m_pct E10000015 2025 18.2",
            "referrals_nfa_pct E10000015 2025 c",
            "rereferrals_12m_pct E10000012 2025 x",
            "referrals_nfa_pct E10000012 2025 4",
            "rereferrals_12m_pct E06000055 2025 x",
            "referrals_nfa_pct E06000055 2025 k",
            "rereferrals_12m_pct England 2024 21",
            "referrals_nfa_pct England 2024 u",
        ]
    );
}

#[test]
fn a_local_authority_row_keeps_both_codes_its_name_and_region() {
    let got = read_ees_csv(
        &fixture("referrals_with_breakdown.csv"),
        &c1_with_total_filter(),
    )
    .unwrap();
    let herts = &got[4];
    assert_eq!(
        herts.geography,
        Geography::LocalAuthority {
            code: "E10000015".into(),
            old_code: "919".into(),
            name: "Hertfordshire".into(),
            region_code: Some("E12000006".into()),
        }
    );
    assert!(herts.geography.is_local_authority("919"));
    assert!(herts.geography.is_local_authority("E10000015"));
    assert_eq!(
        got[2].geography,
        Geography::Region {
            code: "E12000006".into(),
            name: "East of England".into()
        }
    );
}

#[test]
fn symbols_are_never_numbers() {
    let got = read_ees_csv(
        &fixture("referrals_with_breakdown.csv"),
        &c1_with_total_filter(),
    )
    .unwrap();
    let suppressed = &got[5];
    assert_eq!(suppressed.value, None);
    assert_eq!(suppressed.symbol, Some(Symbol::Suppressed));
    let rounds_to_zero = &got[9];
    assert_eq!(
        (rounds_to_zero.value, rounds_to_zero.symbol),
        (None, Some(Symbol::RoundsToZero))
    );
    // The older ":" is read as "not available".
    assert_eq!(got[8].symbol, Some(Symbol::NotAvailable));
    assert_eq!(got[11].symbol, Some(Symbol::LowReliability));
}

#[test]
fn every_benchmark_names_its_source_file_line_and_column() {
    let path = fixture("referrals_with_breakdown.csv");
    let got = read_ees_csv(&path, &c1_with_total_filter()).unwrap();
    let b = &got[5];
    assert_eq!(b.source.title, "Test data set");
    assert_eq!(b.source.url, "https://example.org/test");
    assert_eq!(b.source.release_year_label, "Reporting year 2024-25");
    assert_eq!(
        b.source.note,
        format!(
            "read from {}, line 5, column no_further_action_percent",
            path.display()
        )
    );
    assert_eq!(got[10].source.release_year_label, "Reporting year 2024");
    assert!(!b.derived);
}

#[test]
fn filters_choose_the_rows() {
    let under_one = mapping(vec![column(
        "rereferrals_12m_pct",
        "rereferral_percent",
        &[("breakdown", "Under 1")],
    )]);
    let got = read_ees_csv(&fixture("referrals_with_breakdown.csv"), &under_one).unwrap();
    let got: Vec<String> = got.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            "rereferrals_12m_pct England 2025 15",
            "rereferrals_12m_pct E10000015 2025 c"
        ]
    );
}

#[test]
fn a_missing_filter_is_a_duplicate_not_a_silent_choice() {
    let no_filter = mapping(vec![column(
        "rereferrals_12m_pct",
        "rereferral_percent",
        &[],
    )]);
    let error = read_ees_csv(&fixture("referrals_with_breakdown.csv"), &no_filter).unwrap_err();
    assert_eq!(error.line, Some(3));
    assert_eq!(error.column.as_deref(), Some("rereferral_percent"));
    assert_eq!(
        error.cause,
        Cause::Duplicate {
            indicator_id: "rereferrals_12m_pct",
            geography: "England".into(),
            year: 2025,
            first_line: 2
        }
    );
}

#[test]
fn a_filter_column_not_in_the_file_is_an_error_on_the_header() {
    let wrong = mapping(vec![column(
        "rereferrals_12m_pct",
        "rereferral_percent",
        &[("characteristic", "Total")],
    )]);
    let error = read_ees_csv(&fixture("referrals_with_breakdown.csv"), &wrong).unwrap_err();
    assert_eq!(
        (error.line, error.column.as_deref()),
        (Some(1), Some("characteristic"))
    );
    assert_eq!(error.cause, Cause::MissingColumn("characteristic".into()));
}

#[test]
fn the_shipped_c1_mapping_reads_the_c1_layout() {
    let c1 = Mapping::shipped_for("cin_c1_referrals")
        .unwrap()
        .expect("C1 is shipped");
    let got = read_ees_csv(&fixture("c1_shipped_layout.csv"), &c1).unwrap();
    let got: Vec<String> = got.iter().map(summary).collect();
    assert_eq!(
        got,
        vec![
            "rereferrals_12m_pct England 2025 21.4",
            "referrals_nfa_pct England 2025 6.9",
            "rereferrals_12m_pct E09000002 2025 c",
            "referrals_nfa_pct E09000002 2025 3.1",
        ]
    );
    assert!(Mapping::shipped_for("no_such_dataset").unwrap().is_none());
}

#[test]
fn a_bad_value_names_file_line_and_column() {
    let path = fixture("bad_value.csv");
    let c1 = Mapping::shipped_for("cin_c1_referrals").unwrap().unwrap();
    let error = read_ees_csv(&path, &c1).unwrap_err();
    assert_eq!(error.file, path.display().to_string());
    assert_eq!(error.line, Some(4));
    assert_eq!(error.column.as_deref(), Some("no_further_action_percent"));
    assert_eq!(error.cause, Cause::BadValue("12%".into()));
    assert_eq!(
        error.to_string(),
        format!(
            "{}, line 4, column no_further_action_percent: \"12%\" is neither a number nor a known symbol (c, z, x, :, k, u)",
            path.display()
        )
    );
}

#[test]
fn scale_multiplies_the_cell() {
    let mut proportion = column("rereferrals_12m_pct", "rereferral_percent", &[]);
    proportion.scale = 100.0;
    proportion.derived = true;
    let text = format!("{HEADER}2025,Reporting year,National,E92000001,England,,,,,,0.25\n");
    let got = read_ees(text.as_bytes(), "inline.csv", &mapping(vec![proportion])).unwrap();
    assert_eq!(got[0].value, Some(25.0));
    assert!(got[0].derived);
}

#[test]
fn bad_rows_are_refused_with_their_place_and_cause() {
    let m = one_column();
    // (row after the header, column named, cause)
    let cases: Vec<(&str, &str, Cause)> = vec![
        (
            "2024/25,Reporting year,National,E92000001,England,,,,,,20",
            "time_period",
            Cause::BadTimePeriod("2024/25".into()),
        ),
        (
            "202426,Reporting year,National,E92000001,England,,,,,,20",
            "time_period",
            Cause::BadTimePeriod("202426".into()),
        ),
        (
            "25,Reporting year,National,E92000001,England,,,,,,20",
            "time_period",
            Cause::BadTimePeriod("25".into()),
        ),
        (
            "2025,Reporting year,Local authority district,E92000001,England,,,,,,20",
            "geographic_level",
            Cause::UnknownGeographicLevel("Local authority district".into()),
        ),
        (
            "2025,Reporting year,national,E92000001,England,,,,,,20",
            "geographic_level",
            Cause::UnknownGeographicLevel("national".into()),
        ),
        (
            "2025,Reporting year,Regional,E92000001,England,,London,,,,20",
            "region_code",
            Cause::EmptyCode,
        ),
        (
            "2025,Reporting year,Local authority,E92000001,England,E12000007,London,,Barking and Dagenham,301,20",
            "new_la_code",
            Cause::EmptyCode,
        ),
        (
            "2025,Reporting year,National,E92000001,England,,,,,,",
            "rereferral_percent",
            Cause::BadValue(String::new()),
        ),
        (
            "2025,Reporting year,National,E92000001,England,,,,,,C",
            "rereferral_percent",
            Cause::BadValue("C".into()),
        ),
        (
            "2025,Reporting year,National,E92000001,England,,,,,,\"1,234\"",
            "rereferral_percent",
            Cause::BadValue("1,234".into()),
        ),
        (
            "2025,Reporting year,National,E92000001,England,,,,,,NaN",
            "rereferral_percent",
            Cause::BadValue("NaN".into()),
        ),
    ];
    for (row, column, cause) in cases {
        let error = error_of(&format!("{HEADER}{row}\n"), &m);
        assert_eq!(error.file, "inline.csv", "{row}");
        assert_eq!(error.line, Some(2), "{row}");
        assert_eq!(error.column.as_deref(), Some(column), "{row}");
        assert_eq!(error.cause, cause, "{row}");
    }
}

#[test]
fn a_row_that_no_filter_matches_is_still_checked() {
    let m = mapping(vec![column(
        "rereferrals_12m_pct",
        "rereferral_percent",
        &[("breakdown", "Total")],
    )]);
    let text = "time_period,geographic_level,breakdown,rereferral_percent\n2025,National,Total,20\n2025,Nationl,Under 1,20\n";
    let error = error_of(text, &m);
    assert_eq!(
        (error.line, error.cause),
        (Some(3), Cause::UnknownGeographicLevel("Nationl".into()))
    );
}

#[test]
fn missing_columns_ragged_rows_and_missing_files() {
    let error = error_of(
        "time_period,geographic_level\n2025,National\n",
        &one_column(),
    );
    assert_eq!(
        (error.line, error.column.as_deref()),
        (Some(1), Some("rereferral_percent"))
    );
    assert_eq!(
        error.cause,
        Cause::MissingColumn("rereferral_percent".into())
    );

    let error = error_of(
        "geographic_level,rereferral_percent\nNational,20\n",
        &one_column(),
    );
    assert_eq!(error.cause, Cause::MissingColumn("time_period".into()));

    // A Local authority row needs the authority's columns.
    let error = error_of(
        "time_period,geographic_level,rereferral_percent\n2025,Local authority,20\n",
        &one_column(),
    );
    assert_eq!(
        (error.line, error.column.as_deref()),
        (Some(2), Some("new_la_code"))
    );

    let error = error_of(
        &format!("{HEADER}2025,Reporting year,National,E92000001,England,,,,,,20,extra\n"),
        &one_column(),
    );
    assert_eq!(error.line, Some(2));
    assert!(matches!(error.cause, Cause::Csv(_)), "{:?}", error.cause);

    let error = read_ees_csv(&fixture("no_such_file.csv"), &one_column()).unwrap_err();
    assert_eq!(error.line, None);
    assert!(matches!(error.cause, Cause::Io(_)));
}

#[test]
fn spaces_and_a_byte_order_mark_are_tolerated() {
    let text =
        "\u{feff}time_period, geographic_level ,rereferral_percent\n 2025 , National , 20.5 \n";
    let got = read_ees(text.as_bytes(), "inline.csv", &one_column()).unwrap();
    assert_eq!((got[0].year, got[0].value), (2025, Some(20.5)));
}

#[test]
fn mappings_from_csv_are_checked() {
    let header = "dataset,indicator_id,column,filters,scale,derived,source_title,source_url\n";
    let ok = format!(
        "{header}d,cla_per_10k,rate,breakdown=Total;age=All,1,no,T,https://x\nd,cla_missing_pct,missing,,100,yes,T,https://x\n"
    );
    let mappings = Mapping::from_csv(ok.as_bytes(), "m.csv").unwrap();
    assert_eq!(mappings.len(), 1);
    assert_eq!(mappings[0].columns.len(), 2);
    assert_eq!(mappings[0].columns[0].filters.len(), 2);
    assert_eq!(mappings[0].columns[1].scale, 100.0);

    let cases = [
        ("d,not_an_id,rate,,1,no,T,https://x", "indicator_id"),
        ("d,cla_per_10k,rate,breakdown,1,no,T,https://x", "filters"),
        ("d,cla_per_10k,rate,,0,no,T,https://x", "scale"),
        ("d,cla_per_10k,rate,,1,maybe,T,https://x", "derived"),
        ("d,cla_per_10k,,,1,no,T,https://x", "column"),
    ];
    for (row, column) in cases {
        let error = Mapping::from_csv(format!("{header}{row}\n").as_bytes(), "m.csv").unwrap_err();
        assert_eq!(
            (error.line, error.column.as_deref()),
            (Some(2), Some(column)),
            "{row}"
        );
    }
    let two_sources = format!(
        "{header}d,cla_per_10k,a,,1,no,T,https://x\nd,cla_missing_pct,b,,1,no,U,https://x\n"
    );
    let error = Mapping::from_csv(two_sources.as_bytes(), "m.csv").unwrap_err();
    assert_eq!(error.line, Some(3));
}
