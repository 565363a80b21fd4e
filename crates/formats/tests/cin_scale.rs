//! A council-sized census reads quickly, and the cost stays linear however the file is laid out.
//! (Timings are checked in release builds only: `cargo test --release -p formats --test cin_scale`.)

use formats::cin::{CinHeader, read_census_from, write_census};
use formats::{Location, ProblemKind};
use model::codes::*;
use model::{Assessment, Child, ChildId, CinPlan, CollectionYear, CpPlan, Date, Referral};
use std::path::Path;
use std::time::{Duration, Instant};

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn header() -> CinHeader {
    CinHeader {
        year: CollectionYear(2026),
        lea: "201".into(),
        software_code: "Harbour".into(),
        release: "0.1.0".into(),
        serial_no: "001".into(),
        date_time: "2026-05-01T09:30:00".into(),
    }
}

/// A child with a typical amount of history (about 1 KB of XML).
fn child(i: usize) -> Child {
    let month = (i % 12) as i8 + 1;
    Child {
        id: ChildId(format!("C{i:07}")),
        upn: Some(format!("A{:012}", i)),
        birth_date: Some(d(2012, month, 14)),
        sex: Some(if i.is_multiple_of(2) { Sex::F } else { Sex::M }),
        ethnicity: Some(Ethnicity::WBRI),
        disabilities: vec![Disability::NONE],
        referrals: vec![Referral {
            referral_date: d(2025, month.min(3), 3),
            source: Some(ReferralSource::R6),
            primary_need: Some(PrimaryNeed::N1),
            assessments: vec![Assessment {
                start_date: d(2025, month.min(3), 4),
                authorised_date: Some(d(2025, month.min(3), 20)),
                factors: vec![AssessmentFactor::F3A, AssessmentFactor::F16A],
                ..Assessment::default()
            }],
            cin_plans: vec![CinPlan {
                start_date: d(2025, 4, 1),
                end_date: None,
            }],
            cp_plans: if i.is_multiple_of(5) {
                vec![CpPlan {
                    start_date: d(2025, 5, 1),
                    initial_category: Some(CategoryOfAbuse::NEG),
                    latest_category: Some(CategoryOfAbuse::NEG),
                    number_of_previous_plans: Some(0),
                    review_dates: vec![d(2025, 8, 1)],
                    ..CpPlan::default()
                }]
            } else {
                vec![]
            },
            ..Referral::default()
        }],
        ..Child::default()
    }
}

fn census(children: usize) -> (Vec<Child>, Vec<u8>) {
    let children: Vec<Child> = (0..children).map(child).collect();
    let mut bytes = Vec::new();
    write_census(&mut bytes, &header(), &children).unwrap();
    (children, bytes)
}

#[test]
fn ten_thousand_children_read_well_under_a_second() {
    let (children, bytes) = census(10_000);
    assert!(bytes.len() > 8_000_000, "about 10 MB: {}", bytes.len());
    let started = Instant::now();
    let read = read_census_from(&bytes[..], Path::new("big.xml")).unwrap();
    let took = started.elapsed();
    eprintln!(
        "read {} bytes, {} children in {took:?}",
        bytes.len(),
        read.data.children.len()
    );
    assert!(read.problems.is_empty());
    assert_eq!(read.data.children, children);
    if !cfg!(debug_assertions) {
        assert!(took < Duration::from_secs(1), "took {took:?}");
    }
}

#[test]
fn problems_on_one_long_line_are_located_in_linear_time() {
    // The whole census on a single line with a bad date in every child: locating each problem
    // must not rescan the line (that would be quadratic and never finish here).
    let (_, bytes) = census(5_000);
    let one_line: Vec<u8> = String::from_utf8(bytes)
        .unwrap()
        .replace('\n', "")
        .replace("<PersonBirthDate>2012-", "<PersonBirthDate>2012/")
        .into_bytes();
    let started = Instant::now();
    let read = read_census_from(&one_line[..], Path::new("one-line.xml")).unwrap();
    let took = started.elapsed();
    eprintln!(
        "{} problems on one {}-byte line in {took:?}",
        read.problems.len(),
        one_line.len()
    );
    assert_eq!(read.problems.len(), 5_000);
    let mut last_column = 0;
    for p in &read.problems {
        assert_eq!(p.kind, ProblemKind::BadDate);
        let Location::Xml { line, column, .. } = p.location else {
            panic!("{p}")
        };
        assert_eq!(line, 1);
        let at = column as usize - 1;
        assert!(one_line[at..].starts_with(b"2012/"), "{p}");
        assert!(column > last_column);
        last_column = column;
    }
    if !cfg!(debug_assertions) {
        assert!(took < Duration::from_secs(1), "took {took:?}");
    }
}
