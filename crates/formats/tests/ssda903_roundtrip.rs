//! Writing children as an SSDA903 return and reading it back gives the same children.

use formats::ssda903::{self, Table};
use model::codes::*;
use model::*;

const YEAR: CollectionYear = CollectionYear(2026);

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// Children that between them fill every field the SSDA903 return carries.
fn children() -> Vec<Child> {
    let full = Child {
        id: ChildId::from("C001"),
        upn: Some("A123456789012".into()),
        sex: Some(Sex::F),
        birth_date: Some(date(2008, 7, 9)),
        ethnicity: Some(Ethnicity::MWBA),
        mother: Some(true),
        mothers_child_birth_date: Some(date(2025, 1, 2)),
        uasc: Some(UascStatus {
            ceased: Some(date(2026, 7, 9)),
        }),
        cla_episodes: vec![
            ClaEpisode {
                start_date: date(2024, 11, 3),
                reason_new_episode: Some(ReasonNewEpisode::S),
                legal_status: Some(LegalStatus::V2),
                category_of_need: Some(CategoryOfNeed::N4),
                placement: Some(Placement::U6),
                placement_provider: Some(PlacementProvider::PR1),
                end_date: Some(date(2025, 6, 30)),
                reason_ceased: Some(ReasonEpisodeCeased::X1),
                reason_place_change: Some(ReasonPlaceChange::CARPL),
                home_postcode: Some("AB1".into()),
                placement_postcode: Some("CD23".into()),
                urn: Some("SC123456".into()),
            },
            ClaEpisode {
                start_date: date(2025, 6, 30),
                reason_new_episode: Some(ReasonNewEpisode::P),
                legal_status: Some(LegalStatus::C2),
                category_of_need: Some(CategoryOfNeed::N1),
                placement: Some(Placement::Z12),
                urn: Some("XXXXXXX".into()),
                ..ClaEpisode::default()
            },
        ],
        cla_reviews: vec![
            ClaReview {
                date: date(2024, 12, 1),
                participation: Some(ReviewParticipation::PN1),
            },
            ClaReview {
                date: date(2025, 5, 31),
                participation: None,
            },
        ],
        missing_episodes: vec![MissingEpisode {
            kind: Some(MissingKind::A),
            start_date: date(2025, 8, 1),
            end_date: Some(date(2025, 8, 2)),
        }],
        care_leaver_records: vec![CareLeaverRecord {
            year: YEAR,
            in_touch: Some(InTouch::YES),
            activity: Some(Activity::F4),
            accommodation: Some(Accommodation::NotInTouch),
        }],
        outcomes: vec![ClaOutcomes {
            year: YEAR,
            sdq_score: Some(17),
            sdq_reason: Some(SdqReason::SDQ5),
            convicted: Some(false),
            health_check: Some(true),
            immunisations: Some(true),
            teeth_check: Some(false),
            health_assessment: Some(true),
            substance_misuse: Some(false),
            intervention_received: Some(true),
            intervention_offered: Some(false),
        }],
        adoption: Some(Adoption {
            decision_date: Some(date(2025, 2, 1)),
            match_date: Some(date(2025, 9, 1)),
            by_foster_carer: Some(true),
            number_of_adopters: Some(2),
            adopter_sex: Some(AdopterSex::MF),
            adopter_legal_status: Some(AdopterLegalStatus::L11),
        }),
        placed_for_adoption: vec![
            PlacedForAdoption {
                date_placed: date(2025, 2, 1),
                date_ceased: Some(date(2025, 3, 1)),
                reason_ceased: Some(ReasonPlacedCeased::RD4),
            },
            PlacedForAdoption {
                date_placed: date(2025, 4, 1),
                ..PlacedForAdoption::default()
            },
        ],
        previous_permanence: Some(PreviousPermanenceOrder {
            kind: Some(PreviousPermanence::P2),
            la: Some("NUK".into()),
            date: Some("ZZ/ZZ/2019".into()),
        }),
        social_worker_episodes: vec![SocialWorkerEpisode {
            worker: "SW123456".into(),
            start_date: date(2024, 11, 3),
            end_date: Some(date(2025, 1, 1)),
            reason: Some(SwReason::LEFTRL),
        }],
        ..Child::default()
    };
    // Blank values everywhere they can be, and records that are present but empty.
    let sparse = Child {
        id: ChildId::from("C000"),
        upn_unknown: Some(UpnUnknown::UN4),
        sex: Some(Sex::U),
        mother: Some(false),
        uasc: Some(UascStatus { ceased: None }),
        adoption: Some(Adoption::default()),
        previous_permanence: Some(PreviousPermanenceOrder::default()),
        outcomes: vec![ClaOutcomes {
            year: YEAR,
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
            year: YEAR,
            in_touch: None,
            activity: None,
            accommodation: None,
        }],
        social_worker_episodes: vec![SocialWorkerEpisode {
            worker: "XX1, \"the first\"".into(),
            start_date: date(2025, 4, 1),
            ..SocialWorkerEpisode::default()
        }],
        ..Child::default()
    };
    let plain = Child {
        id: ChildId::from("B7"),
        sex: Some(Sex::M),
        birth_date: Some(date(2019, 2, 28)),
        ethnicity: Some(Ethnicity::WBRI),
        ..Child::default()
    };
    vec![full, sparse, plain]
}

fn sorted(mut children: Vec<Child>) -> Vec<Child> {
    for c in &mut children {
        c.normalise();
    }
    children.sort_by(|a, b| a.id.cmp(&b.id));
    children
}

#[test]
fn every_field_survives_a_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let children = children();
    ssda903::write_return(dir.path(), &children, YEAR).unwrap();
    let read = ssda903::read_dir(dir.path(), YEAR).unwrap();
    assert_eq!(read.problems, []);
    assert_eq!(read.data, sorted(children));
}

#[test]
fn files_have_the_return_columns_dates_and_row_order() {
    let dir = tempfile::tempdir().unwrap();
    ssda903::write_return(dir.path(), &children(), YEAR).unwrap();
    let file = |table: Table| std::fs::read_to_string(dir.path().join(table.file_name())).unwrap();
    assert_eq!(
        file(Table::Header),
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\
         B7,M,28/02/2019,WBRI,,,\n\
         C000,U,,,UN4,0,\n\
         C001,F,09/07/2008,MWBA,A123456789012,1,02/01/2025\n"
    );
    assert_eq!(
        file(Table::Episodes),
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,\
         PL_POST,URN\n\
         C001,03/11/2024,S,V2,N4,U6,PR1,30/06/2025,X1,CARPL,AB1,CD23,SC123456\n\
         C001,30/06/2025,P,C2,N1,Z12,,,,,,,XXXXXXX\n"
    );
    assert_eq!(
        file(Table::Reviews),
        "CHILD,DOB,REVIEW,REVIEW_CODE\nC001,09/07/2008,01/12/2024,PN1\nC001,09/07/2008,31/05/2025,\n"
    );
    assert_eq!(
        file(Table::SwEpisodes),
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n\
         C000,,\"XX1, \"\"the first\"\"\",01/04/2025,,\n\
         C001,09/07/2008,SW123456,03/11/2024,01/01/2025,LEFTRL\n"
    );
    assert_eq!(
        file(Table::PrevPerm),
        "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC000,,,,\nC001,09/07/2008,P2,NUK,ZZ/ZZ/2019\n"
    );
}

#[test]
fn every_table_gets_its_header_row_even_when_empty() {
    let dir = tempfile::tempdir().unwrap();
    ssda903::write_return(dir.path(), &[], YEAR).unwrap();
    for table in Table::ALL {
        let text = std::fs::read_to_string(dir.path().join(table.file_name())).unwrap();
        assert_eq!(text, format!("{}\n", table.columns().join(",")), "{table}");
    }
    let read = ssda903::read_dir(dir.path(), YEAR).unwrap();
    assert_eq!((read.data.len(), read.problems.len()), (0, 0));
}

#[test]
fn records_of_other_years_are_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = children().remove(0);
    child.outcomes[0].year = YEAR.previous();
    child.care_leaver_records[0].year = YEAR.previous();
    ssda903::write_return(dir.path(), &[child], YEAR).unwrap();
    let read = ssda903::read_dir(dir.path(), YEAR).unwrap();
    assert!(read.data[0].outcomes.is_empty());
    assert!(read.data[0].care_leaver_records.is_empty());
}

/// A small deterministic generator, so that a large return covers many codes.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<C: CodeSet>(&mut self) -> Option<C> {
        let i = self.next() % (C::ALL.len() + 1);
        C::ALL.get(i).copied()
    }
    fn date(&mut self) -> Date {
        date(
            2010 + (self.next() % 16) as i16,
            1 + (self.next() % 12) as i8,
            1 + (self.next() % 28) as i8,
        )
    }
}

/// `count` children with about seven episodes, reviews and other records each.
fn many_children(count: usize) -> Vec<Child> {
    let mut g = Lcg(7);
    (0..count)
        .map(|i| {
            let mut c = Child {
                id: ChildId(format!("{:06}", i * 7 % 1_000_003)),
                upn: Some(format!("A{:012}", g.next())),
                sex: g.pick(),
                birth_date: Some(g.date()),
                ethnicity: g.pick(),
                mother: Some(g.next().is_multiple_of(2)),
                ..Child::default()
            };
            let mut start = g.date();
            for _ in 0..(g.next() % 8) {
                let end = start.checked_add(jiff_days(1 + g.next() % 300)).ok();
                c.cla_episodes.push(ClaEpisode {
                    start_date: start,
                    reason_new_episode: g.pick(),
                    legal_status: g.pick(),
                    category_of_need: g.pick(),
                    placement: g.pick(),
                    placement_provider: g.pick(),
                    end_date: end,
                    reason_ceased: g.pick(),
                    reason_place_change: g.pick(),
                    home_postcode: Some("AB1".into()),
                    placement_postcode: None,
                    urn: Some(format!("{}", g.next() % 10_000_000)),
                });
                start = end.unwrap_or(start);
            }
            for _ in 0..(g.next() % 6) {
                c.cla_reviews.push(ClaReview {
                    date: g.date(),
                    participation: g.pick(),
                });
            }
            if g.next().is_multiple_of(5) {
                c.missing_episodes.push(MissingEpisode {
                    kind: g.pick(),
                    start_date: g.date(),
                    end_date: None,
                });
                c.uasc = Some(UascStatus {
                    ceased: Some(g.date()),
                });
                c.outcomes.push(ClaOutcomes {
                    year: YEAR,
                    sdq_score: Some((g.next() % 41) as u8),
                    sdq_reason: g.pick(),
                    convicted: Some(true),
                    health_check: None,
                    immunisations: Some(false),
                    teeth_check: None,
                    health_assessment: None,
                    substance_misuse: None,
                    intervention_received: None,
                    intervention_offered: None,
                });
                c.care_leaver_records.push(CareLeaverRecord {
                    year: YEAR,
                    in_touch: g.pick(),
                    activity: g.pick(),
                    accommodation: g.pick(),
                });
                c.social_worker_episodes.push(SocialWorkerEpisode {
                    worker: format!("SW{}", g.next() % 100_000),
                    start_date: g.date(),
                    end_date: None,
                    reason: g.pick(),
                });
            }
            c
        })
        .collect()
}

fn jiff_days(n: usize) -> std::time::Duration {
    std::time::Duration::from_secs(86_400 * n as u64)
}

#[test]
fn ten_thousand_children_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let children = many_children(10_000);
    ssda903::write_return(dir.path(), &children, YEAR).unwrap();
    let read = ssda903::read_dir(dir.path(), YEAR).unwrap();
    assert_eq!(read.problems, []);
    assert_eq!(read.data.len(), 10_000);
    assert_eq!(read.data, sorted(children));
}
