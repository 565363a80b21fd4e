//! Property tests: the reader never panics, whatever the bytes, and always locates what it
//! reports; any census the writer produces reads back as the same children.

use formats::cin::{CinHeader, read_census_from, write_census};
use formats::{FormatError, Location};
use model::codes::*;
use model::{
    Assessment, Child, ChildId, CinPlan, CollectionYear, CpPlan, Date, PreProceedings, Referral,
    Section47,
};
use proptest::prelude::*;
use std::path::Path;

/// `cases` cases, unless PROPTEST_CASES asks for another number (for a longer local run).
fn config(cases: u32) -> ProptestConfig {
    if std::env::var_os("PROPTEST_CASES").is_some() {
        ProptestConfig::default()
    } else {
        ProptestConfig::with_cases(cases)
    }
}

const VALID: &[u8] = include_bytes!("fixtures/cin/valid.xml");

/// Reads `bytes` and checks that everything reported has a place inside them.
fn read_and_check_locations(bytes: &[u8]) {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    match read_census_from(bytes, Path::new("fuzz.xml")) {
        Ok(read) => {
            for p in &read.problems {
                let Location::Xml {
                    line, column, path, ..
                } = &p.location
                else {
                    panic!("{p}")
                };
                assert!(*line >= 1 && *line <= lines && *column >= 1, "{p}");
                assert!(path.starts_with("/Message"), "{p}");
                assert!(!p.message.is_empty());
            }
        }
        Err(
            FormatError::Xml { line, column, .. } | FormatError::Structure { line, column, .. },
        ) => {
            assert!(line >= 1 && line <= lines && column >= 1, "{line}:{column}");
        }
        Err(other) => panic!("unexpected error kind: {other}"),
    }
}

/// Fragments that make mutations likely to reach interesting states.
const FRAGMENTS: &[&str] = &[
    "<",
    ">",
    "/",
    "&",
    ";",
    "\n",
    "\"",
    "<Child>",
    "</Child>",
    "<CINdetails>",
    "</CINdetails>",
    "<CINreferralDate>2025-02-31</CINreferralDate>",
    "<Reviews>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "&amp;",
    "&#0;",
    "&#x1F600;",
    "&bogus;",
    "<?xml version=\"1.0\"?>",
    "<Message>",
    "</Message>",
    "<PreProceedingsandFGDM>",
    "<X/>",
    "\u{FEFF}",
    "é",
    "\r\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    Set(prop::sample::Index, u8),
    Insert(prop::sample::Index, prop::sample::Index),
    Delete(prop::sample::Index, usize),
    Truncate(prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(i, f)| Mutation::Insert(i, f)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Set(i, b) => {
                if !bytes.is_empty() {
                    let at = i.index(len);
                    bytes[at] = *b;
                }
            }
            Mutation::Insert(i, f) => {
                let at = i.index(len + 1).min(bytes.len());
                let fragment = FRAGMENTS[f.index(FRAGMENTS.len())].as_bytes();
                bytes.splice(at..at, fragment.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let at = i.index(len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(len + 1)),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        read_and_check_locations(&bytes);
    }

    #[test]
    fn random_xmlish_text_never_panics(text in "[<>/&;#a-zA-Z0-9 \n\"'=?!\\[\\]-]{0,400}") {
        read_and_check_locations(text.as_bytes());
        let wrapped = format!("<Message><Children><Child>{text}</Child></Children></Message>");
        read_and_check_locations(wrapped.as_bytes());
    }

    #[test]
    fn mutated_valid_files_never_panic(mutations in proptest::collection::vec(mutation(), 1..8)) {
        read_and_check_locations(&apply(VALID.to_vec(), &mutations));
    }
}

// Round trip of arbitrary children.

fn date() -> impl Strategy<Value = Date> {
    (1990i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn code<C: CodeSet + std::fmt::Debug>() -> impl Strategy<Value = C> {
    prop::sample::select(C::ALL)
}

fn text_value() -> impl Strategy<Value = String> {
    // No surrounding whitespace: values are read back trimmed.
    "[A-Za-z0-9&<>'\"é]([A-Za-z0-9&<>'\" é\t]{0,18}[A-Za-z0-9&<>é])?"
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        date(),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::collection::vec(code::<AssessmentFactor>(), 0..4),
    )
        .prop_map(
            |(start_date, internal_review_date, authorised_date, factors)| Assessment {
                start_date,
                internal_review_date,
                authorised_date,
                factors,
            },
        )
}

fn cp_plan() -> impl Strategy<Value = CpPlan> {
    (
        date(),
        proptest::option::of(date()),
        proptest::option::of(code::<CategoryOfAbuse>()),
        proptest::option::of(code::<CategoryOfAbuse>()),
        proptest::option::of(0u32..30),
        proptest::collection::vec(date(), 0..3),
    )
        .prop_map(
            |(start_date, end_date, initial, latest, previous, reviews)| CpPlan {
                start_date,
                end_date,
                initial_category: initial,
                latest_category: latest,
                number_of_previous_plans: previous,
                review_dates: reviews,
            },
        )
}

fn referral() -> impl Strategy<Value = Referral> {
    (
        (
            date(),
            proptest::option::of(code::<ReferralSource>()),
            proptest::option::of(code::<PrimaryNeed>()),
            proptest::option::of(date()),
            proptest::option::of(code::<ReasonForClosure>()),
            any::<bool>(),
            proptest::option::of(date()),
        ),
        proptest::collection::vec(assessment(), 0..3),
        proptest::collection::vec(
            (date(), proptest::option::of(date())).prop_map(|(start_date, end_date)| CinPlan {
                start_date,
                end_date,
            }),
            0..3,
        ),
        proptest::collection::vec(
            (
                date(),
                proptest::option::of(date()),
                proptest::option::of(date()),
                any::<bool>(),
            )
                .prop_map(|(start_date, target, icpc, not_required)| Section47 {
                    start_date,
                    icpc_target_date: target,
                    icpc_date: icpc,
                    icpc_not_required: not_required,
                }),
            0..3,
        ),
        proptest::collection::vec(cp_plan(), 0..3),
        proptest::option::of(pre_proceedings()),
    )
        .prop_map(
            |((date, source, need, closure, reason, nfa, cpc), a, p, s, cp, pp)| Referral {
                referral_date: date,
                source,
                primary_need: need,
                closure_date: closure,
                reason_for_closure: reason,
                no_further_action: nfa,
                initial_cpc_date: cpc,
                assessments: a,
                cin_plans: p,
                section47s: s,
                cp_plans: cp,
                pre_proceedings: pp,
            },
        )
}

fn pre_proceedings() -> impl Strategy<Value = PreProceedings> {
    let d = || proptest::option::of(date());
    (
        (d(), d(), any::<Option<bool>>(), any::<Option<bool>>(), d()),
        (
            proptest::option::of(0u32..40),
            d(),
            proptest::option::of(text_value()),
            d(),
            d(),
        ),
    )
        .prop_map(
            |(
                (start, lbp, offered, facilitated, initial),
                (reviews, step, outcome, court, letter),
            )| {
                PreProceedings {
                    start_date: start,
                    letter_before_proceedings_date: lbp,
                    fgdm_offered: offered,
                    fgdm_facilitated: facilitated,
                    initial_meeting_date: initial,
                    review_meetings: reviews,
                    step_decision_date: step,
                    outcome,
                    court_application_date: court,
                    letter_init_cp_date: letter,
                }
            },
        )
}

fn child() -> impl Strategy<Value = Child> {
    (
        (
            text_value(),
            proptest::option::of(text_value()),
            proptest::option::of(text_value()),
            proptest::option::of(code::<UpnUnknown>()),
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(date()),
        ),
        (
            proptest::option::of(code::<Sex>()),
            proptest::option::of(code::<Ethnicity>()),
            proptest::collection::vec(code::<Disability>(), 0..3),
        ),
        proptest::collection::vec(referral(), 0..3),
    )
        .prop_map(
            |((id, upn, former, unknown, birth, expected, death), (sex, eth, dis), r)| Child {
                id: ChildId(id),
                upn,
                former_upn: former,
                upn_unknown: unknown,
                birth_date: birth,
                expected_birth_date: expected,
                death_date: death,
                sex,
                ethnicity: eth,
                disabilities: dis,
                referrals: r,
                ..Child::default()
            },
        )
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn any_written_census_reads_back_the_same(
        children in proptest::collection::vec(child(), 0..4),
        lea in "[0-9]{3}",
        release in text_value(),
    ) {
        // A census holds each child once (a second <Child> with the same id is a problem).
        let mut ids = std::collections::HashSet::new();
        let children: Vec<Child> = children.into_iter().filter(|c| ids.insert(c.id.clone())).collect();
        let header = CinHeader {
            year: CollectionYear(2026),
            lea,
            software_code: "Harbour".into(),
            release,
            serial_no: "001".into(),
            date_time: "2026-05-01T09:30:00".into(),
        };
        let mut bytes = Vec::new();
        write_census(&mut bytes, &header, &children).unwrap();
        let read = read_census_from(&bytes[..], Path::new("roundtrip.xml")).unwrap();
        // Values the model may lack but the schema requires are reported as missing; nothing
        // else may be.
        for p in &read.problems {
            prop_assert_eq!(p.kind, formats::ProblemKind::MissingValue, "{}", p);
        }
        prop_assert_eq!(read.data.header, Some(header));
        prop_assert_eq!(read.data.children, children);
    }
}
