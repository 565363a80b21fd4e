//! Bad input never panics: the raw reader and every rule of every year over censuses cut, spliced
//! and overwritten at random. A file that is no longer XML is an error; anything else is findings.

use formats::cin::raw::RawReader;
use proptest::prelude::*;
use std::path::Path;

/// A small census touching every block, with odd values already in it.
const CENSUS: &str = include_str!("../src/cin/rule_8820.fixture.xml");

const EXTRA: &str = r#"<Child><ChildIdentifiers><LAchildID>x1</LAchildID><UPN>Z31801076022A</UPN><FormerUPN>bad</FormerUPN><UPNunknown>UN7</UPNunknown><PersonBirthDate>2000-02-29</PersonBirthDate><ExpectedPersonBirthDate>9999-12-31</ExpectedPersonBirthDate><Sex>U</Sex><PersonDeathDate>0001-01-01</PersonDeathDate></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability><Disability>MOB</Disability></Disabilities></ChildCharacteristics><CINdetails><CINreferralDate>-0001-01-01</CINreferralDate><ReferralSource>1A</ReferralSource><CINclosureDate>2025-05-01</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure><DateOfInitialCPC>2025-05-03</DateOfInitialCPC><Assessments><AssessmentActualStartDate>2025-05-01</AssessmentActualStartDate><FactorsIdentifiedAtAssessment><AssessmentFactors>21</AssessmentFactors><AssessmentFactors>21</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments><CINPlanDates><CINPlanStartDate>2025-05-01</CINPlanStartDate></CINPlanDates><Section47><S47ActualStartDate>2025-05-01</S47ActualStartDate><ICPCnotRequired>maybe</ICPCnotRequired></Section47><ReferralNFA>1</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-01</CPPstartDate><NumberOfPreviousCPP>-1</NumberOfPreviousCPP><Reviews><CPPreviewDate></CPPreviewDate><CPPreviewDate>2025-05-01</CPPreviewDate></Reviews></ChildProtectionPlans></CINdetails></Child>"#;

fn census() -> String {
    CENSUS.replace("</Children>", &format!("{EXTRA}</Children>"))
}

fn validate(bytes: &[u8]) {
    let Ok(reader) = RawReader::new(bytes, Path::new("hostile.xml")) else {
        return;
    };
    for year in rules::cin::YEARS {
        let Ok(reader) = RawReader::new(bytes, Path::new("hostile.xml")) else {
            return;
        };
        let _ = rules::cin::validate_census(reader, Some(*year), |_| true);
    }
    let _ = rules::cin::validate_census(reader, None, |_| true);
}

#[test]
fn the_seed_census_itself_validates() {
    let text = census();
    let reader = RawReader::new(text.as_bytes(), Path::new("hostile.xml")).unwrap();
    let found = rules::cin::validate_census(reader, None, |_| true).unwrap();
    assert!(!found.findings.is_empty());
}

#[derive(Debug, Clone)]
enum Edit {
    Cut(usize, usize),
    Insert(usize, Vec<u8>),
    Overwrite(usize, Vec<u8>),
}

fn edit() -> impl Strategy<Value = Edit> {
    let bytes = prop::collection::vec(
        prop_oneof![
            any::<u8>(),
            Just(b'<'),
            Just(b'>'),
            Just(b'/'),
            Just(b'&'),
            Just(b'-'),
            Just(b'0'),
            Just(b'9'),
        ],
        0..12,
    );
    prop_oneof![
        (any::<usize>(), 0usize..200).prop_map(|(at, n)| Edit::Cut(at, n)),
        (any::<usize>(), bytes.clone()).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), bytes).prop_map(|(at, b)| Edit::Overwrite(at, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn hostile_censuses_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let mut bytes = census().into_bytes();
        for e in edits {
            let len = bytes.len().max(1);
            match e {
                Edit::Cut(at, n) => {
                    let at = at % len;
                    let end = (at + n).min(bytes.len());
                    bytes.drain(at.min(bytes.len())..end);
                }
                Edit::Insert(at, b) => {
                    let at = at % (bytes.len() + 1);
                    bytes.splice(at..at, b);
                }
                Edit::Overwrite(at, b) => {
                    for (i, x) in b.into_iter().enumerate() {
                        if let Some(slot) = bytes.get_mut((at % len) + i) {
                            *slot = x;
                        }
                    }
                }
            }
        }
        validate(&bytes);
    }

    #[test]
    fn any_value_in_any_field_never_panics(value in ".{0,30}", which in 0usize..40) {
        // Replace the text of one value element with an arbitrary string (escaped).
        let text = census();
        let escaped = value.replace('&', "&amp;").replace('<', "&lt;");
        let mut starts: Vec<usize> = text.match_indices('>').map(|(i, _)| i + 1).collect();
        starts.retain(|&i| text[i..].starts_with(|c: char| c != '<') && text[i..].contains('<'));
        if starts.is_empty() {
            return Ok(());
        }
        let at = starts[which % starts.len()];
        let end = at + text[at..].find('<').unwrap();
        let edited = format!("{}{}{}", &text[..at], escaped, &text[end..]);
        validate(edited.as_bytes());
    }
}
