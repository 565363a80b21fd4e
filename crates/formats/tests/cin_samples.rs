//! The sample returns in `shared/samples/cin/` (real-world-shaped files full of deliberate
//! errors, written by others): every one reads, and every problem points at the text it is about.

use formats::cin::read_census;
use formats::{Location, Problem, ProblemKind};
use model::codes::{AssessmentFactor, Sex};
use model::{CollectionYear, Date};
use std::path::{Path, PathBuf};

fn samples_dir() -> PathBuf {
    std::env::var_os("HARBOUR_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("samples/cin")
}

fn sample(name: &str) -> PathBuf {
    samples_dir().join(name)
}

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn xml_location(p: &Problem) -> (u64, u64, &str) {
    match &p.location {
        Location::Xml {
            line, column, path, ..
        } => (*line, *column, path.as_str()),
        other => panic!("not an XML location: {other}"),
    }
}

/// Checks that the problem's line and column point at what it is about: the quoted value for a
/// bad value or stray text, the element's `<` for an unexpected or missing element.
fn assert_points_at_its_text(file: &Path, text: &str, p: &Problem) {
    let (line, column, path) = xml_location(p);
    let line_text = text
        .lines()
        .nth(line as usize - 1)
        .unwrap_or_else(|| panic!("{p}"));
    let at = &line_text[column as usize - 1..];
    let last_step = path.rsplit('/').next().unwrap();
    let element = last_step.split('[').next().unwrap();
    let expected = match p.message.strip_prefix('\'') {
        Some(quoted) if p.kind != ProblemKind::MissingValue => {
            quoted.split('\'').next().unwrap().to_owned()
        }
        Some(_) if p.message.contains("is empty") => String::new(),
        _ => format!("<{element}"),
    };
    let expected = if p.message.starts_with("text '") {
        p.message["text '".len()..]
            .split('\'')
            .next()
            .unwrap()
            .to_owned()
    } else {
        expected
    };
    assert!(
        at.starts_with(&expected),
        "{}: {p}\n  line {line}: {line_text}\n  expected '{expected}' at column {column}",
        file.display()
    );
}

#[test]
fn every_sample_reads_and_its_problems_point_at_their_text() {
    let mut names: Vec<_> = std::fs::read_dir(samples_dir())
        .expect("shared/samples/cin is readable")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for path in names {
        let read = read_census(&path).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            read.data.children.len(),
            text.matches("<Child>").count(),
            "{}: every child has an LAchildID",
            path.display()
        );
        for p in &read.problems {
            assert_eq!(p.location.file(), path);
            assert!(xml_location(p).2.starts_with("/Message/"), "{p}");
            assert_points_at_its_text(&path, &text, p);
        }
    }
}

#[test]
fn stray_text_between_elements_is_located() {
    // Line 23: `                <UPNunknown>UN3</UPNunknown>PersonBirthDate`
    let read = read_census(&sample("CIN2rows.xml")).unwrap();
    let p = &read.problems[0];
    assert_eq!(read.problems.len(), 1, "{:?}", read.problems);
    assert_eq!(
        p.location,
        Location::Xml {
            file: sample("CIN2rows.xml"),
            line: 23,
            column: 45,
            path: "/Message/Children/Child[1]/ChildIdentifiers".into(),
        }
    );
    assert_eq!(p.kind, ProblemKind::Unexpected);
    assert_eq!(p.child_id.as_deref(), Some("DfEX0000001"));
    assert_eq!(
        p.message,
        "text 'PersonBirthDate' is not part of any element in <ChildIdentifiers>"
    );
    let child = &read.data.children[0];
    assert_eq!(child.birth_date, Some(d(2015, 3, 27)));
    assert_eq!(child.sex, Some(Sex::M), "GenderCurrent 1");
    assert_eq!(child.referrals[0].cp_plans.len(), 2);
}

#[test]
fn the_2026_sample_flags_its_deliberate_errors_and_reads_pre_proceedings() {
    let read = read_census(&sample("CIN_Census_2026.xml")).unwrap();
    let found: Vec<_> = read
        .problems
        .iter()
        .map(|p| {
            let (line, column, path) = xml_location(p);
            (line, column, path, p.field.as_str(), p.message.as_str())
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                23,
                45,
                "/Message/Children/Child[1]/ChildIdentifiers",
                "ChildIdentifiers",
                "text 'PersonBirthDate' is not part of any element in <ChildIdentifiers>"
            ),
            (
                25,
                22,
                "/Message/Children/Child[1]/ChildIdentifiers/Sex",
                "Sex",
                "'1' is not one of the Sex codes (M, F or U)"
            ),
            (
                46,
                44,
                "/Message/Children/Child[1]/CINdetails[1]/Assessments[1]/\
                 FactorsIdentifiedAtAssessment/AssessmentFactors[2]",
                "AssessmentFactors",
                "'RB' is not one of the AssessmentFactors codes"
            ),
        ]
    );
    let first = &read.data.children[0];
    assert_eq!(first.sex, None, "Sex 1 is not a Sex code");
    let referral = &first.referrals[0];
    assert_eq!(
        referral.assessments[0].factors,
        [AssessmentFactor::F1C, AssessmentFactor::F6B]
    );
    assert!(
        !referral.section47s[0].icpc_not_required,
        "'false' is read as a flag"
    );
    assert_eq!(referral.cp_plans[0].review_dates, [d(2023, 2, 15)]);
    assert_eq!(
        referral.pre_proceedings,
        Some(model::PreProceedings {
            start_date: Some(d(2026, 9, 9)),
            letter_before_proceedings_date: Some(d(2026, 9, 20)),
            fgdm_offered: Some(true),
            fgdm_facilitated: Some(true),
            initial_meeting_date: Some(d(2026, 9, 28)),
            review_meetings: Some(3),
            step_decision_date: Some(d(2026, 12, 1)),
            outcome: Some("A".to_owned()),
            court_application_date: Some(d(2026, 12, 18)),
            letter_init_cp_date: Some(d(2027, 2, 5)),
        })
    );
    let second = &read.data.children[1];
    assert_eq!(second.id.0, "child_fails_assessments");
    assert!(second.referrals[0].assessments[0].factors.is_empty());
}

#[test]
fn the_large_fake_sample_reads_cleanly_with_legacy_gender() {
    let read = read_census(&sample("fake_CIN_data.xml")).unwrap();
    assert_eq!(read.problems, vec![]);
    let header = read.data.header.unwrap();
    assert_eq!(
        (header.year, header.lea.as_str()),
        (CollectionYear(2022), "975")
    );
    assert_eq!(header.date_time, "2022-07-21T10:12:28Z");
    assert_eq!(read.data.children.len(), 332);
    let first = &read.data.children[0];
    assert_eq!(first.id.0, "RND000215205141");
    assert_eq!(first.sex, Some(Sex::M));
    assert!(
        first.referrals[0].no_further_action,
        "'true' is read as a flag"
    );
    assert_eq!(
        read.data.children[1].sex,
        Some(Sex::U),
        "GenderCurrent 9 (indeterminate)"
    );
    assert_eq!(
        read.data.children[3].sex,
        Some(Sex::U),
        "GenderCurrent 0 (not recorded)"
    );
    assert_eq!(read.data.children[4].sex, Some(Sex::F));
    let referrals: usize = read.data.children.iter().map(|c| c.referrals.len()).sum();
    let text = std::fs::read_to_string(sample("fake_CIN_data.xml")).unwrap();
    assert_eq!(referrals, text.matches("<CINdetails>").count());
}

#[test]
fn the_liia_sample_reads_every_field() {
    let read = read_census(&sample("liia-cin-2022.xml")).unwrap();
    assert_eq!(read.problems, vec![]);
    let c = &read.data.children[0];
    assert_eq!(c.upn.as_deref(), Some("A123456789123"));
    assert_eq!(c.former_upn.as_deref(), Some("X98765432123B"));
    assert_eq!(c.expected_birth_date, Some(d(1966, 3, 22)));
    assert_eq!(c.death_date, Some(d(1980, 10, 8)));
    let r = &c.referrals[0];
    assert_eq!(r.initial_cpc_date, Some(d(1970, 12, 6)));
    assert_eq!(r.assessments[0].internal_review_date, Some(d(1970, 6, 22)));
    assert_eq!(r.cin_plans[0].end_date, Some(d(1971, 1, 26)));
    assert_eq!(r.section47s[0].icpc_target_date, Some(d(1970, 6, 23)));
    assert_eq!(r.cp_plans[0].number_of_previous_plans, Some(10));
}
