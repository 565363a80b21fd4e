//! Shared fixtures for the store's tests.
#![allow(dead_code)]

use model::codes::*;
use model::*;
use store::{LoadBatch, ReturnKind, SourceFile, Store};

pub fn d(y: i16, m: i8, day: i8) -> Date {
    jiff::civil::date(y, m, day)
}

/// The `i`th code of a code set, cycling, so that a run of `i` uses every code.
pub fn pick<C: CodeSet>(i: usize) -> C {
    C::ALL[i % C::ALL.len()]
}

/// The longest code set: this many children use every code of every set.
pub fn longest_code_set() -> usize {
    [
        ReferralSource::ALL.len(),
        PrimaryNeed::ALL.len(),
        ReasonForClosure::ALL.len(),
        CategoryOfAbuse::ALL.len(),
        AssessmentFactor::ALL.len(),
        Disability::ALL.len(),
        Ethnicity::ALL.len(),
        Sex::ALL.len(),
        UpnUnknown::ALL.len(),
        ReasonNewEpisode::ALL.len(),
        LegalStatus::ALL.len(),
        CategoryOfNeed::ALL.len(),
        Placement::ALL.len(),
        PlacementProvider::ALL.len(),
        ReasonEpisodeCeased::ALL.len(),
        ReasonPlaceChange::ALL.len(),
        MissingKind::ALL.len(),
        SdqReason::ALL.len(),
        ReviewParticipation::ALL.len(),
        PreviousPermanence::ALL.len(),
        InTouch::ALL.len(),
        Activity::ALL.len(),
        AdopterSex::ALL.len(),
        AdopterLegalStatus::ALL.len(),
        ReasonPlacedCeased::ALL.len(),
        SwReason::ALL.len(),
        Accommodation::ALL.len(),
    ]
    .into_iter()
    .max()
    .unwrap()
}

/// A child with every field and record filled, its codes chosen by `i`.
pub fn full_child(i: usize) -> Child {
    let y = 2010 + (i % 10) as i16;
    Child {
        id: ChildId(format!("C{i:05}")),
        upn: Some(format!("A{i:012}")),
        former_upn: Some(format!("B{i:012}")),
        upn_unknown: Some(pick(i)),
        birth_date: Some(d(y, 2, 28)),
        expected_birth_date: Some(d(y, 3, 1)),
        death_date: Some(d(2030, 1, 1)),
        sex: Some(pick(i)),
        ethnicity: Some(pick(i)),
        disabilities: vec![pick(i), pick(i + 1)],
        uasc: Some(UascStatus {
            ceased: Some(d(y + 18, 2, 28)),
        }),
        mother: Some(i.is_multiple_of(2)),
        mothers_child_birth_date: Some(d(y + 16, 7, 4)),
        referrals: vec![
            Referral {
                referral_date: d(2024, 5, 1),
                source: Some(pick(i)),
                primary_need: Some(pick(i)),
                closure_date: Some(d(2025, 1, 31)),
                reason_for_closure: Some(pick(i)),
                no_further_action: i.is_multiple_of(3),
                initial_cpc_date: Some(d(2024, 6, 10)),
                assessments: vec![
                    Assessment {
                        start_date: d(2024, 5, 2),
                        internal_review_date: Some(d(2024, 5, 20)),
                        authorised_date: Some(d(2024, 6, 1)),
                        // Not in code order, and a repeat: the store keeps the order as given.
                        factors: vec![pick(i + 2), pick(i), pick(i + 1), pick(i)],
                    },
                    // Same start date as the first: natural keys collide in messy data.
                    Assessment {
                        start_date: d(2024, 5, 2),
                        internal_review_date: None,
                        authorised_date: None,
                        factors: vec![],
                    },
                ],
                cin_plans: vec![CinPlan {
                    start_date: d(2024, 6, 1),
                    end_date: Some(d(2024, 9, 1)),
                }],
                section47s: vec![Section47 {
                    start_date: d(2024, 5, 3),
                    icpc_target_date: Some(d(2024, 5, 31)),
                    icpc_date: Some(d(2024, 5, 30)),
                    icpc_not_required: i % 2 == 1,
                }],
                cp_plans: vec![CpPlan {
                    start_date: d(2024, 6, 10),
                    end_date: Some(d(2024, 12, 1)),
                    initial_category: Some(pick(i)),
                    latest_category: Some(pick(i + 1)),
                    number_of_previous_plans: Some(u32::MAX - i as u32),
                    review_dates: vec![d(2024, 9, 1), d(2024, 9, 1), d(2024, 11, 30)],
                }],
                // The 2026-27 block, its outcome written with characters a store must keep.
                pre_proceedings: Some(PreProceedings {
                    start_date: Some(d(2024, 7, 1)),
                    letter_before_proceedings_date: Some(d(2024, 7, 8)),
                    fgdm_offered: Some(i.is_multiple_of(2)),
                    fgdm_facilitated: None,
                    initial_meeting_date: Some(d(2024, 7, 22)),
                    review_meetings: Some(u32::MAX - i as u32),
                    step_decision_date: Some(d(2024, 10, 1)),
                    outcome: Some(format!("A'é\"{i}")),
                    court_application_date: None,
                    letter_init_cp_date: Some(d(2024, 10, 15)),
                }),
            },
            Referral {
                referral_date: d(2022, 1, 9),
                ..Referral::default()
            },
        ],
        cla_episodes: vec![ClaEpisode {
            start_date: d(2023, 1, 1),
            reason_new_episode: Some(pick(i)),
            legal_status: Some(pick(i)),
            category_of_need: Some(pick(i)),
            placement: Some(pick(i)),
            placement_provider: Some(pick(i)),
            end_date: Some(d(2023, 6, 1)),
            reason_ceased: Some(pick(i)),
            reason_place_change: Some(pick(i)),
            home_postcode: Some("AB1".into()),
            placement_postcode: Some("CD2".into()),
            urn: Some("XXXXXXX".into()),
        }],
        cla_reviews: vec![ClaReview {
            date: d(2023, 2, 1),
            participation: Some(pick(i)),
        }],
        missing_episodes: vec![MissingEpisode {
            kind: Some(pick(i)),
            start_date: d(2023, 3, 1),
            end_date: Some(d(2023, 3, 2)),
        }],
        care_leaver_records: vec![CareLeaverRecord {
            year: CollectionYear(2024),
            in_touch: Some(pick(i)),
            activity: Some(pick(i)),
            accommodation: Some(pick(i)),
        }],
        outcomes: vec![ClaOutcomes {
            year: CollectionYear(2024),
            sdq_score: Some((i % 256) as u8),
            sdq_reason: Some(pick(i)),
            convicted: Some(true),
            health_check: Some(false),
            immunisations: Some(true),
            teeth_check: Some(false),
            health_assessment: Some(true),
            substance_misuse: Some(false),
            intervention_received: Some(true),
            intervention_offered: Some(false),
        }],
        adoption: Some(Adoption {
            decision_date: Some(d(2023, 4, 1)),
            match_date: Some(d(2023, 5, 1)),
            by_foster_carer: Some(true),
            number_of_adopters: Some(2),
            adopter_sex: Some(pick(i)),
            adopter_legal_status: Some(pick(i)),
        }),
        placed_for_adoption: vec![PlacedForAdoption {
            date_placed: d(2023, 4, 2),
            date_ceased: Some(d(2023, 8, 1)),
            reason_ceased: Some(pick(i)),
        }],
        previous_permanence: Some(PreviousPermanenceOrder {
            kind: Some(pick(i)),
            la: Some("931".into()),
            date: Some("ZZ/05/2019".into()),
        }),
        social_worker_episodes: vec![SocialWorkerEpisode {
            worker: format!("SW{i:05}"),
            start_date: d(2023, 1, 1),
            end_date: Some(d(2023, 6, 1)),
            reason: Some(pick(i)),
        }],
    }
}

/// A dataset in which every field of every record type is filled, every code of every code set
/// appears, and the awkward cases are present: an unborn child, a child with nothing but an id,
/// records that exist with every field empty, repeated dates where the model allows them.
pub fn full_dataset() -> Dataset {
    let mut children: Vec<Child> = (0..longest_code_set()).map(full_child).collect();
    children.push(Child {
        id: ChildId::from("UNBORN"),
        expected_birth_date: Some(d(2026, 9, 1)),
        uasc: Some(UascStatus { ceased: None }),
        adoption: Some(Adoption::default()),
        previous_permanence: Some(PreviousPermanenceOrder::default()),
        outcomes: vec![ClaOutcomes {
            year: CollectionYear(2025),
            sdq_score: None,
            sdq_reason: None,
            convicted: None,
            health_check: None,
            immunisations: None,
            teeth_check: None,
            health_assessment: None,
            substance_misuse: None,
            intervention_received: None,
            intervention_offered: None,
        }],
        care_leaver_records: vec![CareLeaverRecord {
            year: CollectionYear(2025),
            in_touch: None,
            activity: None,
            accommodation: None,
        }],
        ..Child::default()
    });
    children.push(Child {
        id: ChildId::from("BARE"),
        ..Child::default()
    });
    // Text that JSON must escape, and text that SQL would choke on if it were spliced in.
    children.push(Child {
        id: ChildId::from("Q'\"\\é\t\u{1F600}"),
        upn: Some("'; DROP TABLE children; --".into()),
        referrals: vec![Referral {
            referral_date: d(2020, 2, 29),
            ..Referral::default()
        }],
        ..Child::default()
    });
    children.push(Child {
        id: ChildId::from(""),
        ..Child::default()
    });
    // Children out of id order: the store returns them normalised.
    children.reverse();
    let roles = WorkerRole::ALL;
    Dataset {
        children,
        teams: vec![
            Team {
                id: "T1".into(),
                name: "Assessment North".into(),
                service: "Assessment".into(),
                family_safeguarding: false,
            },
            Team {
                id: "T2".into(),
                name: "Family Safeguarding 1".into(),
                service: "Family Safeguarding".into(),
                family_safeguarding: true,
            },
        ],
        workers: roles
            .iter()
            .enumerate()
            .map(|(i, r)| Worker {
                id: format!("SW{i:05}"),
                team: "T1".into(),
                role: Some(*r),
                start_date: Some(d(2020, 1, 1)),
                end_date: (i % 2 == 0).then(|| d(2025, 1, 1)),
                agency: i % 2 == 1,
            })
            .chain([Worker {
                id: "X0".into(),
                team: "T9".into(),
                ..Worker::default()
            }])
            .collect(),
        allocations: vec![
            CaseAllocation {
                child: ChildId::from("C00001"),
                worker: "SW00001".into(),
                team: "T1".into(),
                start: d(2024, 5, 1),
                end: Some(d(2024, 8, 1)),
            },
            CaseAllocation {
                child: ChildId::from("C00001"),
                worker: "SW00002".into(),
                team: "T1".into(),
                start: d(2024, 5, 1),
                end: None,
            },
            // A child no return has yet.
            CaseAllocation {
                child: ChildId::from("ELSEWHERE"),
                worker: "SW00002".into(),
                team: "T2".into(),
                start: d(2024, 1, 1),
                end: None,
            },
        ],
        family_safeguarding: vec![FamilySafeguardingInvolvement {
            child: ChildId::from("C00002"),
            team: "T2".into(),
            start: d(2024, 6, 1),
            end: None,
            domestic_abuse_worker: true,
            mental_health_worker: false,
            substance_use_worker: true,
        }],
        contacts: vec![
            Contact {
                child: ChildId::from("C00001"),
                date: d(2024, 2, 29),
                source: Some(pick(3)),
                led_to_referral: true,
            },
            // A child known only by a contact.
            Contact {
                child: ChildId::from("CONTACT-ONLY"),
                date: d(2024, 3, 1),
                source: None,
                led_to_referral: false,
            },
        ],
        strategy_discussions: vec![StrategyDiscussion {
            child: ChildId::from("C00001"),
            date: d(2024, 3, 4),
            s47_start: Some(d(2024, 3, 5)),
        }],
        visits: VisitKind::ALL
            .iter()
            .enumerate()
            .map(|(i, k)| Visit {
                child: ChildId::from("C00001"),
                worker: "SW00001".into(),
                date: d(2024, 5, 2),
                kind: *k,
                seen: i > 0,
                seen_alone: i > 1,
            })
            .collect(),
        supervisions: vec![Supervision {
            child: ChildId::from("C00001"),
            worker: "SW00001".into(),
            date: d(2024, 5, 30),
        }],
        chronology: vec![ChronologyEntry {
            child: ChildId::from("C00001"),
            event_date: d(2024, 5, 2),
            recorded_date: d(2024, 5, 3),
            event: "Visit 'home'".into(),
        }],
        return_home_interviews: vec![ReturnHomeInterview {
            child: ChildId::from("C00002"),
            missing_start: d(2024, 7, 1),
            offered: Some(d(2024, 7, 3)),
            accepted: Some(true),
            completed: Some(d(2024, 7, 4)),
        }],
        population: vec![PopulationEstimate {
            area: "E06000099".into(),
            year: 2024,
            children_0_17: 41_250,
            vintage: "synthetic".into(),
        }],
        // Every measure, out of order, with a fractional attendance.
        partner_figures: PartnerMeasure::ALL
            .iter()
            .rev()
            .enumerate()
            .map(|(i, m)| PartnerFigure {
                child: ChildId::from(if i % 2 == 0 { "C00002" } else { "C00001" }),
                measure: *m,
                month: Month {
                    year: 2024,
                    month: 12 - i as i8,
                },
                value: if m.is_count() { i as f64 } else { 87.5 },
            })
            .collect(),
    }
}

pub fn normalised(mut ds: Dataset) -> Dataset {
    ds.normalise();
    ds
}

/// A batch of one file whose bytes are `name` (so each name is a different file).
pub fn batch(name: &str, dataset: Dataset) -> LoadBatch {
    LoadBatch {
        files: vec![SourceFile::from_bytes(
            name,
            name.as_bytes(),
            ReturnKind::CinCensus,
            Some(2025),
        )],
        dataset,
        loaded_by: "tester".into(),
        assurance: None,
    }
}

/// Which backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, empty store of its own for one test.
pub struct TestDb {
    /// Keeps the SQLite file's folder alive.
    pub _dir: Option<tempfile::TempDir>,
    /// What `Store::open` was given.
    pub url: String,
    pub backend: Backend,
    pub store: Store,
}

#[allow(unused_imports)]
pub use store::testing::{fresh_postgres_database, postgres_admin_url};

/// A fresh store on `backend`, or `None` when PostgreSQL is not configured (see
/// [`postgres_admin_url`]).
pub async fn fresh(backend: Backend) -> Option<TestDb> {
    let (dir, url) = match backend {
        Backend::Sqlite => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("harbour.db").to_str().unwrap().to_owned();
            (Some(dir), path)
        }
        Backend::Postgres => (None, fresh_postgres_database(&postgres_admin_url()?).await),
    };
    let store = Store::open(&url).await.unwrap();
    Some(TestDb {
        _dir: dir,
        url,
        backend,
        store,
    })
}

impl TestDb {
    /// Runs SQL on the database through a connection of its own (as the database's owner).
    pub async fn exec(&self, sqlite: &str, postgres: &str) {
        use sqlx::Connection;
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", self.url))
                    .await
                    .unwrap();
                sqlx::raw_sql(sqlx::AssertSqlSafe(sqlite.to_owned()))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                conn.close().await.unwrap();
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                sqlx::raw_sql(sqlx::AssertSqlSafe(postgres.to_owned()))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                conn.close().await.unwrap();
            }
        }
    }
}

impl TestDb {
    /// Runs one statement through a connection of its own, giving the database's error message.
    pub async fn try_exec(&self, sql: &str) -> Result<(), String> {
        use sqlx::Connection;
        let sql = sqlx::AssertSqlSafe(sql.to_owned());
        let result = match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", self.url))
                    .await
                    .unwrap();
                sqlx::raw_sql(sql).execute(&mut conn).await.map(|_| ())
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                sqlx::raw_sql(sql).execute(&mut conn).await.map(|_| ())
            }
        };
        result.map_err(|e| e.to_string())
    }

    /// The same database reached as the PostgreSQL server's administrator (a superuser), for
    /// checks that no privilege can get round.
    pub fn as_admin(&self) -> AdminDb {
        use std::str::FromStr;
        let admin = postgres_admin_url().expect("PostgreSQL is configured");
        let options = sqlx::postgres::PgConnectOptions::from_str(&admin).unwrap();
        let database = self.url.rsplit('/').next().unwrap();
        AdminDb {
            url: format!(
                "postgres://{}@{}:{}/{database}",
                options.get_username(),
                options.get_host(),
                options.get_port()
            ),
        }
    }
}

/// A connection string for the administrator on a test database.
pub struct AdminDb {
    pub url: String,
}

impl AdminDb {
    pub async fn try_exec(&self, sql: &str) -> Result<(), String> {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&mut conn)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Writes one test per backend: `both! { async fn name(db) { … } }` gives `name::sqlite` and
/// `name::postgres`, each with `db` a fresh [`TestDb`].
#[macro_export]
macro_rules! both {
    (async fn $name:ident($db:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test]
            async fn sqlite() {
                let $db = fresh(Backend::Sqlite).await.unwrap();
                $body
            }
            #[tokio::test]
            async fn postgres() {
                let Some($db) = fresh(Backend::Postgres).await else {
                    return;
                };
                $body
            }
        }
    };
}
