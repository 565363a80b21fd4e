//! The practice-assurance indicators, hand-computed.

use assurance::*;
use metrics::{Inputs, Period, PeriodKind, Settings};
use model::*;
use std::collections::BTreeMap;

fn d(y: i16, m: i8, day: i8) -> Date {
    jiff::civil::date(y, m, day)
}

fn audit(id: &str, due: Option<Date>, completed: Option<(Date, Grade)>) -> Audit {
    Audit {
        id: id.into(),
        cycle: "Q3".into(),
        kind: AuditKind::Full,
        child: ChildId(format!("C{id}")),
        team: "FST1".into(),
        plan_type: PlanType::Cin,
        worker: "W1".into(),
        auditor: Some("QA".into()),
        allocated_on: Some(d(2024, 7, 1)),
        due_on: due,
        completed_on: completed.map(|c| c.0),
        overall: completed.map(|c| c.1),
        domains: BTreeMap::new(),
        good_practice: Vec::new(),
        development: Vec::new(),
        findings: String::new(),
        follows: None,
        moderation: None,
    }
}

fn moderated(mut a: Audit, on: Date, g: Grade) -> Audit {
    a.moderation = Some(Moderation {
        moderator: "HOS".into(),
        date: on,
        overall: g,
        notes: String::new(),
    });
    a
}

fn data() -> AssuranceData {
    let nov30 = Some(d(2024, 11, 30));
    let mut unallocated = audit("5", nov30, None);
    unallocated.auditor = None;
    let mut dip = audit("7", nov30, Some((d(2024, 12, 10), Grade::Good)));
    dip.kind = AuditKind::Dip;
    dip.follows = Some("2".into());
    let post = |id: &str, worker: Option<&str>, agency: bool| Post {
        id: id.into(),
        team: "FST1".into(),
        role: WorkerRole::SocialWorker,
        spells: vec![PostSpell {
            from: d(2024, 1, 1),
            to: None,
            worker: worker.map(str::to_owned),
            agency,
        }],
    };
    AssuranceData {
        cycles: vec![Cycle {
            id: "Q3".into(),
            name: "July to November 2024".into(),
            start: d(2024, 7, 1),
            end: d(2024, 11, 30),
        }],
        audits: vec![
            audit("1", nov30, Some((d(2024, 11, 20), Grade::Good))),
            audit(
                "2",
                nov30,
                Some((d(2025, 1, 10), Grade::RequiresImprovement)),
            ),
            audit("3", nov30, None),
            // Due by its cycle's end; moderated in agreement.
            moderated(
                audit("4", None, Some((d(2024, 10, 5), Grade::Outstanding))),
                d(2024, 12, 1),
                Grade::Outstanding,
            ),
            unallocated,
            // Due before the quarter; completed in it; moderated down.
            moderated(
                audit(
                    "6",
                    Some(d(2024, 9, 30)),
                    Some((d(2024, 10, 2), Grade::Good)),
                ),
                d(2024, 10, 15),
                Grade::RequiresImprovement,
            ),
            dip,
        ],
        posts: vec![
            post("P1", Some("W1"), false),
            post("P2", Some("W2"), true),
            post("P3", None, false),
            post("P4", None, false),
            post("P5", Some("W5"), false),
        ],
        ..AssuranceData::default()
    }
}

fn quarter() -> Period {
    Period {
        kind: PeriodKind::Quarter,
        start: d(2024, 10, 1),
        end: d(2024, 12, 31),
    }
}

fn figure(id: &str, inputs: &Inputs<'_>) -> (u64, Option<u64>, Option<f64>, Vec<ChildId>) {
    let def = metrics::indicator(id).unwrap();
    let o = (def.compute)(inputs, &quarter(), &Settings::default());
    (o.numerator, o.denominator, o.value, o.numerator_children)
}

#[test]
fn audit_figures() {
    let ds = Dataset::default();
    let data = data();
    let inputs = Inputs {
        assurance: Some(&data),
        ..Inputs::new(&ds)
    };
    // Due in the quarter and allocated: 1, 2, 3 and 4 (by its cycle); completed by 31
    // December: 1 and 4.
    let (n, den, v, children) = figure(metrics::AUDIT_COMPLETION_PCT, &inputs);
    assert_eq!((n, den, v), (2, Some(4), Some(50.0)));
    assert_eq!(children, [ChildId::from("C1"), ChildId::from("C4")]);
    // Completed in the quarter: 1 (good), 4 (outstanding), 6 (good, moderated to RI).
    let (n, den, v, _) = figure(metrics::AUDITS_GOOD_OR_BETTER_PCT, &inputs);
    assert_eq!((n, den), (2, Some(3)));
    assert!((v.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    // Moderated in the quarter: 4 (agreed), 6 (not).
    let (n, den, v, _) = figure(metrics::MODERATION_AGREEMENT_PCT, &inputs);
    assert_eq!((n, den, v), (1, Some(2), Some(50.0)));
}

#[test]
fn workforce_figures() {
    let mut ds = Dataset::default();
    for (worker, n) in [("W1", 3), ("W2", 1), ("W3", 4), ("W4", 2)] {
        for k in 0..n {
            ds.allocations.push(CaseAllocation {
                child: ChildId(format!("{worker}-{k}")),
                worker: worker.into(),
                team: "FST1".into(),
                start: d(2024, 6, 1),
                end: None,
            });
        }
    }
    // Ended before the quarter's end: not counted.
    ds.allocations.push(CaseAllocation {
        child: ChildId::from("gone"),
        worker: "W2".into(),
        team: "FST1".into(),
        start: d(2024, 6, 1),
        end: Some(d(2024, 12, 30)),
    });
    ds.normalise();
    let data = data();
    let inputs = Inputs {
        assurance: Some(&data),
        ..Inputs::new(&ds)
    };
    // Caseloads 1, 2, 3, 4: the median is 2.5, over four workers holding ten children.
    let (n, den, v, children) = figure(metrics::MEDIAN_CASELOAD, &inputs);
    assert_eq!((n, den, v), (4, None, Some(2.5)));
    assert_eq!(children.len(), 10);
    // Five posts: two vacant (40%); three filled, one by agency (33.3%).
    let (n, den, v, _) = figure(metrics::VACANCY_RATE_PCT, &inputs);
    assert_eq!((n, den, v), (2, Some(5), Some(40.0)));
    let (n, den, v, _) = figure(metrics::AGENCY_RATE_PCT, &inputs);
    assert_eq!((n, den), (1, Some(3)));
    assert!((v.unwrap() - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn without_assurance_records_there_is_no_value() {
    let ds = Dataset::default();
    let inputs = Inputs::new(&ds);
    assert_eq!(figure(metrics::MEDIAN_CASELOAD, &inputs).0, 0);
    assert_eq!(figure(metrics::MEDIAN_CASELOAD, &inputs).2, None);
    for id in [
        metrics::AUDIT_COMPLETION_PCT,
        metrics::AUDITS_GOOD_OR_BETTER_PCT,
        metrics::MODERATION_AGREEMENT_PCT,
        metrics::VACANCY_RATE_PCT,
        metrics::AGENCY_RATE_PCT,
        metrics::MEDIAN_CASELOAD,
    ] {
        let (n, den, v, _) = figure(id, &inputs);
        if id != metrics::MEDIAN_CASELOAD {
            assert_eq!((n, den, v), (0, Some(0), None), "{id}");
        }
        let def = metrics::indicator(id).unwrap();
        for field in [
            def.title,
            def.definition,
            def.numerator,
            def.denominator,
            def.source,
        ] {
            assert!(!field.is_empty(), "{id}");
        }
        assert!(!def.period_kinds.is_empty());
    }
}
