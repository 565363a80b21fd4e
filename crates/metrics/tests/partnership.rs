//! The Family Safeguarding partnership data set and report, every figure worked out by hand.

use metrics::partnership::*;
use model::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn involvement(child: &str, start: &str, da: bool, mh: bool) -> FamilySafeguardingInvolvement {
    FamilySafeguardingInvolvement {
        child: ChildId::from(child),
        team: "FS1".into(),
        start: d(start),
        end: None,
        domestic_abuse_worker: da,
        mental_health_worker: mh,
        substance_use_worker: false,
    }
}

const FILE: &str = "child_id,measure,month,value
F1,police_da_callouts,2024-03,2
F1,police_da_callouts,2024-05,1
F1,police_da_callouts,2024-06,1
F1,ae_attendances,2024-04,3
F1,ae_attendances,2024-07,1
F1,school_attendance_pct,2024-03,80
F1,school_attendance_pct,2024-04,90
F1,school_attendance_pct,2024-06,95
F2,police_da_callouts,2024-05,4
F3,police_da_callouts,2024-05,7
";

#[test]
fn the_report_compares_the_months_before_involvement_with_the_months_after() {
    let figures = read_partnership("partnership.csv", FILE.as_bytes()).unwrap();
    assert_eq!(figures.len(), 10);
    // F1: involved from 15 May 2024, so before is February to April, after May to July (3
    // months). F2 from 1 June 2024: before March to May. F3 from 1 July 2024: its window after
    // ends in September, past the report day, so it is left out.
    let mut f1 = Child {
        id: ChildId::from("F1"),
        ..Child::default()
    };
    f1.referrals.push(Referral {
        referral_date: d("2024-01-10"),
        cp_plans: vec![CpPlan {
            start_date: d("2024-02-01"),
            end_date: Some(d("2024-06-20")),
            ..CpPlan::default()
        }],
        ..Referral::default()
    });
    let mut f2 = Child {
        id: ChildId::from("F2"),
        ..Child::default()
    };
    // In care from 20 April to 10 June 2024 (the day it ended is not a day in care): 11 days in
    // April and May's 31 before 1 June, 9 in June after.
    f2.cla_episodes.push(ClaEpisode {
        start_date: d("2024-04-20"),
        end_date: Some(d("2024-06-10")),
        ..ClaEpisode::default()
    });
    let mut ds = Dataset {
        children: vec![f1, f2],
        family_safeguarding: vec![
            involvement("F1", "2024-05-15", true, false),
            involvement("F2", "2024-06-01", true, true),
            involvement("F3", "2024-07-01", false, false),
        ],
        ..Dataset::default()
    };
    ds.normalise();
    let r = partnership_report(&ds, &figures, d("2024-08-31"), 3);
    assert_eq!(r.families, 2);
    assert_eq!(r.adult_workers, [2, 1, 0]);
    let m: Vec<(&str, f64, f64)> = r
        .measures
        .iter()
        .map(|m| (m.measure, m.before, m.after))
        .collect();
    assert_eq!(
        m,
        [
            // F1 on a plan on 30 April (the day before its month began), off it on 31 July.
            ("Children on a child protection plan", 1.0, 0.0),
            // F2: 20 April to 31 May = 42 days before; 1 to 9 June = 9 after.
            ("Days in care", 42.0, 9.0),
            // F1: March 2 before, May 1 and June 1 after; F2: May 4 before.
            ("Police domestic-abuse call-outs", 6.0, 2.0),
            ("A&E attendances", 3.0, 1.0),
            ("Treatment starts (substance use, mental health)", 0.0, 0.0),
            // F1: mean of 80 and 90 before; 95 after.
            ("School attendance (% of sessions)", 85.0, 95.0),
        ]
    );
    let police = &r.measures[2];
    assert_eq!(
        police.change_pct().map(|p| (p * 10.0).round() / 10.0),
        Some(-66.7)
    );
    assert_eq!(r.measures[4].change_pct(), None);
    // The cohort on 1 July 2024: all three open.
    let families = cohort(&ds, d("2024-07-01"));
    let c: Vec<&str> = families.iter().map(|f| f.child.0.as_str()).collect();
    assert_eq!(c, ["F1", "F2", "F3"]);
}

#[test]
fn a_bad_partnership_file_is_refused_with_every_problem_placed() {
    let bad = "child_id,measure,month,value
F1,police,2024-03,2
,ae_attendances,2024-13,1.5
F1,school_attendance_pct,2024-03,120
F1,ae_attendances,2024-04,1
F1,ae_attendances,2024-04,2
";
    let problems = read_partnership("p.csv", bad.as_bytes()).unwrap_err();
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "p.csv:2:2: measure: 'police' is not one of police_da_callouts, ae_attendances, treatment_starts, school_attendance_pct",
            "p.csv:3:1: child_id: is required",
            "p.csv:3:3: month: '2024-13' is not a month YYYY-MM",
            "p.csv:3:4: value: '1.5' is not a whole number of at least 0",
            "p.csv:4:4: value: '120' is not a percentage from 0 to 100",
            "p.csv:6:1: child_id: F1 already has ae_attendances for 2024-04",
        ]
    );
    let missing = read_partnership("p.csv", b"child_id,measure,value\n").unwrap_err();
    assert_eq!(
        missing[0].to_string(),
        "p.csv:1:1: header: missing column(s) month"
    );
}
