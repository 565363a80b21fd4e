//! Focus Five, every standard on a few children, each due date worked out by hand on the England
//! and Wales calendar: Good Friday 29 March and Easter Monday 1 April 2024, the early May bank
//! holiday 6 May and the spring bank holiday 27 May 2024.
//!
//! - CP visits every 10 working days: after a visit on Friday 22 March the next is due Tuesday
//!   9 April (25–28 March are days 1–4, Easter skipped, 2–9 April days 5–10), not Friday 5 April
//!   as on a calendar of weekdays.
//! - CIN visits every 20 working days: after Friday 26 April, due Tuesday 28 May (both May bank
//!   holidays skipped).
//! - Assessment in 45 working days from Monday 4 March: 18 in March, 21 in April, 1–3 May and
//!   7–9 May, so due Thursday 9 May.
//! - Chronology within 5 working days of Monday 25 March: due Wednesday 3 April.
//! - First CLA review within 20 working days of Monday 8 January: due Monday 5 February.

use assurance::sample::PlanType;
use metrics::focus_five::*;
use metrics::*;
use model::codes::{LegalStatus as Ls, Placement as Pl, ReasonNewEpisode as Rne};
use model::*;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn referral(date: &str) -> Referral {
    Referral {
        referral_date: d(date),
        ..Referral::default()
    }
}

fn child(id: &str, referrals: Vec<Referral>) -> Child {
    Child {
        id: ChildId::from(id),
        birth_date: Some(d("2015-06-01")),
        referrals,
        ..Child::default()
    }
}

fn visit(child: &str, date: &str, kind: VisitKind) -> Visit {
    Visit {
        child: ChildId::from(child),
        worker: "W1".into(),
        date: d(date),
        kind,
        seen: true,
        seen_alone: false,
    }
}

fn allocation(child: &str, worker: &str, team: &str, start: &str) -> CaseAllocation {
    CaseAllocation {
        child: ChildId::from(child),
        worker: worker.into(),
        team: team.into(),
        start: d(start),
        end: None,
    }
}

fn supervision(child: &str, date: &str) -> Supervision {
    Supervision {
        child: ChildId::from(child),
        worker: "W1".into(),
        date: d(date),
    }
}

fn entry(child: &str, event: &str, recorded: &str, what: &str) -> ChronologyEntry {
    ChronologyEntry {
        child: ChildId::from(child),
        event_date: d(event),
        recorded_date: d(recorded),
        event: what.into(),
    }
}

fn row<'a>(rows: &'a [ChildFocus], id: &str) -> &'a ChildFocus {
    rows.iter().find(|r| r.child.0 == id).unwrap()
}

fn status(rows: &[ChildFocus], id: &str, s: Standard) -> (Status, Option<Date>) {
    let c = row(rows, id).check(s);
    (c.status, c.due)
}

/// CP child: plan from Friday 1 March 2024, referral and assessment as in the module docs.
fn cp_child() -> Child {
    let mut r = referral("2024-03-01");
    r.assessments.push(Assessment {
        start_date: d("2024-03-04"),
        ..Assessment::default()
    });
    r.cp_plans.push(CpPlan {
        start_date: d("2024-03-01"),
        review_dates: vec![d("2024-05-31")],
        ..CpPlan::default()
    });
    child("CP1", vec![r])
}

fn cp_dataset() -> Dataset {
    let mut ds = Dataset {
        children: vec![cp_child()],
        visits: vec![visit("CP1", "2024-03-22", VisitKind::ChildProtection)],
        allocations: vec![allocation("CP1", "W1", "T1", "2024-03-01")],
        supervisions: vec![supervision("CP1", "2024-03-28")],
        teams: vec![Team {
            id: "T1".into(),
            name: "Safeguarding 1".into(),
            service: "Safeguarding".into(),
            family_safeguarding: false,
        }],
        ..Dataset::default()
    };
    ds.normalise();
    ds
}

#[test]
fn cp_visit_is_due_ten_working_days_later_across_easter() {
    let ds = cp_dataset();
    let t = Timescales::default();
    let on = |day: &str| focus_five(&ds, d(day), &t);
    // Monday 8 April: 8 working days after 22 March (a weekday calendar would say 10 and, on
    // the 9th, 11).
    assert_eq!(
        status(&on("2024-04-08"), "CP1", Standard::Visit),
        (Status::Met, Some(d("2024-04-09")))
    );
    assert_eq!(
        status(&on("2024-04-09"), "CP1", Standard::Visit),
        (Status::Met, Some(d("2024-04-09")))
    );
    assert_eq!(
        status(&on("2024-04-10"), "CP1", Standard::Visit),
        (Status::NotMet, Some(d("2024-04-09")))
    );
    // Eight working days instead of ten: due Friday 5 April.
    let eight = Timescales {
        cp_visit_working_days: 8,
        ..Timescales::default()
    };
    let rows = focus_five(&ds, d("2024-04-08"), &eight);
    assert_eq!(
        status(&rows, "CP1", Standard::Visit),
        (Status::NotMet, Some(d("2024-04-05")))
    );
    assert_eq!(row(&rows, "CP1").plan_type, PlanType::Cp);
}

#[test]
fn assessment_is_due_45_working_days_after_it_started() {
    let mut ds = cp_dataset();
    let t = Timescales::default();
    // Not yet authorised: within timescale to Thursday 9 May, then late.
    let a =
        |ds: &Dataset, day: &str| status(&focus_five(ds, d(day), &t), "CP1", Standard::Assessment);
    assert_eq!(a(&ds, "2024-05-09"), (Status::Met, Some(d("2024-05-09"))));
    assert_eq!(
        a(&ds, "2024-05-10"),
        (Status::NotMet, Some(d("2024-05-09")))
    );
    // Authorised on 9 May: in time, for good.
    ds.children[0].referrals[0].assessments[0].authorised_date = Some(d("2024-05-09"));
    assert_eq!(a(&ds, "2024-09-02"), (Status::Met, Some(d("2024-05-09"))));
    // Authorised on Friday 10 May: late, for good.
    ds.children[0].referrals[0].assessments[0].authorised_date = Some(d("2024-05-10"));
    assert_eq!(
        a(&ds, "2024-09-02"),
        (Status::NotMet, Some(d("2024-05-09")))
    );
    // Before it started, the referral's own clock: 45 working days from Friday 1 March is
    // Wednesday 8 May.
    ds.children[0].referrals[0].assessments.clear();
    assert_eq!(a(&ds, "2024-05-08"), (Status::Met, Some(d("2024-05-08"))));
    assert_eq!(
        a(&ds, "2024-05-09"),
        (Status::NotMet, Some(d("2024-05-08")))
    );
}

#[test]
fn a_referral_whose_assessment_was_due_before_the_data_begins_is_not_judged() {
    let mut ds = cp_dataset();
    // The data's assessments begin on Monday 4 March 2024 (CP1's). OLD was referred on Tuesday
    // 3 January 2023, its assessment due 45 working days later, on Tuesday 7 March 2023 (before
    // the data begins): none is held, which shows nothing. EDGE was referred on Monday 8
    // January 2024: its assessment was due on Monday 11 March 2024 (45 working days, no bank
    // holiday between), after the data begins, so its absence counts.
    ds.children.push(child("OLD", vec![referral("2023-01-03")]));
    ds.children
        .push(child("EDGE", vec![referral("2024-01-08")]));
    ds.normalise();
    let t = Timescales::default();
    let rows = focus_five(&ds, d("2024-06-03"), &t);
    assert_eq!(
        status(&rows, "OLD", Standard::Assessment),
        (Status::NotApplicable, Some(d("2023-03-07")))
    );
    assert_eq!(
        status(&rows, "EDGE", Standard::Assessment),
        (Status::NotMet, Some(d("2024-03-11")))
    );
    // With no assessment held at all, nothing tells where the data begins: every referral's
    // own clock counts.
    ds.children.iter_mut().for_each(|c| {
        c.referrals.iter_mut().for_each(|r| r.assessments.clear());
    });
    let rows = focus_five(&ds, d("2024-06-03"), &t);
    assert_eq!(status(&rows, "OLD", Standard::Assessment).0, Status::NotMet);
}

#[test]
fn cp_reviews_within_three_months_then_every_six() {
    let ds = cp_dataset();
    let t = Timescales::default();
    let r = |day: &str| status(&focus_five(&ds, d(day), &t), "CP1", Standard::PlanReview);
    // First due 1 June (held 31 May); the next 6 months after it, 30 November.
    assert_eq!(r("2024-05-01"), (Status::Met, Some(d("2024-06-01"))));
    assert_eq!(r("2024-06-03"), (Status::Met, Some(d("2024-11-30"))));
    assert_eq!(r("2024-11-30"), (Status::Met, Some(d("2024-11-30"))));
    assert_eq!(r("2024-12-01"), (Status::NotMet, Some(d("2024-11-30"))));
    // A first review held late (2 June) stays late.
    let mut late = ds.clone();
    late.children[0].referrals[0].cp_plans[0].review_dates = vec![d("2024-06-02")];
    let rows = focus_five(&late, d("2024-07-01"), &t);
    assert_eq!(
        status(&rows, "CP1", Standard::PlanReview),
        (Status::NotMet, Some(d("2024-06-01")))
    );
}

#[test]
fn supervision_within_a_month_of_the_last() {
    let ds = cp_dataset();
    let t = Timescales::default();
    let s = |day: &str| status(&focus_five(&ds, d(day), &t), "CP1", Standard::Supervision);
    // Allocated 1 March: due 1 April; supervised 28 March: next due 28 April.
    assert_eq!(s("2024-03-27"), (Status::Met, Some(d("2024-04-01"))));
    assert_eq!(s("2024-04-28"), (Status::Met, Some(d("2024-04-28"))));
    assert_eq!(s("2024-04-29"), (Status::NotMet, Some(d("2024-04-28"))));
    let two = Timescales {
        supervision_months: 2,
        ..Timescales::default()
    };
    let rows = focus_five(&ds, d("2024-04-29"), &two);
    assert_eq!(
        status(&rows, "CP1", Standard::Supervision),
        (Status::Met, Some(d("2024-05-28")))
    );
}

#[test]
fn chronology_events_recorded_within_five_working_days() {
    let mut r = referral("2024-03-25");
    r.closure_date = None;
    let mut ds = Dataset {
        children: vec![child("D1", vec![r])],
        ..Dataset::default()
    };
    ds.normalise();
    let t = Timescales::default();
    let c =
        |ds: &Dataset, day: &str| status(&focus_five(ds, d(day), &t), "D1", Standard::Chronology);
    // Nothing recorded: fine until Wednesday 3 April, then missing.
    assert_eq!(c(&ds, "2024-04-03"), (Status::Met, None));
    assert_eq!(
        c(&ds, "2024-04-04"),
        (Status::NotMet, Some(d("2024-04-03")))
    );
    // Recorded on 4 April: up to date from that day, not before.
    ds.chronology = vec![entry("D1", "2024-03-25", "2024-04-04", "Referral")];
    assert_eq!(c(&ds, "2024-04-04"), (Status::Met, None));
    assert_eq!(c(&ds, "2024-04-03"), (Status::Met, None));
    let rows = focus_five(&ds, d("2024-04-04"), &t);
    assert_eq!(
        row(&rows, "D1").check(Standard::Chronology).last,
        Some(d("2024-04-04"))
    );
    // No plan and no allocation: visit and plan not applicable; supervision not met.
    let f = row(&rows, "D1");
    assert_eq!(f.plan_type, PlanType::Other);
    assert_eq!(f.check(Standard::Visit).status, Status::NotApplicable);
    assert_eq!(f.check(Standard::PlanReview).status, Status::NotApplicable);
    assert_eq!(f.check(Standard::Supervision).status, Status::NotMet);
    assert_eq!(f.worker, None);
    // Closed on 3 April: not open on the 4th.
    ds.children[0].referrals[0].closure_date = Some(d("2024-04-03"));
    assert!(focus_five(&ds, d("2024-04-04"), &t).is_empty());
}

#[test]
fn cin_visits_and_reviews_from_the_chronology() {
    let mut r = referral("2024-03-01");
    r.cin_plans.push(CinPlan {
        start_date: d("2024-04-01"),
        end_date: None,
    });
    let mut ds = Dataset {
        children: vec![child("N1", vec![r])],
        visits: vec![visit("N1", "2024-04-26", VisitKind::ChildInNeed)],
        chronology: vec![entry("N1", "2024-07-01", "2024-07-03", "cin plan review")],
        ..Dataset::default()
    };
    ds.normalise();
    let t = Timescales::default();
    let v = |day: &str| status(&focus_five(&ds, d(day), &t), "N1", Standard::Visit);
    assert_eq!(v("2024-05-28"), (Status::Met, Some(d("2024-05-28"))));
    assert_eq!(v("2024-05-29"), (Status::NotMet, Some(d("2024-05-28"))));
    let r = |day: &str| status(&focus_five(&ds, d(day), &t), "N1", Standard::PlanReview);
    // Due 1 July; held that day but recorded on the 3rd, so late as known on the 2nd.
    assert_eq!(r("2024-07-01"), (Status::Met, Some(d("2024-07-01"))));
    assert_eq!(r("2024-07-02"), (Status::NotMet, Some(d("2024-07-01"))));
    assert_eq!(r("2024-07-03"), (Status::Met, Some(d("2024-10-01"))));
    assert_eq!(r("2024-10-02"), (Status::NotMet, Some(d("2024-10-01"))));
}

#[test]
fn looked_after_visits_under_regulation_28_and_reviews() {
    let mut c = child("L1", Vec::new());
    c.cla_episodes.push(ClaEpisode {
        start_date: d("2024-01-08"),
        reason_new_episode: Some(Rne::S),
        legal_status: Some(Ls::C2),
        placement: Some(Pl::U3),
        ..ClaEpisode::default()
    });
    c.cla_reviews = vec![
        ClaReview {
            date: d("2024-02-05"),
            participation: None,
        },
        ClaReview {
            date: d("2024-05-03"),
            participation: None,
        },
    ];
    let mut ds = Dataset {
        children: vec![c],
        visits: vec![visit("L1", "2024-01-12", VisitKind::LookedAfter)],
        ..Dataset::default()
    };
    ds.normalise();
    let t = Timescales::default();
    let on = |day: &str| focus_five(&ds, d(day), &t);
    // Placed 8 January, first visit due by the 15th (held the 12th); then 6 weeks: 23 February.
    assert_eq!(
        status(&on("2024-02-23"), "L1", Standard::Visit),
        (Status::Met, Some(d("2024-02-23")))
    );
    assert_eq!(
        status(&on("2024-02-24"), "L1", Standard::Visit),
        (Status::NotMet, Some(d("2024-02-23")))
    );
    // Reviews: first by 5 February (20 working days), second by 5 May, third by 3 November.
    assert_eq!(
        status(&on("2024-02-01"), "L1", Standard::PlanReview),
        (Status::Met, Some(d("2024-02-05")))
    );
    assert_eq!(
        status(&on("2024-03-01"), "L1", Standard::PlanReview),
        (Status::Met, Some(d("2024-05-05")))
    );
    assert_eq!(
        status(&on("2024-11-03"), "L1", Standard::PlanReview),
        (Status::Met, Some(d("2024-11-03")))
    );
    assert_eq!(
        status(&on("2024-11-04"), "L1", Standard::PlanReview),
        (Status::NotMet, Some(d("2024-11-03")))
    );
    let f = on("2024-03-01");
    assert_eq!(row(&f, "L1").plan_type, PlanType::Cla);
    // No referral open: the assessment standard does not apply.
    assert_eq!(
        row(&f, "L1").check(Standard::Assessment).status,
        Status::NotApplicable
    );
}

#[test]
fn compliance_rolls_up_by_worker_team_and_service_with_a_teams_exceptions() {
    // CP1 (W1, T1) on 8 April 2024 meets every standard; CP2 (W2, T1) is CP1 without the visit
    // and so misses it; CP3 (W3, T2) meets every standard; D1 is unallocated.
    let mut ds = cp_dataset();
    for (id, worker, team, visited) in [("CP2", "W2", "T1", false), ("CP3", "W3", "T2", true)] {
        let mut c = cp_child();
        c.id = ChildId::from(id);
        ds.children.push(c);
        ds.allocations
            .push(allocation(id, worker, team, "2024-03-01"));
        ds.supervisions.push(supervision(id, "2024-03-28"));
        if visited {
            ds.visits
                .push(visit(id, "2024-03-22", VisitKind::ChildProtection));
        }
    }
    ds.children.push(child("D1", vec![referral("2024-04-02")]));
    ds.teams.push(Team {
        id: "T2".into(),
        name: "Safeguarding 2".into(),
        service: "Safeguarding".into(),
        family_safeguarding: false,
    });
    ds.chronology = ["CP1", "CP2", "CP3"]
        .iter()
        .map(|c| entry(c, "2024-03-01", "2024-03-01", "Referral"))
        .collect();
    ds.normalise();
    let rows = focus_five(&ds, d("2024-04-08"), &Timescales::default());
    assert_eq!(rows.len(), 4);
    let all = total(&rows);
    assert_eq!((all.children, all.compliant), (4, 2));
    assert_eq!(all.pct(), Some(50.0));
    // Visits apply to the three on plans (two met); supervision to all four (three met).
    assert_eq!(all.applicable, [4, 3, 4, 3, 4]);
    assert_eq!(all.met, [4, 2, 4, 3, 3]);
    let by_worker = rollup(&rows, Level::Worker);
    let keys: Vec<(&str, u64, u64)> = by_worker
        .iter()
        .map(|(k, c)| (k.as_str(), c.children, c.compliant))
        .collect();
    assert_eq!(
        keys,
        [
            ("(unallocated)", 1, 0),
            ("W1", 1, 1),
            ("W2", 1, 0),
            ("W3", 1, 1)
        ]
    );
    let by_team: Vec<(String, u64, u64)> = rollup(&rows, Level::Team)
        .into_iter()
        .map(|(k, c)| (k, c.children, c.compliant))
        .collect();
    assert_eq!(
        by_team,
        [
            ("(unallocated)".to_owned(), 1, 0),
            ("T1".to_owned(), 2, 1),
            ("T2".to_owned(), 1, 1)
        ]
    );
    let by_service = rollup(&rows, Level::Service);
    assert_eq!(by_service[1].0, "Safeguarding");
    assert_eq!(
        (by_service[1].1.children, by_service[1].1.compliant),
        (3, 2)
    );
    let t1: Vec<&str> = exceptions(&rows, "T1")
        .iter()
        .map(|f| f.child.0.as_str())
        .collect();
    assert_eq!(t1, ["CP2"]);
    let missed: Vec<Standard> = exceptions(&rows, "T1")[0]
        .exceptions()
        .map(|c| c.standard)
        .collect();
    assert_eq!(missed, [Standard::Visit]);

    // The catalogue's indicator gives the same figure for April 2024.
    let p = Period {
        kind: PeriodKind::Month,
        start: d("2024-04-01"),
        end: d("2024-04-30"),
    };
    let o =
        (indicator(FOCUS_FIVE_PCT).unwrap().compute)(&Inputs::new(&ds), &p, &Settings::default());
    let on_30 = total(&focus_five(&ds, d("2024-04-30"), &Timescales::default()));
    assert_eq!(
        (o.numerator, o.denominator),
        (on_30.compliant, Some(on_30.children))
    );
    // On 30 April every CP visit is overdue (due 9 April): nobody is compliant.
    assert_eq!((o.numerator, o.denominator), (0, Some(4)));
    assert_eq!(o.breakdown[1], ("visit overdue", 3));
}

#[test]
fn the_scrutiny_panel_reads_compliance_by_service_with_small_counts_suppressed() {
    // Service A: 7 children, 3 compliant (4 not); service B: 10 children, 8 compliant (2 not).
    let focus = |id: usize, team: &str, service: &str, ok: bool| ChildFocus {
        child: ChildId(format!("C{id}")),
        plan_type: PlanType::Other,
        worker: Some("W".into()),
        team: Some(team.into()),
        service: Some(service.into()),
        checks: Standard::ALL.map(|standard| Check {
            standard,
            status: if ok || standard != Standard::Supervision {
                Status::Met
            } else {
                Status::NotMet
            },
            last: None,
            due: None,
        }),
    };
    let mut rows = Vec::new();
    for i in 0..7 {
        rows.push(focus(i, "TA", "A", i < 3));
    }
    for i in 7..17 {
        rows.push(focus(i, "TB", "B", i < 15));
    }
    let policy = disclosure::Policy::new(6).unwrap();
    let p = publish_by_service(&rows, &policy);
    let show = |r: &PublishedCompliance| {
        (
            r.name.clone(),
            r.children.to_string(),
            r.compliant.to_string(),
        )
    };
    let shown: Vec<(String, String, String)> = p.iter().map(show).collect();
    // 3, 4 and 2 are small: every interior cell is suppressed, and so the compliant totals that
    // would give them away; the children per service and in all (7, 10, 17) are shown.
    assert_eq!(
        shown,
        [
            ("A".into(), "7".into(), "c".into()),
            ("B".into(), "10".into(), "c".into()),
            ("All open children".into(), "17".into(), "11".into()),
        ]
    );
    assert!(p[0].pct.is_suppressed());
    assert_eq!(p[2].pct.value(), Some(100.0 * 11.0 / 17.0));
    // Internal totals for the same rows.
    assert_eq!((total(&rows).children, total(&rows).compliant), (17, 11));
}
