use super::*;
use jiff::civil::date;
use model::codes::*;
use model::*;
use std::collections::BTreeMap;

/// The store's tables (`store::DATA_TABLES`), in its order: the export has the same tables.
const STORE_TABLES: [&str; 29] = [
    "children",
    "disabilities",
    "referrals",
    "assessments",
    "assessment_factors",
    "cin_plans",
    "section47s",
    "cp_plans",
    "cp_plan_reviews",
    "cla_episodes",
    "cla_reviews",
    "missing_episodes",
    "care_leaver_records",
    "cla_outcomes",
    "adoptions",
    "placed_for_adoption",
    "previous_permanence",
    "social_worker_episodes",
    "teams",
    "workers",
    "case_allocations",
    "family_safeguarding",
    "contacts",
    "strategy_discussions",
    "visits",
    "supervisions",
    "chronology_entries",
    "return_home_interviews",
    "population",
];

#[test]
fn the_tables_are_the_stores_in_its_order() {
    let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
    assert_eq!(names, STORE_TABLES);
    let rows: Vec<&str> = ROWS.iter().map(|(name, _)| *name).collect();
    assert_eq!(rows, STORE_TABLES, "row functions line up with TABLES");
}

#[test]
fn every_column_is_documented_once() {
    for t in &TABLES {
        assert!(t.description.ends_with('.'), "{}", t.name);
        let mut seen = std::collections::BTreeSet::new();
        for c in t.columns {
            assert!(seen.insert(c.name), "{}.{} twice", t.name, c.name);
            assert!(
                c.description.len() > 10 && c.description.ends_with('.'),
                "{}.{}: {:?}",
                t.name,
                c.name,
                c.description
            );
            assert!(
                c.name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}.{}",
                t.name,
                c.name
            );
        }
        if !["teams", "workers", "population"].contains(&t.name) {
            assert!(
                t.columns.iter().any(|c| c.name == "child_id"),
                "{} has child_id",
                t.name
            );
        }
    }
    assert_eq!(table("cp_plans").map(|t| t.columns.len()), Some(8));
    assert_eq!(table("nothing"), None);
}

#[test]
fn docs_export_md_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/export.md");
    let generated = markdown();
    if std::env::var_os("HARBOUR_UPDATE_DOCS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, &generated).unwrap();
        return;
    }
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/export.md is not what crates/export/src/schema.rs generates; \
         run `HARBOUR_UPDATE_DOCS=1 cargo test -p export docs_export_md` to regenerate it"
    );
}

/// A dataset with every field of the model filled in. Written without `..Default::default()` so
/// that a field added to the model fails to compile here until it has a column.
fn full_dataset() -> Dataset {
    let a = Child {
        id: ChildId::from("A1"),
        upn: Some("A318123456789".into()),
        former_upn: Some("B318123456789".into()),
        upn_unknown: Some(UpnUnknown::UN1),
        birth_date: Some(date(2012, 5, 6)),
        expected_birth_date: Some(date(2012, 5, 7)),
        death_date: Some(date(2025, 1, 2)),
        sex: Some(Sex::F),
        ethnicity: Some(Ethnicity::WBRI),
        disabilities: vec![Disability::AUT, Disability::NONE],
        uasc: Some(UascStatus {
            ceased: Some(date(2030, 5, 6)),
        }),
        mother: Some(true),
        mothers_child_birth_date: Some(date(2024, 8, 9)),
        referrals: vec![
            Referral {
                referral_date: date(2023, 4, 3),
                source: Some(ReferralSource::R5D),
                primary_need: Some(PrimaryNeed::N1),
                closure_date: Some(date(2024, 3, 1)),
                reason_for_closure: Some(ReasonForClosure::RC1),
                no_further_action: false,
                initial_cpc_date: Some(date(2023, 5, 1)),
                assessments: vec![
                    Assessment {
                        start_date: date(2023, 4, 4),
                        internal_review_date: Some(date(2023, 4, 20)),
                        authorised_date: Some(date(2023, 5, 2)),
                        factors: vec![AssessmentFactor::F21, AssessmentFactor::F2A],
                    },
                    Assessment {
                        start_date: date(2023, 9, 4),
                        internal_review_date: None,
                        authorised_date: None,
                        factors: vec![],
                    },
                ],
                cin_plans: vec![CinPlan {
                    start_date: date(2023, 5, 3),
                    end_date: Some(date(2023, 6, 3)),
                }],
                section47s: vec![Section47 {
                    start_date: date(2023, 4, 10),
                    icpc_target_date: Some(date(2023, 5, 5)),
                    icpc_date: Some(date(2023, 5, 4)),
                    icpc_not_required: true,
                }],
                cp_plans: vec![CpPlan {
                    start_date: date(2023, 6, 4),
                    end_date: Some(date(2024, 2, 1)),
                    initial_category: Some(CategoryOfAbuse::NEG),
                    latest_category: Some(CategoryOfAbuse::EMO),
                    number_of_previous_plans: Some(2),
                    review_dates: vec![date(2023, 9, 1), date(2024, 1, 5)],
                }],
                pre_proceedings: Some(PreProceedings {
                    start_date: Some(date(2023, 7, 3)),
                    letter_before_proceedings_date: Some(date(2023, 7, 10)),
                    fgdm_offered: Some(true),
                    fgdm_facilitated: Some(false),
                    initial_meeting_date: Some(date(2023, 7, 24)),
                    review_meetings: Some(2),
                    step_decision_date: Some(date(2023, 11, 1)),
                    outcome: Some("A".to_owned()),
                    court_application_date: Some(date(2023, 11, 20)),
                    letter_init_cp_date: Some(date(2023, 12, 1)),
                }),
            },
            Referral {
                referral_date: date(2024, 6, 1),
                source: None,
                primary_need: None,
                closure_date: None,
                reason_for_closure: None,
                no_further_action: true,
                initial_cpc_date: None,
                assessments: vec![],
                cin_plans: vec![],
                section47s: vec![],
                cp_plans: vec![CpPlan {
                    start_date: date(2024, 7, 1),
                    end_date: None,
                    initial_category: None,
                    latest_category: None,
                    number_of_previous_plans: None,
                    review_dates: vec![date(2024, 10, 1)],
                }],
                pre_proceedings: None,
            },
        ],
        cla_episodes: vec![ClaEpisode {
            start_date: date(2024, 2, 2),
            reason_new_episode: Some(ReasonNewEpisode::S),
            legal_status: Some(LegalStatus::C2),
            category_of_need: Some(CategoryOfNeed::N1),
            placement: Some(Placement::K2),
            placement_provider: Some(PlacementProvider::PR0),
            end_date: Some(date(2024, 12, 2)),
            reason_ceased: Some(ReasonEpisodeCeased::X1),
            reason_place_change: Some(ReasonPlaceChange::CARPL),
            home_postcode: Some("AB1 2CD".into()),
            placement_postcode: Some("EF3 4GH".into()),
            urn: Some("XXXXXXX".into()),
        }],
        cla_reviews: vec![ClaReview {
            date: date(2024, 3, 2),
            participation: Some(ReviewParticipation::PN1),
        }],
        missing_episodes: vec![MissingEpisode {
            kind: Some(MissingKind::M),
            start_date: date(2024, 4, 2),
            end_date: Some(date(2024, 4, 3)),
        }],
        care_leaver_records: vec![CareLeaverRecord {
            year: CollectionYear(2025),
            in_touch: Some(InTouch::YES),
            activity: Some(Activity::F1),
            accommodation: Some(Accommodation::B1),
        }],
        outcomes: vec![ClaOutcomes {
            year: CollectionYear(2026),
            sdq_score: Some(17),
            sdq_reason: Some(SdqReason::SDQ1),
            convicted: Some(false),
            health_check: Some(true),
            immunisations: Some(true),
            teeth_check: None,
            health_assessment: Some(true),
            substance_misuse: Some(false),
            intervention_received: Some(false),
            intervention_offered: Some(false),
        }],
        adoption: Some(Adoption {
            decision_date: Some(date(2024, 5, 2)),
            match_date: Some(date(2024, 6, 2)),
            by_foster_carer: Some(false),
            number_of_adopters: Some(2),
            adopter_sex: Some(AdopterSex::MF),
            adopter_legal_status: Some(AdopterLegalStatus::L0),
        }),
        placed_for_adoption: vec![PlacedForAdoption {
            date_placed: date(2024, 5, 3),
            date_ceased: Some(date(2024, 7, 3)),
            reason_ceased: Some(ReasonPlacedCeased::RD1),
        }],
        previous_permanence: Some(PreviousPermanenceOrder {
            kind: Some(PreviousPermanence::P1),
            la: Some("318".into()),
            date: Some("ZZ/05/2019".into()),
        }),
        social_worker_episodes: vec![SocialWorkerEpisode {
            worker: "SW1".into(),
            start_date: date(2024, 2, 3),
            end_date: Some(date(2024, 8, 3)),
            reason: Some(SwReason::MANAGE),
        }],
    };
    // A child with nothing but an id: every optional column empty.
    let b = Child {
        id: ChildId::from("B2"),
        ..Child::default()
    };
    Dataset {
        children: vec![a, b],
        teams: vec![Team {
            id: "T1".into(),
            name: "Family Safeguarding, North".into(),
            service: "Family Safeguarding".into(),
            family_safeguarding: true,
        }],
        workers: vec![Worker {
            id: "SW1".into(),
            team: "T1".into(),
            role: Some(WorkerRole::SocialWorker),
            start_date: Some(date(2020, 1, 6)),
            end_date: None,
            agency: false,
        }],
        allocations: vec![CaseAllocation {
            child: ChildId::from("A1"),
            worker: "SW1".into(),
            team: "T1".into(),
            start: date(2023, 4, 5),
            end: Some(date(2024, 3, 9)),
        }],
        family_safeguarding: vec![FamilySafeguardingInvolvement {
            child: ChildId::from("A1"),
            team: "T1".into(),
            start: date(2023, 6, 5),
            end: None,
            domestic_abuse_worker: true,
            mental_health_worker: false,
            substance_use_worker: true,
        }],
        contacts: vec![Contact {
            child: ChildId::from("A1"),
            date: date(2023, 3, 30),
            source: Some(ReferralSource::R5D),
            led_to_referral: true,
        }],
        strategy_discussions: vec![StrategyDiscussion {
            child: ChildId::from("A1"),
            date: date(2023, 5, 2),
            s47_start: Some(date(2023, 5, 3)),
        }],
        visits: vec![Visit {
            child: ChildId::from("A1"),
            worker: "SW1".into(),
            date: date(2024, 2, 29),
            kind: VisitKind::ChildProtection,
            seen: true,
            seen_alone: false,
        }],
        supervisions: vec![Supervision {
            child: ChildId::from("A1"),
            worker: "SW1".into(),
            date: date(2024, 3, 1),
        }],
        chronology: vec![ChronologyEntry {
            child: ChildId::from("A1"),
            event_date: date(2024, 2, 29),
            recorded_date: date(2024, 3, 4),
            event: "Visit".into(),
        }],
        return_home_interviews: vec![ReturnHomeInterview {
            child: ChildId::from("A1"),
            missing_start: date(2023, 9, 1),
            offered: Some(date(2023, 9, 4)),
            accepted: None,
            completed: None,
        }],
        population: vec![PopulationEstimate {
            area: "E06000099".into(),
            year: 2023,
            children_0_17: 40_000,
            vintage: "synthetic".into(),
        }],
        // Partners' figures are not one of the child-journey tables: no table writes them.
        partner_figures: Vec::new(),
    }
}

/// Each table's rows as `store::row_counts` counts them from the model.
fn model_counts(ds: &Dataset) -> BTreeMap<&'static str, u64> {
    let mut n: BTreeMap<&'static str, u64> = STORE_TABLES.iter().map(|t| (*t, 0)).collect();
    let mut add = |t: &'static str, k: usize| *n.get_mut(t).unwrap() += k as u64;
    for c in &ds.children {
        add("children", 1);
        add("disabilities", c.disabilities.len());
        add("referrals", c.referrals.len());
        for r in &c.referrals {
            add("assessments", r.assessments.len());
            for a in &r.assessments {
                add("assessment_factors", a.factors.len());
            }
            add("cin_plans", r.cin_plans.len());
            add("section47s", r.section47s.len());
            add("cp_plans", r.cp_plans.len());
            for p in &r.cp_plans {
                add("cp_plan_reviews", p.review_dates.len());
            }
        }
        add("cla_episodes", c.cla_episodes.len());
        add("cla_reviews", c.cla_reviews.len());
        add("missing_episodes", c.missing_episodes.len());
        add("care_leaver_records", c.care_leaver_records.len());
        add("cla_outcomes", c.outcomes.len());
        add("adoptions", usize::from(c.adoption.is_some()));
        add("placed_for_adoption", c.placed_for_adoption.len());
        add(
            "previous_permanence",
            usize::from(c.previous_permanence.is_some()),
        );
        add("social_worker_episodes", c.social_worker_episodes.len());
    }
    add("teams", ds.teams.len());
    add("workers", ds.workers.len());
    add("case_allocations", ds.allocations.len());
    add("family_safeguarding", ds.family_safeguarding.len());
    add("contacts", ds.contacts.len());
    add("strategy_discussions", ds.strategy_discussions.len());
    add("visits", ds.visits.len());
    add("supervisions", ds.supervisions.len());
    add("chronology_entries", ds.chronology.len());
    add("return_home_interviews", ds.return_home_interviews.len());
    add("population", ds.population.len());
    n
}

fn written_counts(written: &[Written]) -> BTreeMap<&'static str, u64> {
    written.iter().map(|w| (w.table, w.rows)).collect()
}

/// Writes `ds` as CSV and returns each table's file content.
fn csv_files(ds: &Dataset) -> BTreeMap<&'static str, String> {
    let dir = tempfile::tempdir().unwrap();
    let written = write_tables(ds, dir.path(), Format::Csv).unwrap();
    written
        .iter()
        .map(|w| (w.table, fs::read_to_string(&w.path).unwrap()))
        .collect()
}

#[test]
fn csv_children_referrals_and_their_records() {
    let files = csv_files(&full_dataset());
    assert_eq!(
        files["children"],
        "child_id,upn,former_upn,upn_unknown,birth_date,expected_birth_date,death_date,sex,\
         ethnicity,uasc,uasc_ceased,mother,mothers_child_birth_date\n\
         A1,A318123456789,B318123456789,UN1,2012-05-06,2012-05-07,2025-01-02,F,WBRI,true,\
         2030-05-06,true,2024-08-09\n\
         B2,,,,,,,,,false,,,\n"
    );
    assert_eq!(
        files["referrals"],
        "referral_id,child_id,referral_date,source,primary_need,closure_date,reason_for_closure,\
         no_further_action,initial_cpc_date,pp_start_date,pp_letter_before_proceedings_date,\
         pp_fgdm_offered,pp_fgdm_facilitated,pp_initial_meeting_date,pp_review_meetings,\
         pp_step_decision_date,pp_outcome,pp_court_application_date,pp_letter_init_cp_date\n\
         1,A1,2023-04-03,5D,N1,2024-03-01,RC1,false,2023-05-01,2023-07-03,2023-07-10,true,false,\
         2023-07-24,2,2023-11-01,A,2023-11-20,2023-12-01\n\
         2,A1,2024-06-01,,,,,true,,,,,,,,,,,\n"
    );
    assert_eq!(
        files["assessments"],
        "assessment_id,referral_id,child_id,start_date,internal_review_date,authorised_date\n\
         1,1,A1,2023-04-04,2023-04-20,2023-05-02\n\
         2,1,A1,2023-09-04,,\n"
    );
    assert_eq!(
        files["assessment_factors"],
        "assessment_id,child_id,factor\n1,A1,21\n1,A1,2A\n"
    );
    assert_eq!(
        files["cp_plans"],
        "cp_plan_id,referral_id,child_id,start_date,end_date,initial_category,latest_category,\
         number_of_previous_plans\n\
         1,1,A1,2023-06-04,2024-02-01,NEG,EMO,2\n\
         2,2,A1,2024-07-01,,,,\n"
    );
    assert_eq!(
        files["cp_plan_reviews"],
        "cp_plan_id,child_id,review_date\n1,A1,2023-09-01\n1,A1,2024-01-05\n2,A1,2024-10-01\n"
    );
    assert_eq!(
        files["teams"],
        "team_id,name,service,family_safeguarding\n\
         T1,\"Family Safeguarding, North\",Family Safeguarding,true\n"
    );
    assert_eq!(
        files["cla_outcomes"],
        "child_id,collection_year,sdq_score,sdq_reason,convicted,health_check,immunisations,\
         teeth_check,health_assessment,substance_misuse,intervention_received,\
         intervention_offered\n\
         A1,2026,17,SDQ1,false,true,true,,true,false,false,false\n"
    );
    assert_eq!(
        files["previous_permanence"],
        "child_id,kind,la,perm_date\nA1,P1,318,ZZ/05/2019\n"
    );
}

#[test]
fn every_value_of_the_model_reaches_a_file() {
    let files = csv_files(&full_dataset());
    let all: String = files.values().map(String::as_str).collect();
    // Every date of the full dataset is distinct, so each must appear somewhere.
    for d in [
        "2012-05-06",
        "2012-05-07",
        "2025-01-02",
        "2030-05-06",
        "2024-08-09",
        "2023-04-03",
        "2024-03-01",
        "2023-05-01",
        "2023-04-04",
        "2023-04-20",
        "2023-05-02",
        "2023-09-04",
        "2023-05-03",
        "2023-06-03",
        "2023-04-10",
        "2023-05-05",
        "2023-05-04",
        "2023-06-04",
        "2024-02-01",
        "2023-09-01",
        "2024-01-05",
        "2024-06-01",
        "2024-07-01",
        "2024-10-01",
        "2024-02-02",
        "2024-12-02",
        "2024-03-02",
        "2024-04-02",
        "2024-04-03",
        "2024-05-02",
        "2024-06-02",
        "2024-05-03",
        "2024-07-03",
        "2024-02-03",
        "2024-08-03",
        "2020-01-06",
        "2023-04-05",
        "2024-03-09",
        "2023-06-05",
    ] {
        assert!(all.contains(d), "{d} is in no table");
    }
    for text in [
        "AUT", "NONE", "C2", "K2", "PR0", "X1", "CARPL", "AB1 2CD", "EF3 4GH", "XXXXXXX", "PN1",
        ",M,", "YES", "F1", "B1", "MF", "L0", "MANAGE", "RD1", "SW1", "SW,",
    ] {
        assert!(all.contains(text), "{text} is in no table");
    }
}

#[test]
fn row_counts_are_the_models() {
    let ds = full_dataset();
    for format in [Format::Csv, Format::Parquet] {
        let dir = tempfile::tempdir().unwrap();
        let written = write_tables(&ds, dir.path(), format).unwrap();
        assert_eq!(written_counts(&written), model_counts(&ds), "{format:?}");
        assert!(written.iter().all(|w| w.rows > 0), "every table has a row");
    }

    let council = synth::generate(&synth::SynthConfig {
        children: 200,
        seed: 3,
        ..Default::default()
    });
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::Csv, Format::Parquet] {
        let written = write_tables(&council.dataset, dir.path(), format).unwrap();
        assert_eq!(
            written_counts(&written),
            model_counts(&council.dataset),
            "{format:?}"
        );
        for w in &written {
            assert_eq!(
                w.path,
                dir.path()
                    .join(format!("{}.{}", w.table, format.extension()))
            );
        }
    }
    // 29 CSV and 29 Parquet files, and no temporary file left behind.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 58, "{names:?}");
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn parquet_columns_are_typed_and_dates_are_dates() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::schema::printer::print_schema;

    let dir = tempfile::tempdir().unwrap();
    let written = write_tables(&full_dataset(), dir.path(), Format::Parquet).unwrap();
    let referrals = written.iter().find(|w| w.table == "referrals").unwrap();
    let reader = SerializedFileReader::new(File::open(&referrals.path).unwrap()).unwrap();

    let mut schema = Vec::new();
    print_schema(
        &mut schema,
        reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .root_schema(),
    );
    assert_eq!(
        String::from_utf8(schema).unwrap(),
        "message referrals {\n  \
           REQUIRED INT64 referral_id;\n  \
           REQUIRED BYTE_ARRAY child_id (STRING);\n  \
           REQUIRED INT32 referral_date (DATE);\n  \
           OPTIONAL BYTE_ARRAY source (STRING);\n  \
           OPTIONAL BYTE_ARRAY primary_need (STRING);\n  \
           OPTIONAL INT32 closure_date (DATE);\n  \
           OPTIONAL BYTE_ARRAY reason_for_closure (STRING);\n  \
           REQUIRED BOOLEAN no_further_action;\n  \
           OPTIONAL INT32 initial_cpc_date (DATE);\n  \
           OPTIONAL INT32 pp_start_date (DATE);\n  \
           OPTIONAL INT32 pp_letter_before_proceedings_date (DATE);\n  \
           OPTIONAL BOOLEAN pp_fgdm_offered;\n  \
           OPTIONAL BOOLEAN pp_fgdm_facilitated;\n  \
           OPTIONAL INT32 pp_initial_meeting_date (DATE);\n  \
           OPTIONAL INT64 pp_review_meetings;\n  \
           OPTIONAL INT32 pp_step_decision_date (DATE);\n  \
           OPTIONAL BYTE_ARRAY pp_outcome (STRING);\n  \
           OPTIONAL INT32 pp_court_application_date (DATE);\n  \
           OPTIONAL INT32 pp_letter_init_cp_date (DATE);\n\
         }\n"
    );
    let rows: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .collect();
    assert_eq!(
        rows,
        [
            "{referral_id: 1, child_id: \"A1\", referral_date: 2023-04-03, source: \"5D\", \
             primary_need: \"N1\", closure_date: 2024-03-01, reason_for_closure: \"RC1\", \
             no_further_action: false, initial_cpc_date: 2023-05-01, pp_start_date: 2023-07-03, \
             pp_letter_before_proceedings_date: 2023-07-10, pp_fgdm_offered: true, \
             pp_fgdm_facilitated: false, pp_initial_meeting_date: 2023-07-24, \
             pp_review_meetings: 2, pp_step_decision_date: 2023-11-01, pp_outcome: \"A\", \
             pp_court_application_date: 2023-11-20, pp_letter_init_cp_date: 2023-12-01}",
            "{referral_id: 2, child_id: \"A1\", referral_date: 2024-06-01, source: null, \
             primary_need: null, closure_date: null, reason_for_closure: null, \
             no_further_action: true, initial_cpc_date: null, pp_start_date: null, \
             pp_letter_before_proceedings_date: null, pp_fgdm_offered: null, \
             pp_fgdm_facilitated: null, pp_initial_meeting_date: null, pp_review_meetings: null, \
             pp_step_decision_date: null, pp_outcome: null, pp_court_application_date: null, \
             pp_letter_init_cp_date: null}",
        ]
    );
}

#[test]
fn an_empty_dataset_gives_empty_tables() {
    let dir = tempfile::tempdir().unwrap();
    for format in [Format::Csv, Format::Parquet] {
        let written = write_tables(&Dataset::default(), dir.path(), format).unwrap();
        assert_eq!(written.len(), 29);
        assert!(written.iter().all(|w| w.rows == 0));
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("cin_plans.csv")).unwrap(),
        "referral_id,child_id,start_date,end_date\n"
    );
}

#[test]
fn a_failure_names_the_table_and_file_and_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ds = full_dataset();
    write_tables(&ds, dir.path(), Format::Csv).unwrap();
    let before = fs::read_to_string(dir.path().join("children.csv")).unwrap();

    // A directory where the workers file would go: every other table is written, then moving the
    // finished files into place fails at workers.
    fs::remove_file(dir.path().join("workers.csv")).unwrap();
    fs::create_dir(dir.path().join("workers.csv")).unwrap();
    fs::write(dir.path().join("workers.csv/keep"), "").unwrap();
    let err = write_tables(&Dataset::default(), dir.path(), Format::Csv).unwrap_err();
    match &err {
        ExportError::Rename {
            table,
            path,
            replaced,
            ..
        } => {
            assert_eq!(*table, "workers");
            assert_eq!(path, &dir.path().join("workers.csv"));
            assert_eq!(*replaced, 19);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("workers.csv"), "{err}");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.ends_with(".tmp").then_some(name)
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_ne!(
        fs::read_to_string(dir.path().join("children.csv")).unwrap(),
        before,
        "tables before workers were replaced, as the error says"
    );

    // The directory cannot be made: nothing is written.
    let file = dir.path().join("children.csv");
    let err = write_tables(&ds, &file.join("sub"), Format::Parquet).unwrap_err();
    assert!(matches!(err, ExportError::Directory { .. }), "{err:?}");
}

#[test]
fn a_row_that_does_not_fit_its_table_is_refused() {
    let t = table("cin_plans").unwrap();
    let id = rows::Value::Integer(Some(1));
    let child = rows::Value::Text(Some("A"));
    let day = rows::Value::Date(Some(date(2024, 1, 1)));
    assert!(rows::check(t, &[id, child, day, rows::Value::Date(None)]).is_ok());
    let short = rows::check(t, &[id, child, day]).unwrap_err();
    assert!(
        short.to_string().contains("3 values for 4 columns"),
        "{short}"
    );
    let wrong = rows::check(t, &[id, child, child, rows::Value::Date(None)]).unwrap_err();
    assert!(wrong.to_string().contains("start_date"), "{wrong}");
    let missing = rows::check(t, &[id, child, rows::Value::Date(None), day]).unwrap_err();
    assert!(
        missing.to_string().contains("cannot be missing"),
        "{missing}"
    );
}
