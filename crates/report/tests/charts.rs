//! The charts: whole-chart snapshots for review, and exact coordinates and labels that a wrong
//! scale, a wrong band or an off-by-one in the labels would change.

use report::svg::{ChartSpec, Point, Unit, YAxis, bar_chart, describe, line_chart};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// 24 monthly labels, April 2023 to March 2025.
fn month_labels() -> Vec<String> {
    (0..24)
        .map(|i| {
            let m = 3 + i; // April 2023 is month index 3 of 2023
            format!("{} {}", MONTHS[m % 12], 2023 + m / 12)
        })
        .collect()
}

fn spec(unit: Unit, y_axis: YAxis, values: &[Option<f64>], labels: &[String]) -> ChartSpec {
    ChartSpec {
        id: "test-chart".into(),
        title: "A measure".into(),
        y_label: match unit {
            Unit::Percent => "% of plans".into(),
            Unit::Count => "Children".into(),
        },
        unit,
        y_axis,
        points: labels
            .iter()
            .zip(values)
            .map(|(l, v)| Point::new(l.clone(), *v))
            .collect(),
    }
}

fn labels(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

/// The escalation percentage over two years, with three months where no plan started.
fn two_years_of_percentages() -> ChartSpec {
    let values: Vec<Option<f64>> = (0..24)
        .map(|i| match i {
            5 | 6 | 17 => None,
            i => Some(f64::from((i * 37 + 11) % 90) + 100.0 / 3.0 * f64::from(i % 2)),
        })
        .map(|v| v.map(|v: f64| v.min(100.0)))
        .collect();
    ChartSpec {
        id: "cp_starts_from_cin_pct".into(),
        title: "% of CP plans started in the month escalated from CIN".into(),
        ..spec(
            Unit::Percent,
            YAxis::ZeroToHundred,
            &values,
            &month_labels(),
        )
    }
}

fn two_years_of_counts() -> ChartSpec {
    let values: Vec<Option<f64>> = (0..24).map(|i| Some(f64::from((i * 7 + 3) % 13))).collect();
    ChartSpec {
        id: "cla_starts_from_cp_or_cin".into(),
        title: "New children in care escalated from CP or CIN plans".into(),
        ..spec(Unit::Count, YAxis::Auto, &values, &month_labels())
    }
}

#[test]
fn line_chart_snapshot() {
    insta::assert_snapshot!(line_chart(&two_years_of_percentages()));
}

#[test]
fn bar_chart_snapshot() {
    insta::assert_snapshot!(bar_chart(&two_years_of_counts()));
}

#[test]
fn line_points_sit_in_the_middle_of_their_band_on_a_zero_to_hundred_scale() {
    // Plot area: x 60..540 (five bands of 96), y 40 (100%) .. 280 (0%).
    let s = spec(
        Unit::Percent,
        YAxis::ZeroToHundred,
        &[Some(25.0), Some(50.0), None, Some(100.0), Some(0.0)],
        &labels(&["Jan", "Feb", "Mar", "Apr", "May"]),
    );
    let svg = line_chart(&s);
    // The missing March breaks the line in two.
    assert!(
        svg.contains(r#"d="M 108 220 L 204 160 M 396 40 L 492 280""#),
        "{svg}"
    );
    assert!(svg.contains(
        r#"<circle class="marker" cx="108" cy="220" r="4"><title>Jan: 25.0%</title></circle>"#
    ));
    assert!(svg.contains(
        r#"<circle class="marker" cx="492" cy="280" r="4"><title>May: 0.0%</title></circle>"#
    ));
    assert_eq!(svg.matches("<circle").count(), 4, "no marker for the gap");
    assert!(!svg.contains("Mar: "), "no tooltip for the gap");
}

#[test]
fn zero_to_hundred_axis_has_a_gridline_every_25() {
    let s = spec(
        Unit::Percent,
        YAxis::ZeroToHundred,
        &[Some(10.0)],
        &labels(&["Jan"]),
    );
    let svg = line_chart(&s);
    for (label, y) in [
        ("0%", 280),
        ("25%", 220),
        ("50%", 160),
        ("75%", 100),
        ("100%", 40),
    ] {
        assert!(
            svg.contains(&format!(r#"<line x1="60" y1="{y}" x2="540" y2="{y}"/>"#)),
            "gridline {label}"
        );
        // Labels sit 4 below their line, so that they look centred on it.
        assert!(
            svg.contains(&format!(
                r#"<text x="52" y="{}" text-anchor="end">{label}</text>"#,
                y + 4
            )),
            "label {label}"
        );
    }
    // One point: the middle of the only band.
    assert!(svg.contains(r#"cx="300" cy="256""#));
}

#[test]
fn bars_fill_seventy_percent_of_their_band_on_an_auto_scale() {
    // Highest value 12 → axis 0..15 in steps of 5. Four bands of 120; bars 84 wide.
    let s = spec(
        Unit::Count,
        YAxis::Auto,
        &[Some(3.0), Some(12.0), None, Some(0.0)],
        &labels(&["Jan", "Feb", "Mar", "Apr"]),
    );
    let svg = bar_chart(&s);
    assert!(svg.contains(r#"<rect class="bar" x="78" y="232" width="84" height="48"><title>Jan: 3</title></rect>"#), "{svg}");
    assert!(svg.contains(
        r#"<rect class="bar" x="198" y="88" width="84" height="192"><title>Feb: 12</title></rect>"#
    ));
    assert!(svg.contains(
        r#"<rect class="bar" x="438" y="280" width="84" height="0"><title>Apr: 0</title></rect>"#
    ));
    assert_eq!(
        svg.matches("<rect").count(),
        3,
        "no bar for the missing value"
    );
    for (label, y) in [("0", 284), ("5", 204), ("10", 124), ("15", 44)] {
        assert!(
            svg.contains(&format!(
                r#"<text x="52" y="{y}" text-anchor="end">{label}</text>"#
            )),
            "label {label}"
        );
    }
    assert!(!svg.contains(">20</text>"));
}

#[test]
fn month_labels_fit_and_the_latest_month_is_always_labelled() {
    // 24 bands of 20: "Mar 2025" needs 64, so every fourth month is labelled, counting back
    // from the last.
    let svg = line_chart(&two_years_of_percentages());
    let labelled: Vec<&str> = svg
        .lines()
        .filter(|l| l.contains(r#"text-anchor="middle""#))
        .collect();
    assert_eq!(
        labelled,
        [
            r#"<text x="130" y="302" text-anchor="middle">Jul 2023</text>"#,
            r#"<text x="210" y="302" text-anchor="middle">Nov 2023</text>"#,
            r#"<text x="290" y="302" text-anchor="middle">Mar 2024</text>"#,
            r#"<text x="370" y="302" text-anchor="middle">Jul 2024</text>"#,
            r#"<text x="450" y="302" text-anchor="middle">Nov 2024</text>"#,
            r#"<text x="530" y="302" text-anchor="middle">Mar 2025</text>"#,
        ]
    );
    // Every month has a tick; labelled ones are longer.
    assert_eq!(svg.matches(r#"<line class="tick""#).count(), 24);
    assert!(svg.contains(r#"<line class="tick" x1="530" y1="280" x2="530" y2="286"/>"#));
    assert!(svg.contains(r#"<line class="tick" x1="510" y1="280" x2="510" y2="283"/>"#));
}

#[test]
fn charts_are_labelled_images_with_a_description() {
    for svg in [
        line_chart(&two_years_of_percentages()),
        bar_chart(&two_years_of_counts()),
    ] {
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(r#"viewBox="0 0 560 320""#));
        assert!(!svg.contains("width=\"560\""), "scales to its container");
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains("<title id=\""));
        assert!(svg.contains("<desc id=\""));
        assert!(!svg.contains("style="), "colours come from classes");
        assert!(!svg.contains("fill=\"#"), "colours come from classes");
    }
    let svg = line_chart(&two_years_of_percentages());
    assert!(
        svg.contains(
            r#"aria-labelledby="cp_starts_from_cin_pct-title cp_starts_from_cin_pct-desc""#
        )
    );
}

#[test]
fn the_description_tells_the_trend_in_words() {
    let s = spec(
        Unit::Percent,
        YAxis::ZeroToHundred,
        &[Some(25.0), Some(50.0), None, Some(100.0 / 3.0), Some(10.0)],
        &labels(&["Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "May 2025"]),
    );
    assert_eq!(
        describe(&s),
        "Jan 2025 to May 2025. Latest, May 2025: 10.0%. Highest 50.0% in Feb 2025; lowest 10.0% \
         in May 2025. Down from 25.0% in Jan 2025 to 10.0% in May 2025. No value for 1 of 5."
    );
    let s = spec(
        Unit::Count,
        YAxis::Auto,
        &[Some(2.0), Some(2.0), None],
        &labels(&["Jan", "Feb", "Mar"]),
    );
    assert_eq!(
        describe(&s),
        "Jan to Mar. Latest, Mar: no value. Every value is 2. No value for 1 of 3."
    );
    let s = spec(
        Unit::Count,
        YAxis::Auto,
        &[Some(1.0), Some(4.0), Some(3.0)],
        &labels(&["Jan", "Feb", "Mar"]),
    );
    assert_eq!(
        describe(&s),
        "Jan to Mar. Latest, Mar: 3. Highest 4 in Feb; lowest 1 in Jan. Up from 1 in Jan to 3 in Mar."
    );
    let s = spec(Unit::Count, YAxis::Auto, &[None], &labels(&["Jan"]));
    assert_eq!(describe(&s), "Jan: no values.");
}

#[test]
fn text_is_escaped_and_odd_input_does_not_panic() {
    let mut s = spec(
        Unit::Count,
        YAxis::Auto,
        &[Some(1.0)],
        &labels(&["<Jan & \"Feb\">"]),
    );
    s.title = "Plans <started> & ended".into();
    s.id = "a b\"c".into();
    let svg = bar_chart(&s);
    assert!(svg.contains("Plans &lt;started&gt; &amp; ended"));
    assert!(svg.contains("&lt;Jan &amp; &quot;Feb&quot;&gt;"));
    assert!(svg.contains(r#"<title id="a-b-c-title">"#));
    for svg in [line_chart(&s), bar_chart(&s)] {
        assert!(well_formed(&svg), "{svg}");
    }

    let empty = spec(Unit::Percent, YAxis::Auto, &[], &[]);
    for svg in [line_chart(&empty), bar_chart(&empty)] {
        assert!(well_formed(&svg), "{svg}");
        assert!(svg.contains("<desc id=\"test-chart-desc\">No values.</desc>"));
    }
    let nan = spec(
        Unit::Count,
        YAxis::Auto,
        &[Some(f64::NAN), Some(-3.0), Some(f64::INFINITY)],
        &labels(&["a", "b", "c"]),
    );
    assert!(!line_chart(&nan).is_empty());
    assert!(!bar_chart(&nan).is_empty());
}

#[test]
fn snapshots_are_well_formed_xml() {
    assert!(well_formed(&line_chart(&two_years_of_percentages())));
    assert!(well_formed(&bar_chart(&two_years_of_counts())));
}

#[test]
fn the_same_spec_gives_the_same_bytes() {
    let s = two_years_of_percentages();
    assert_eq!(line_chart(&s), line_chart(&s.clone()));
}

/// Whether `svg` parses as XML with every element closed.
fn well_formed(svg: &str) -> bool {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(svg);
    reader.config_mut().check_end_names = true;
    let mut depth = 0_i32;
    loop {
        match reader.read_event() {
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) => return depth == 0,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}
