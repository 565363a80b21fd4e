//! Who is in each list, worked out by hand for a small council whose children sit exactly on
//! each window's edges. The inspection date D is 15 June 2026: the six months run from
//! 15 December 2025 and the twelve months from 15 June 2025, both ends included.

use annex_a::{AnnexA, Cell, build};
use model::codes::*;
use model::*;

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::constant(y, m, day)
}

const D: Date = Date::constant(2026, 6, 15);

fn child(id: &str) -> Child {
    Child {
        id: ChildId(id.into()),
        ..Child::default()
    }
}

fn referral(date: Date, nfa: bool) -> Referral {
    Referral {
        referral_date: date,
        no_further_action: nfa,
        source: Some(ReferralSource::R6),
        primary_need: Some(PrimaryNeed::N1),
        ..Referral::default()
    }
}

fn episode(
    start: Date,
    rne: ReasonNewEpisode,
    end: Option<Date>,
    rec: Option<ReasonEpisodeCeased>,
) -> ClaEpisode {
    ClaEpisode {
        start_date: start,
        reason_new_episode: Some(rne),
        legal_status: Some(LegalStatus::C2),
        category_of_need: Some(CategoryOfNeed::N1),
        placement: Some(Placement::U4),
        placement_provider: Some(PlacementProvider::PR1),
        end_date: end,
        reason_ceased: rec,
        ..ClaEpisode::default()
    }
}

fn council() -> Dataset {
    use ReasonNewEpisode::*;
    let mut ds = Dataset::default();
    let mut kids = Vec::new();

    // List 1: contacts on each edge of the six months.
    let mut a1 = child("A1");
    a1.sex = Some(Sex::F);
    a1.ethnicity = Some(Ethnicity::WBRI);
    a1.birth_date = Some(d(2015, 6, 15));
    kids.push(a1);
    for (id, date) in [
        ("A1", d(2025, 12, 14)),
        ("A1", d(2025, 12, 15)),
        ("A1", d(2026, 6, 15)),
        ("A1", d(2026, 6, 16)),
        ("K1", d(2026, 1, 10)),
    ] {
        ds.contacts.push(Contact {
            child: ChildId(id.into()),
            date,
            source: Some(ReferralSource::R3A),
            led_to_referral: false,
        });
    }

    // List 3: referrals on each edge; list 6 takes the open one.
    let mut r1 = child("R1");
    r1.referrals = vec![
        referral(d(2025, 6, 14), true),
        referral(d(2025, 6, 15), true),
        referral(d(2025, 12, 14), true),
        referral(d(2025, 12, 15), true),
        referral(d(2026, 6, 15), false),
        referral(d(2026, 6, 16), false),
    ];
    kids.push(r1);

    // List 4: assessments authorised on each edge, one open, one authorised after D.
    let mut s1 = child("S1");
    let mut r = referral(d(2025, 1, 1), false);
    let asmt = |start: Date, auth: Option<Date>| Assessment {
        start_date: start,
        authorised_date: auth,
        ..Assessment::default()
    };
    r.assessments = vec![
        asmt(d(2025, 11, 1), Some(d(2025, 12, 14))),
        asmt(d(2025, 11, 1), Some(d(2025, 12, 15))),
        asmt(d(2025, 11, 10), Some(d(2026, 6, 20))),
        asmt(d(2026, 6, 15), None),
        asmt(d(2026, 6, 16), None),
    ];
    s1.referrals = vec![r];
    kids.push(s1);

    // List 5 and 7: enquiries and plans on each edge.
    let mut p1 = child("P1");
    let mut r = referral(d(2025, 1, 1), false);
    let s47 = |start: Date, icpc: Option<Date>| Section47 {
        start_date: start,
        icpc_target_date: None,
        icpc_date: icpc,
        icpc_not_required: false,
    };
    r.section47s = vec![
        s47(d(2025, 6, 14), None),
        s47(d(2025, 12, 14), None),
        s47(d(2025, 12, 15), Some(d(2026, 1, 5))),
        s47(d(2026, 6, 15), None),
        s47(d(2026, 6, 16), None),
    ];
    r.cp_plans = vec![
        CpPlan {
            start_date: d(2024, 1, 1),
            end_date: Some(d(2025, 12, 14)),
            initial_category: Some(CategoryOfAbuse::NEG),
            latest_category: Some(CategoryOfAbuse::NEG),
            ..CpPlan::default()
        },
        CpPlan {
            start_date: d(2026, 1, 5),
            initial_category: Some(CategoryOfAbuse::EMO),
            latest_category: Some(CategoryOfAbuse::NEG),
            review_dates: vec![d(2026, 3, 20), d(2026, 6, 16)],
            ..CpPlan::default()
        },
    ];
    p1.referrals = vec![r];
    kids.push(p1);
    for (date, alone) in [(d(2026, 6, 10), true), (d(2026, 6, 16), false)] {
        ds.visits.push(Visit {
            child: ChildId("P1".into()),
            worker: "W1".into(),
            date,
            kind: VisitKind::ChildProtection,
            seen: true,
            seen_alone: alone,
        });
    }
    ds.teams.push(Team {
        id: "T1".into(),
        name: "Safeguarding East".into(),
        service: "Safeguarding".into(),
        family_safeguarding: false,
    });
    for (start, end, worker) in [
        (d(2025, 1, 1), Some(d(2026, 6, 14)), "W0"),
        (d(2026, 1, 1), None, "W1"),
    ] {
        ds.allocations.push(CaseAllocation {
            child: ChildId("P1".into()),
            worker: worker.into(),
            team: "T1".into(),
            start,
            end,
        });
    }
    let mut q1 = child("Q1");
    let mut r = referral(d(2024, 1, 1), false);
    r.closure_date = Some(d(2025, 12, 15));
    r.reason_for_closure = Some(ReasonForClosure::RC7);
    r.cp_plans = vec![
        CpPlan {
            start_date: d(2024, 2, 1),
            end_date: Some(d(2025, 12, 15)),
            initial_category: Some(CategoryOfAbuse::PHY),
            latest_category: Some(CategoryOfAbuse::PHY),
            number_of_previous_plans: Some(0),
            ..CpPlan::default()
        },
        CpPlan {
            start_date: d(2026, 6, 16),
            ..CpPlan::default()
        },
    ];
    q1.referrals = vec![r];
    kids.push(q1);
    let mut q2 = child("Q2");
    let mut r = referral(d(2024, 1, 1), false);
    r.closure_date = Some(d(2025, 12, 14));
    q2.referrals = vec![r];
    kids.push(q2);

    // List 8: care ending on each edge, and a second period of care.
    let mut l1 = child("L1");
    l1.cla_episodes = vec![episode(
        d(2025, 1, 1),
        S,
        Some(d(2025, 12, 14)),
        Some(ReasonEpisodeCeased::E8),
    )];
    kids.push(l1);
    let mut l2 = child("L2");
    l2.cla_episodes = vec![episode(
        d(2025, 1, 1),
        S,
        Some(d(2025, 12, 15)),
        Some(ReasonEpisodeCeased::E4A),
    )];
    kids.push(l2);
    let mut l3 = child("L3");
    l3.cla_episodes = vec![episode(d(2026, 6, 15), S, None, None)];
    kids.push(l3);
    let mut l4 = child("L4");
    l4.cla_episodes = vec![episode(d(2026, 6, 16), S, None, None)];
    kids.push(l4);
    let mut l5 = child("L5");
    let mut second = episode(d(2026, 3, 1), L, None, None);
    second.legal_status = Some(LegalStatus::E1);
    l5.cla_episodes = vec![
        episode(
            d(2025, 3, 1),
            S,
            Some(d(2025, 6, 20)),
            Some(ReasonEpisodeCeased::E8),
        ),
        episode(
            d(2026, 1, 1),
            S,
            Some(d(2026, 3, 1)),
            Some(ReasonEpisodeCeased::X1),
        ),
        second,
    ];
    l5.missing_episodes = vec![
        MissingEpisode {
            kind: Some(MissingKind::M),
            start_date: d(2025, 6, 14),
            end_date: None,
        },
        MissingEpisode {
            kind: Some(MissingKind::M),
            start_date: d(2025, 6, 15),
            end_date: None,
        },
        MissingEpisode {
            kind: Some(MissingKind::A),
            start_date: d(2026, 1, 10),
            end_date: None,
        },
    ];
    ds.return_home_interviews.push(ReturnHomeInterview {
        child: ChildId("L5".into()),
        missing_start: d(2025, 6, 15),
        offered: Some(d(2025, 6, 16)),
        accepted: Some(false),
        completed: None,
    });
    kids.push(l5);

    // List 9: care leavers on the 91-day and age edges.
    let leaver = |id: &str, birth: Date, start: Date, end: Option<Date>| {
        let mut c = child(id);
        c.birth_date = Some(birth);
        c.cla_episodes = vec![episode(start, S, end, end.map(|_| ReasonEpisodeCeased::E8))];
        c
    };
    // 16 on D; in care 17 March to 17 June 2025 (92 days), looked after on their 16th birthday.
    kids.push(leaver(
        "CL1",
        d(2009, 6, 16),
        d(2025, 3, 17),
        Some(d(2025, 6, 17)),
    ));
    // 17 on D; in care exactly 91 days after their 16th birthday.
    kids.push(leaver(
        "CL2",
        d(2009, 1, 1),
        d(2025, 3, 1),
        Some(d(2025, 5, 31)),
    ));
    // The same, 90 days: not a care leaver.
    kids.push(leaver(
        "CL3",
        d(2009, 1, 1),
        d(2025, 3, 1),
        Some(d(2025, 5, 30)),
    ));
    // 21 on D: no longer in the list.
    kids.push(leaver(
        "CL4",
        d(2005, 6, 15),
        d(2021, 6, 15),
        Some(d(2023, 6, 15)),
    ));
    // 20 on D: former relevant.
    let mut cl5 = leaver("CL5", d(2005, 6, 16), d(2021, 6, 16), Some(d(2023, 6, 16)));
    cl5.care_leaver_records = vec![CareLeaverRecord {
        year: CollectionYear(2026),
        in_touch: Some(InTouch::YES),
        activity: Some(Activity::F2),
        accommodation: Some(Accommodation::D1),
    }];
    kids.push(cl5);
    // 16 today and looked after: eligible (and in list 8).
    kids.push(leaver("CL6", d(2010, 6, 15), d(2025, 1, 1), None));

    // List 10: adoption orders, decisions and reversals on each edge.
    let mut ad1 = child("AD1");
    let mut order = episode(
        d(2025, 3, 1),
        B,
        Some(d(2025, 6, 15)),
        Some(ReasonEpisodeCeased::E11),
    );
    order.legal_status = Some(LegalStatus::E1);
    order.placement = Some(Placement::A5);
    ad1.cla_episodes = vec![
        episode(
            d(2024, 1, 1),
            S,
            Some(d(2025, 3, 1)),
            Some(ReasonEpisodeCeased::X1),
        ),
        order.clone(),
    ];
    ad1.placed_for_adoption = vec![PlacedForAdoption {
        date_placed: d(2025, 1, 10),
        date_ceased: None,
        reason_ceased: None,
    }];
    kids.push(ad1.clone());
    let mut ad2 = ad1.clone();
    ad2.id = ChildId("AD2".into());
    ad2.cla_episodes[1].end_date = Some(d(2025, 6, 14));
    kids.push(ad2);
    let decided = |id: &str, on: Date, ceased: Option<Date>| {
        let mut c = child(id);
        c.placed_for_adoption = vec![PlacedForAdoption {
            date_placed: on,
            date_ceased: ceased,
            reason_ceased: ceased.map(|_| ReasonPlacedCeased::RD1),
        }];
        c
    };
    kids.push(decided("AD3", D, None));
    kids.push(decided("AD4", d(2026, 6, 16), None));
    kids.push(decided("AD5", d(2024, 5, 1), Some(d(2025, 6, 15))));
    kids.push(decided("AD6", d(2024, 5, 1), Some(d(2025, 6, 14))));

    ds.children = kids;
    ds.normalise();
    ds
}

fn show(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.clone(),
        Cell::Date(d) => d.to_string(),
        Cell::Count(n) => n.to_string(),
        Cell::Code(c) => (*c).to_owned(),
    }
}

/// The rows of list `n`, the columns named, as text.
fn rows(a: &AnnexA, n: u8, headings: &[&str]) -> Vec<Vec<String>> {
    let l = a.list(n);
    (0..l.rows.len())
        .map(|r| headings.iter().map(|h| show(l.cell(r, h))).collect())
        .collect()
}

fn v(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect()
}

#[test]
fn list_1_contacts() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            1,
            &[
                "Child Unique ID",
                "Date of Contact",
                "Sex",
                "Ethnicity",
                "Age of Child (Years)",
                "Contact Source"
            ]
        ),
        v(&[
            &["A1", "2025-12-15", "F", "WBRI", "11", "3A"],
            &["A1", "2026-06-15", "F", "WBRI", "11", "3A"],
            &["K1", "2026-01-10", "", "", "", "3A"],
        ])
    );
}

#[test]
fn lists_2_and_11_are_empty_with_a_note() {
    let a = build(&council(), D);
    for n in [2, 11] {
        assert!(a.list(n).rows.is_empty());
        assert!(
            a.list(n)
                .note
                .is_some_and(|t| t.contains("Harbour holds no"))
        );
    }
}

#[test]
fn list_3_referrals() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            3,
            &[
                "Child Unique ID",
                "Date of referral",
                "Referral NFA?",
                "Number of Referrals in Last 12 Months",
                "Referral Source"
            ]
        ),
        v(&[
            &["R1", "2025-12-15", "Y", "4", "6"],
            &["R1", "2026-06-15", "N", "4", "6"],
        ])
    );
}

#[test]
fn list_4_assessments() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            4,
            &[
                "Child Unique ID",
                "Continuous Assessment Start Date",
                "Continuous Assessment Date of Authorisation",
                "Does the Child have a Disability"
            ]
        ),
        v(&[
            &["S1", "2025-11-01", "2025-12-15", "U"],
            &["S1", "2025-11-10", "", "U"],
            &["S1", "2026-06-15", "", "U"],
        ])
    );
    assert!(
        a.list(4)
            .empty_fields
            .iter()
            .any(|(h, _)| *h == "Child Seen During Continuous Assessment")
    );
}

#[test]
fn list_5_section_47() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            5,
            &[
                "Child Unique ID",
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Date of Initial Child Protection Conference",
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                "Number of Section 47 Enquiries in the last 12 months",
                "Number of ICPCs in the last 12 months",
                "Allocated Team",
                "Allocated Worker",
            ]
        ),
        v(&[
            &[
                "P1",
                "2025-12-15",
                "2026-01-05",
                "Y",
                "3",
                "1",
                "Safeguarding East",
                "W1"
            ],
            &[
                "P1",
                "2026-06-15",
                "",
                "",
                "3",
                "1",
                "Safeguarding East",
                "W1"
            ],
        ])
    );
}

#[test]
fn list_6_children_in_need() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            6,
            &[
                "Child Unique ID",
                "CIN Start Date",
                "CIN Closure Date",
                "Reason for Closure",
                "Case Status",
                "Date Child Was Last Seen"
            ]
        ),
        v(&[
            &["P1", "2025-01-01", "", "", "CPP", "2026-06-10"],
            &["Q1", "2024-01-01", "2025-12-15", "RC7", "CLOSED", ""],
            &["R1", "2026-06-15", "", "", "ASMT", ""],
            &["S1", "2025-01-01", "", "", "ASMT", ""],
        ])
    );
}

#[test]
fn list_7_child_protection() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            7,
            &[
                "Child Unique ID",
                "Child Protection Plan Start Date",
                "Child Protection Plan End Date",
                "Initial Category of Abuse",
                "Latest Category of Abuse",
                "Date of the Last Statutory Visit",
                "Was the Child Seen Alone?",
                "Date of latest review conference",
                "Number of Previous Child Protection Plans",
            ]
        ),
        v(&[
            &[
                "P1",
                "2026-01-05",
                "",
                "EMO",
                "NEG",
                "2026-06-10",
                "Y",
                "2026-03-20",
                "1"
            ],
            &[
                "Q1",
                "2024-02-01",
                "2025-12-15",
                "PHY",
                "PHY",
                "",
                "",
                "",
                "0"
            ],
        ])
    );
}

#[test]
fn list_8_children_in_care() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            8,
            &[
                "Child Unique ID",
                "Date Started to be Looked After",
                "Date Ceased to be Looked After",
                "Reason Ceased to be Looked After",
                "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                "Start date of current legal status",
                "Child's Legal Status",
                "Start Date of Most Recent Placement",
                "Number of Placements in the Last 12 months",
                "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            ]
        ),
        v(&[
            &[
                "CL6",
                "2025-01-01",
                "",
                "",
                "N",
                "2025-01-01",
                "C2",
                "2025-01-01",
                "1",
                "0",
                "0",
                "",
                ""
            ],
            &[
                "L2",
                "2025-01-01",
                "2025-12-15",
                "E4A",
                "N",
                "2025-01-01",
                "C2",
                "2025-01-01",
                "1",
                "0",
                "0",
                "",
                ""
            ],
            &[
                "L3",
                "2026-06-15",
                "",
                "",
                "N",
                "2026-06-15",
                "C2",
                "2026-06-15",
                "1",
                "0",
                "0",
                "",
                ""
            ],
            &[
                "L5",
                "2026-01-01",
                "",
                "",
                "Y",
                "2026-03-01",
                "E1",
                "2026-01-01",
                "2",
                "1",
                "1",
                "Y",
                "N"
            ],
        ])
    );
}

#[test]
fn list_9_care_leavers() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            9,
            &[
                "Child Unique ID",
                "Age of Child (Years)",
                "Eligibility Category",
                "LA in Touch",
                "Type of Accommodation",
                "Suitability of Accommodation",
                "Activity Status",
            ]
        ),
        v(&[
            &["CL1", "16", "REL", "", "", "", ""],
            &["CL2", "17", "REL", "", "", "", ""],
            &["CL5", "20", "FREL", "YES", "D", "1", "F2"],
            &["CL6", "16", "ELIG", "", "", "", ""],
        ])
    );
}

#[test]
fn list_10_adoption() {
    let a = build(&council(), D);
    assert_eq!(
        rows(
            &a,
            10,
            &[
                "Child Unique ID",
                "Date the Child Entered Care",
                "Date of Decision that Child Should be Placed for Adoption",
                "Date of Placement Order",
                "Date Placed for Adoption",
                "Date of Adoption Order",
                "Date of Decision that Child Should No Longer be Placed for Adoption",
                "Reason Why Child No Longer Placed for Adoption",
            ]
        ),
        v(&[
            &[
                "AD1",
                "2024-01-01",
                "2025-01-10",
                "2025-03-01",
                "2025-03-01",
                "2025-06-15",
                "",
                ""
            ],
            &["AD3", "", "2026-06-15", "", "", "", "", ""],
            &["AD5", "", "2024-05-01", "", "", "", "2025-06-15", "RD1"],
        ])
    );
}

#[test]
fn the_analysis_of_the_small_council() {
    let a = build(&council(), D);
    let x = annex_a::analyse(&a);
    let f = |c: &str, l: &str| {
        let f = x.figure(c, l).unwrap_or_else(|| panic!("{c} / {l}"));
        (f.count, f.of)
    };
    // A1's contacts on 15 December and 15 June: no referral of A1 those days.
    assert_eq!(
        f("Contacts and referrals in the six months", "contacts"),
        (3, None)
    );
    assert_eq!(
        f(
            "Contacts and referrals in the six months",
            "contacts that became a referral the same day"
        ),
        (0, Some(3))
    );
    assert_eq!(
        f(
            "Contacts and referrals in the six months",
            "re-referrals (a second or later referral in 12 months)"
        ),
        (2, Some(2))
    );
    // S1: one completed, two open. 1 November 2025 is a Saturday, so the clock starts on Monday
    // 3 November (day 0); 15 December is working day 30.
    assert_eq!(f("Assessments", "completed"), (1, Some(3)));
    assert_eq!(
        f(
            "Completed assessments by working days taken",
            "21 to 30 working days"
        ),
        (1, Some(1))
    );
    assert_eq!(
        f("Assessments", "completed within 45 working days"),
        (1, Some(1))
    );
    assert_eq!(
        f(
            "Section 47 enquiries and conferences",
            "leading to an initial conference"
        ),
        (1, Some(2))
    );
    assert_eq!(
        f(
            "Section 47 enquiries and conferences",
            "conferences resulting in a plan"
        ),
        (1, Some(1))
    );
    // P1's plan from 5 January 2026 is five months old on 15 June.
    assert_eq!(
        f("Open plans by time on the plan", "3 to 6 months"),
        (1, Some(1))
    );
    assert_eq!(
        f("Plans by latest category of abuse", "a) Neglect"),
        (1, Some(2))
    );
    assert_eq!(
        f("Children in care", "looked after on the inspection date"),
        (3, None)
    );
    assert_eq!(
        f(
            "Placements in the last 12 months (stability)",
            "2 placements"
        ),
        (1, Some(3))
    );
    assert_eq!(
        f("Care leavers by eligibility", "a) Relevant child"),
        (2, Some(4))
    );
    assert_eq!(
        f(
            "Care leavers by activity",
            "in education, employment or training"
        ),
        (1, Some(4))
    );
    let html = annex_a::analysis::html(&x);
    assert!(html.contains(
        "<caption class=\"govuk-table__caption govuk-table__caption--s\">Children in care</caption>"
    ));
}
