//! Files that cannot be read at all, and files whose values are wrong: each error and problem with
//! its exact place and wording. The fixtures are in `tests/fixtures/cin/`.

use formats::cin::{CinCensus, read_census};
use formats::{FormatError, Location, Problem, ProblemKind, Read};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cin")
        .join(name)
}

fn read_ok(name: &str) -> Read<CinCensus> {
    read_census(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn read_err(name: &str) -> FormatError {
    match read_census(&fixture(name)) {
        Ok(read) => panic!("{name} was read: {} children", read.data.children.len()),
        Err(e) => e,
    }
}

/// Each problem as `line:column path field kind child: message`, to compare in one go.
fn lines(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            let Location::Xml {
                line, column, path, ..
            } = &p.location
            else {
                panic!("not an XML location: {p}")
            };
            format!(
                "{line}:{column} {path} {} {} {}: {}",
                p.field,
                p.kind.code(),
                p.child_id.as_deref().unwrap_or("-"),
                p.message
            )
        })
        .collect()
}

/// The error's place and message, and that its file is the one read.
fn where_and_what(name: &str, e: &FormatError) -> (u64, u64, String) {
    match e {
        FormatError::Xml {
            file,
            line,
            column,
            message,
        }
        | FormatError::Structure {
            file,
            line,
            column,
            message,
        } => {
            assert_eq!(file, &fixture(name));
            (*line, *column, message.clone())
        }
        other => panic!("{name}: unexpected error {other:?}"),
    }
}

#[test]
fn the_valid_fixture_reads_without_problems() {
    let read = read_ok("valid.xml");
    assert_eq!(read.problems, vec![]);
    assert_eq!(read.data.children.len(), 2);
    let header = read.data.header.unwrap();
    assert_eq!(header.year, model::CollectionYear(2026));
    assert_eq!(header.lea, "201");
    let c2 = &read.data.children[1];
    assert_eq!(c2.sex, Some(model::codes::Sex::U));
    assert_eq!(c2.referrals[0].cin_plans.len(), 1);
}

#[test]
fn a_csv_file_is_not_xml() {
    let e = read_err("not_xml.xml");
    assert!(matches!(e, FormatError::Xml { .. }), "{e:?}");
    assert_eq!(
        where_and_what("not_xml.xml", &e),
        (
            1,
            1,
            "the file starts with text 'CHILD,SEX,DOB C001,F,27/03/2015' where an element should be"
                .to_owned()
        )
    );
}

#[test]
fn a_file_cut_short_inside_a_value_names_the_open_element() {
    let e = read_err("truncated_in_element.xml");
    assert!(matches!(e, FormatError::Xml { .. }), "{e:?}");
    assert_eq!(
        where_and_what("truncated_in_element.xml", &e),
        (
            34,
            32,
            "the file ends before </CINreferralDate> at \
             /Message/Children/Child[1]/CINdetails[1]/CINreferralDate; is it cut short?"
                .to_owned()
        )
    );
}

#[test]
fn a_file_cut_short_inside_a_tag_points_at_the_tag() {
    let e = read_err("truncated_in_tag.xml");
    assert!(matches!(e, FormatError::Xml { .. }), "{e:?}");
    assert_eq!(
        where_and_what("truncated_in_tag.xml", &e),
        (
            75,
            9,
            "a tag is not closed: '>' is missing before the end of the file".to_owned()
        )
    );
}

#[test]
fn a_mismatched_end_tag_is_not_well_formed() {
    let e = read_err("mismatched_tags.xml");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: line 65, column 24: not well-formed XML: </LAchildId> found where </LAchildID> should close \
             <LAchildID>",
            fixture("mismatched_tags.xml").display()
        )
    );
}

#[test]
fn another_root_element_is_not_a_cin_census() {
    let e = read_err("wrong_root.xml");
    assert!(matches!(e, FormatError::Structure { .. }), "{e:?}");
    assert_eq!(
        where_and_what("wrong_root.xml", &e),
        (
            2,
            1,
            "the root element is <EXPSSDA903>, not <Message>: this is not a CIN census file"
                .to_owned()
        )
    );
}

#[test]
fn a_latin1_file_is_not_utf8() {
    let e = read_err("latin1.xml");
    assert!(matches!(e, FormatError::Structure { .. }), "{e:?}");
    assert_eq!(
        where_and_what("latin1.xml", &e),
        (
            13,
            22,
            "the file is not UTF-8: byte 0xE9 looks like 'é' in Windows-1252, as Excel and older \
             systems save text (the file declares encoding 'ISO-8859-1'); CIN census files must \
             be UTF-8: save the file as UTF-8 and load it again"
                .to_owned()
        )
    );
}

#[test]
fn bad_dates_are_reported_and_left_empty() {
    let read = read_ok("bad_date.xml");
    assert_eq!(
        lines(&read.problems),
        [
            "7:26 /Message/Children/Child[1]/ChildIdentifiers/PersonBirthDate PersonBirthDate \
             format:bad-date C001: '31/02/2025' is not a date (expected YYYY-MM-DD)",
            "14:26 /Message/Children/Child[1]/CINdetails[1]/CINreferralDate CINreferralDate \
             format:bad-date C001: '2025-02-31' is not a date (expected YYYY-MM-DD), so the \
             referral is left out",
            "21:25 /Message/Children/Child[1]/CINdetails[2]/CINclosureDate CINclosureDate \
             format:bad-date C001: '2025-6-30' is not a date (expected YYYY-MM-DD)",
        ]
    );
    let child = &read.data.children[0];
    assert_eq!(child.birth_date, None);
    assert_eq!(
        child.referrals.len(),
        1,
        "the referral without a readable date is left out"
    );
    let kept = &child.referrals[0];
    assert_eq!(
        kept.referral_date,
        model::Date::new(2025, 6, 2).unwrap(),
        "values are trimmed"
    );
    assert_eq!(kept.closure_date, None);
    assert!(kept.no_further_action);
}

#[test]
fn unknown_codes_and_bad_values_are_reported_and_left_empty() {
    let read = read_ok("unknown_code.xml");
    let p = "/Message/Children/Child[1]";
    assert_eq!(
        lines(&read.problems),
        [
            format!(
                "7:14 {p}/ChildIdentifiers/Sex Sex format:unknown-code C001: 'f' is not one of \
                 the Sex codes (M, F or U)"
            ),
            format!(
                "10:20 {p}/ChildCharacteristics/Ethnicity Ethnicity format:unknown-code C001: \
                 'WBRIT' is not one of the Ethnicity codes"
            ),
            format!(
                "13:23 {p}/ChildCharacteristics/Disabilities/Disability[2] Disability \
                 format:unknown-code C001: 'BLIND' is not one of the Disability codes"
            ),
            format!(
                "18:25 {p}/CINdetails[1]/ReferralSource ReferralSource format:unknown-code C001: \
                 '11' is not one of the ReferralSource codes"
            ),
            format!(
                "19:22 {p}/CINdetails[1]/ReferralNFA ReferralNFA format:bad-value C001: 'yes' is \
                 not a yes/no value (expected 0 or 1)"
            ),
            format!(
                "23:34 {p}/CINdetails[1]/ChildProtectionPlans[1]/LatestCategoryOfAbuse \
                 LatestCategoryOfAbuse format:unknown-code C001: 'NEGLECT' is not one of the \
                 LatestCategoryOfAbuse codes (NEG, PHY, SAB, EMO or MUL)"
            ),
            format!(
                "24:32 {p}/CINdetails[1]/ChildProtectionPlans[1]/NumberOfPreviousCPP \
                 NumberOfPreviousCPP format:bad-value C001: '-1' is not a whole number (expected \
                 0, 1, 2, …)"
            ),
        ]
    );
    let child = &read.data.children[0];
    assert_eq!((child.sex, child.ethnicity), (None, None));
    assert_eq!(child.disabilities, [model::codes::Disability::MOB]);
    let plan = &child.referrals[0].cp_plans[0];
    assert_eq!(
        plan.initial_category,
        Some(model::codes::CategoryOfAbuse::NEG)
    );
    assert_eq!(
        (plan.latest_category, plan.number_of_previous_plans),
        (None, None)
    );
}

#[test]
fn missing_required_values_are_reported_at_their_parent() {
    let read = read_ok("missing_values.xml");
    let c2 = "/Message/Children/Child[2]";
    assert_eq!(
        lines(&read.problems),
        [
            "4:5 /Message/Header/CollectionDetails Year format:missing-value -: \
             CollectionDetails has no Year, so the collection year is unknown"
                .to_owned(),
            "7:5 /Message/Header/Source[1] LEA format:missing-value -: Source has no LEA"
                .to_owned(),
            "13:7 /Message/Children/Child[1]/ChildIdentifiers LAchildID format:missing-value -: \
             ChildIdentifiers has no LAchildID, so the child is left out"
                .to_owned(),
            format!(
                "32:9 {c2}/ChildCharacteristics/Ethnicity Ethnicity format:missing-value C002: \
                 Ethnicity is empty"
            ),
            format!(
                "34:7 {c2}/CINdetails[1] CINreferralDate format:missing-value C002: CINdetails \
                 has no CINreferralDate, so the referral is left out"
            ),
            format!(
                "38:7 {c2}/CINdetails[2] ReferralSource format:missing-value C002: CINdetails has \
                 no ReferralSource"
            ),
            format!(
                "38:7 {c2}/CINdetails[2] ReferralNFA format:missing-value C002: CINdetails has no \
                 ReferralNFA"
            ),
            format!(
                "40:9 {c2}/CINdetails[2]/Assessments[1] AssessmentActualStartDate \
                 format:missing-value C002: Assessments has no AssessmentActualStartDate, so the \
                 assessment is left out"
            ),
            format!(
                "43:9 {c2}/CINdetails[2]/Section47[1] ICPCnotRequired format:missing-value C002: \
                 Section47 has no ICPCnotRequired"
            ),
        ]
    );
    assert_eq!(read.data.header, None, "no collection year, no header");
    let ids: Vec<_> = read.data.children.iter().map(|c| c.id.0.as_str()).collect();
    assert_eq!(ids, ["C002"], "the child without an LAchildID is left out");
    let c2 = &read.data.children[0];
    assert_eq!(
        c2.sex,
        Some(model::codes::Sex::F),
        "GenderCurrent 2 is read as female"
    );
    assert_eq!(c2.referrals.len(), 1);
    assert!(c2.referrals[0].assessments.is_empty());
    assert_eq!(c2.referrals[0].section47s.len(), 1);
}

#[test]
fn unexpected_elements_are_reported_and_skipped_and_pre_proceedings_are_read() {
    let read = read_ok("unexpected_elements.xml");
    let c = "/Message/Children/Child[1]";
    assert_eq!(
        lines(&read.problems),
        [
            format!(
                "8:9 {c}/ChildIdentifiers/LAchildID[2] LAchildID format:unexpected C001: another \
                 <LAchildID> in <ChildIdentifiers>; only the first is read"
            ),
            format!(
                "10:9 {c}/ChildIdentifiers/Nickname Nickname format:unexpected C001: <Nickname> \
                 is not part of <ChildIdentifiers> in the CIN census; it is skipped"
            ),
            format!(
                "13:24 {c}/ChildCharacteristics/Ethnicity/Note Note format:unexpected C001: \
                 <Note> inside <Ethnicity>, which holds a value; it is skipped"
            ),
            format!(
                "19:9 {c}/CINdetails[1]/CPPreviewDate[1] CPPreviewDate format:unexpected C001: \
                 <CPPreviewDate> is not part of <CINdetails> in the CIN census; it is skipped"
            ),
        ]
    );
    let child = &read.data.children[0];
    assert_eq!(child.id.0, "C001");
    assert_eq!(child.ethnicity, Some(model::codes::Ethnicity::WBRI));
    assert_eq!(child.referrals.len(), 1);
    let pp = child.referrals[0].pre_proceedings.as_ref().unwrap();
    assert_eq!(pp.start_date, Some(model::Date::new(2026, 9, 9).unwrap()));
    assert_eq!(pp.outcome.as_deref(), Some("A"));
    assert_eq!(pp.review_meetings, None);
    assert!(
        read.problems
            .iter()
            .all(|p| p.kind == ProblemKind::Unexpected)
    );
}

#[test]
fn bad_pre_proceedings_values_are_located_and_left_empty() {
    let xml =
        "<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers>
<CINdetails><CINreferralDate>2026-06-02</CINreferralDate><ReferralNFA>0</ReferralNFA>
<PreProceedingsandFGDM>
<PPStartDate>09/09/2026</PPStartDate>
<FGDMMeetingOffer>Y</FGDMMeetingOffer>
<FGDMMeetingFac></FGDMMeetingFac>
<ReviewMeetingsCount>two</ReviewMeetingsCount>
<CourtAppDate>2026-12-18</CourtAppDate>
<Judge>X</Judge>
</PreProceedingsandFGDM>
<PreProceedingsandFGDM><PPStartDate>2026-10-01</PPStartDate></PreProceedingsandFGDM>
</CINdetails></Child></Children></Message>";
    let read =
        formats::cin::read_census_from(xml.as_bytes(), std::path::Path::new("pp.xml")).unwrap();
    let p = "/Message/Children/Child[1]/CINdetails[1]/PreProceedingsandFGDM";
    // The child's other gaps (no ChildCharacteristics, Sex or ReferralSource) come first.
    let found = lines(&read.problems);
    assert_eq!(found.len(), 8, "{found:#?}");
    assert_eq!(
        found[3..],
        [
            format!(
                "4:14 {p}/PPStartDate PPStartDate format:bad-date C1: '09/09/2026' is not a date \
                 (expected YYYY-MM-DD)"
            ),
            format!(
                "5:19 {p}/FGDMMeetingOffer FGDMMeetingOffer format:bad-value C1: 'Y' is not a \
                 yes/no value (expected 0 or 1)"
            ),
            format!(
                "7:22 {p}/ReviewMeetingsCount ReviewMeetingsCount format:bad-value C1: 'two' is \
                 not a whole number (expected 0, 1, 2, …)"
            ),
            format!(
                "9:1 {p}/Judge Judge format:unexpected C1: <Judge> is not part of \
                 <PreProceedingsandFGDM> in the CIN census; it is skipped"
            ),
            format!(
                "11:1 {p}[2] PreProceedingsandFGDM format:unexpected C1: another \
                 <PreProceedingsandFGDM> in <CINdetails>; only the first is read"
            ),
        ]
    );
    let pp = read.data.children[0].referrals[0]
        .pre_proceedings
        .as_ref()
        .unwrap();
    assert_eq!(
        *pp,
        model::PreProceedings {
            court_application_date: Some(model::Date::new(2026, 12, 18).unwrap()),
            ..model::PreProceedings::default()
        }
    );
}

/// Small inline cases: one document, the problems or error it gives.
fn check(xml: &str, expected: &[&str]) {
    let result = formats::cin::read_census_from(xml.as_bytes(), std::path::Path::new("t.xml"));
    let got = match result {
        Ok(read) => lines(&read.problems),
        Err(e) => vec![format!("error: {e}")],
    };
    assert_eq!(got, expected, "{xml}");
}

#[test]
fn small_cases() {
    check(
        "",
        &["error: t.xml: line 1, column 1: not well-formed XML: the file is empty"],
    );
    check(
        "  \n",
        &["error: t.xml: line 2, column 1: not well-formed XML: the file has no XML element"],
    );
    check(
        "<Message><Children/></Message><Message/>",
        &[
            "error: t.xml: line 1, column 31: not well-formed XML: a second root element <Message> follows \
           </Message>",
        ],
    );
    check(
        "<Message/>\ntrailing",
        &[
            "error: t.xml: line 2, column 1: not well-formed XML: text 'trailing' follows the end of the root \
           element",
        ],
    );
    check(
        "<Message>&nbsp;</Message>",
        &[
            "error: t.xml: line 1, column 10: not well-formed XML: '&nbsp;' is not an XML entity (only &lt; &gt; \
           &amp; &apos; &quot; are)",
        ],
    );
    check(
        "<Message>a & b</Message>",
        &[
            "error: t.xml: line 1, column 12: not well-formed XML: '&' is not followed by a reference ending in \
           ';' (write '&amp;' for a literal '&')",
        ],
    );
    check("\u{FEFF}<Message/>", &[]);
    check(
        "<?xml version=\"1.0\"?>\n<Message><Children><Child><ChildIdentifiers>\
         <LAchildID>&#67;&amp;1</LAchildID><Sex><![CDATA[X]]></Sex></ChildIdentifiers>\
         </Child></Children></Message>",
        &[
            "2:20 /Message/Children/Child[1] ChildCharacteristics format:missing-value C&1: \
             Child has no ChildCharacteristics, so its ethnicity is unknown",
            "2:93 /Message/Children/Child[1]/ChildIdentifiers/Sex Sex format:unknown-code C&1: \
             'X' is not one of the Sex codes (M, F or U)",
        ],
    );
}

#[test]
fn a_second_referral_on_the_same_date_is_left_out_where_it_stands() {
    let read = read_ok("duplicate_referral.xml");
    assert_eq!(
        lines(&read.problems),
        [
            "82:7 /Message/Children/Child[2]/CINdetails[2] CINreferralDate format:unexpected C002: \
             a second CINdetails with the referral date 2026-01-10 for this child, so it is left \
             out: each referral of a child must have its own date"
        ]
    );
    assert_eq!(read.data.children[1].referrals.len(), 1);
}

/// A minimal census around `children`.
fn census(children: &str) -> String {
    format!(
        "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>\
         <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source>\
         <SourceLevel>L</SourceLevel><LEA>999</LEA></Source></Header>\n<Children>\n{children}\
         </Children></Message>\n"
    )
}

const CHILD_C1: &str = "<Child><ChildIdentifiers><LAchildID>C1</LAchildID><Sex>F</Sex>\
                        </ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>\
                        </ChildCharacteristics></Child>\n";

#[test]
fn a_second_child_with_the_same_id_is_left_out_where_it_stands() {
    let xml = census(&format!("{CHILD_C1}{CHILD_C1}"));
    let read = formats::cin::read_census_from(xml.as_bytes(), Path::new("t.xml")).unwrap();
    assert_eq!(
        lines(&read.problems),
        [
            "4:1 /Message/Children/Child[2] LAchildID format:unexpected C1: child 'C1' is already \
             in the census (/Message/Children/Child[1]), so this <Child> is left out: each child \
             must appear once"
        ]
    );
    assert_eq!(read.data.children.len(), 1);
}

#[test]
fn an_overlong_value_is_reported_without_quoting_it() {
    let long = "9".repeat(300);
    let xml = census(&CHILD_C1.replace("<Sex>F</Sex>", &format!("<Sex>{long}</Sex>")));
    let read = formats::cin::read_census_from(xml.as_bytes(), Path::new("t.xml")).unwrap();
    let got = lines(&read.problems);
    assert_eq!(
        got,
        [
            "3:56 /Message/Children/Child[1]/ChildIdentifiers/Sex Sex format:bad-value C1: the \
             value is 300 characters long, longer than any value of the census (255 at most), so \
             it is left out"
        ]
    );
    assert!(!got[0].contains("999"), "the value is not quoted");
    assert_eq!(read.data.children[0].sex, None);
}

#[test]
fn a_web_page_and_a_cut_attribute_say_what_they_are() {
    check(
        "<!DOCTYPE html>\n<html><body>Sign in</body></html>",
        &[
            "error: t.xml: line 2, column 1: the root element is <html>, not <Message>: this is a \
           web page, not a CIN census file (perhaps a sign-in or error page saved in its place)",
        ],
    );
    check(
        "<?xml version=\"1.0\"?>\n<Message xmlns=\"http://www.dfe",
        &[
            "error: t.xml: line 2, column 1: not well-formed XML: an attribute value in this tag is \
           not closed: its closing quote is missing before the end of the file; is it cut short?",
        ],
    );
}
