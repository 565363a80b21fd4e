//! Hand-computed figures of the audit programme.

use assurance::programme::{DipPlan, dip_sample, summarise};
use assurance::*;
use model::{ChildId, Date};
use std::collections::BTreeMap;

fn d(y: i16, m: i8, day: i8) -> Date {
    jiff::civil::date(y, m, day)
}

fn audit(n: usize, overall: Option<Grade>) -> Audit {
    Audit {
        id: format!("A{n:03}"),
        cycle: "2024-Q3".into(),
        kind: AuditKind::Full,
        child: ChildId(format!("C{n:03}")),
        team: "FST1".into(),
        plan_type: PlanType::Cp,
        worker: "W1".into(),
        auditor: Some("QA1".into()),
        allocated_on: Some(d(2024, 7, 1)),
        due_on: Some(d(2024, 11, 30)),
        completed_on: overall.map(|_| d(2024, 9, 1)),
        overall,
        domains: BTreeMap::new(),
        good_practice: Vec::new(),
        development: Vec::new(),
        findings: String::new(),
        follows: None,
        moderation: None,
    }
}

fn moderate(a: &mut Audit, g: Grade) {
    a.moderation = Some(Moderation {
        moderator: "HOS".into(),
        date: d(2024, 10, 1),
        overall: g,
        notes: String::new(),
    });
}

/// The seed's cycle: 37 allocated, 32 completed; auditors graded 4 outstanding, 18 good and 10
/// requires improvement; 5 were moderated, one good re-graded requires improvement. So the
/// final mix is 4, 17, 11, 0: 21 of 32 (65.6%) good or better, 11 (34.4%) requires improvement,
/// none inadequate; agreement 4 of 5 (80%).
fn seed_cycle() -> Vec<Audit> {
    let mut audits = Vec::new();
    for n in 0..37 {
        let g = match n {
            0..4 => Some(Grade::Outstanding),
            4..22 => Some(Grade::Good),
            22..32 => Some(Grade::RequiresImprovement),
            _ => None,
        };
        audits.push(audit(n, g));
    }
    moderate(&mut audits[0], Grade::Outstanding);
    moderate(&mut audits[5], Grade::Good);
    moderate(&mut audits[6], Grade::RequiresImprovement); // disagrees: good → RI
    moderate(&mut audits[23], Grade::RequiresImprovement);
    moderate(&mut audits[24], Grade::RequiresImprovement);
    // One sampled but never allocated: not in the 37.
    let mut unallocated = audit(99, None);
    unallocated.auditor = None;
    audits.push(unallocated);
    audits
}

#[test]
fn completion_grade_mix_and_agreement() {
    let s = summarise(&seed_cycle(), &[], d(2024, 12, 1));
    assert_eq!(s.completion_text(), "32 of 37 completed");
    assert_eq!((s.allocated, s.completed), (37, 32));
    assert_eq!(s.grades, [4, 17, 11, 0]);
    assert_eq!(s.graded(), 32);
    assert!((s.completion_pct().unwrap() - 86.486_486).abs() < 1e-5);
    assert!((s.good_or_better_pct().unwrap() - 65.625).abs() < 1e-9);
    assert!((s.requires_improvement_pct().unwrap() - 34.375).abs() < 1e-9);
    assert_eq!(s.inadequate_pct(), Some(0.0));
    assert_eq!((s.moderated, s.agreed), (5, 4));
    assert_eq!(s.agreement_pct(), Some(80.0));
}

#[test]
fn nothing_allocated_gives_no_percentages() {
    let s = summarise(&[], &[], d(2024, 12, 1));
    assert_eq!(s.completion_text(), "0 of 0 completed");
    assert_eq!(s.completion_pct(), None);
    assert_eq!(s.good_or_better_pct(), None);
    assert_eq!(s.agreement_pct(), None);
}

#[test]
fn domains_and_themes_are_counted_most_named_first() {
    let mut a = audit(1, Some(Grade::Good));
    a.domains
        .insert(Domain::Chronology, Grade::RequiresImprovement);
    a.domains.insert(Domain::Visits, Grade::Good);
    a.good_practice = vec![Tag::parse("relational-practice").unwrap()];
    a.development = vec![
        Tag::parse("chronology").unwrap(),
        Tag::parse("plan-specificity").unwrap(),
    ];
    let mut b = audit(2, Some(Grade::RequiresImprovement));
    b.domains
        .insert(Domain::Chronology, Grade::RequiresImprovement);
    b.development = vec![Tag::parse("plan-specificity").unwrap()];
    let s = summarise(&[a, b], &[], d(2024, 12, 1));
    assert_eq!(s.domain_grades[&Domain::Chronology], [0, 0, 2, 0]);
    assert_eq!(s.domain_grades[&Domain::Visits], [0, 1, 0, 0]);
    let dev: Vec<(String, u64)> = s
        .development
        .iter()
        .map(|(t, n)| (t.to_string(), *n))
        .collect();
    assert_eq!(
        dev,
        [("plan-specificity".into(), 2), ("chronology".into(), 1)]
    );
}

#[test]
fn actions_are_tracked_to_closure() {
    let action = |id: &str, due: Date, closed: Option<Date>| Action {
        id: id.into(),
        audit: "A001".into(),
        child: ChildId::from("C001"),
        team: "FST1".into(),
        description: "Update the chronology".into(),
        owner: "TM1".into(),
        raised_on: d(2024, 10, 1),
        due_on: due,
        closed_on: closed,
    };
    let day = d(2024, 12, 1);
    let actions = [
        action("X1", d(2024, 11, 15), Some(d(2024, 11, 10))),
        action("X2", d(2024, 11, 15), Some(d(2024, 11, 20))),
        action("X3", d(2024, 11, 20), None),
        action("X4", d(2024, 12, 1), None),
        action("X5", d(2024, 11, 30), Some(d(2024, 12, 2))),
    ];
    let statuses: Vec<ActionStatus> = actions.iter().map(|a| a.status_on(day)).collect();
    assert_eq!(
        statuses,
        [
            ActionStatus::Closed,
            ActionStatus::ClosedLate,
            ActionStatus::Overdue,
            ActionStatus::Open,    // due today: not overdue yet
            ActionStatus::Overdue, // closed only after the day
        ]
    );
    let s = summarise(&[], &actions, day);
    assert_eq!(s.actions[&ActionStatus::Overdue], 2);
    assert_eq!(s.actions[&ActionStatus::Open], 1);
    assert_eq!(
        actions[4].status_on(d(2024, 12, 2)),
        ActionStatus::ClosedLate
    );
}

#[test]
fn dip_samples_follow_requires_improvement_and_count_improvement() {
    let mut audits: Vec<Audit> = (1..=3)
        .map(|n| audit(n, Some(Grade::RequiresImprovement)))
        .collect();
    audits.push(audit(4, None)); // not completed
    audits.push(audit(5, Some(Grade::Good)));
    let mut moderated_down = audit(6, Some(Grade::Good));
    moderate(&mut moderated_down, Grade::RequiresImprovement); // final grade RI: eligible
    audits.push(moderated_down);
    let plan = DipPlan {
        percent: 100,
        seed: 3,
        on: d(2024, 12, 2),
        due_in_days: 28,
        auditor: Some("TM1".into()),
    };
    let all = dip_sample(&audits, &plan);
    let ids: Vec<&str> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["A001-DIP", "A002-DIP", "A003-DIP", "A006-DIP"]);
    assert_eq!(all[0].due_on, Some(d(2024, 12, 30)));
    assert_eq!(all[0].follows.as_deref(), Some("A001"));
    assert_eq!(all[0].kind, AuditKind::Dip);

    // Half of four is two; the same seed chooses the same two.
    let half = DipPlan {
        percent: 50,
        ..plan.clone()
    };
    let a = dip_sample(&audits, &half);
    assert_eq!(a.len(), 2);
    assert_eq!(a, dip_sample(&audits, &half));
    // 30% of four is 1.2: rounded up to two.
    assert_eq!(
        dip_sample(
            &audits,
            &DipPlan {
                percent: 30,
                ..plan.clone()
            }
        )
        .len(),
        2
    );

    // An audit already dip-sampled is not sampled again.
    let mut with_dip = audits.clone();
    with_dip.push(all[0].clone());
    assert_eq!(dip_sample(&with_dip, &plan).len(), 3);

    // Completing one dip at good (better than RI) counts as improved; another at RI does not.
    let mut done = all[0].clone();
    done.completed_on = Some(d(2024, 12, 20));
    done.overall = Some(Grade::Good);
    let mut same = all[1].clone();
    same.completed_on = Some(d(2024, 12, 21));
    same.overall = Some(Grade::RequiresImprovement);
    let mut set = audits.clone();
    set.extend([done, same, all[2].clone()]);
    let s = summarise(&set, &[], d(2025, 1, 1));
    assert_eq!((s.dips, s.dips_completed, s.dips_improved), (3, 2, 1));
    // Dips are not full audits: the completion figures are the full audits' only.
    assert_eq!((s.allocated, s.completed), (6, 5));
}
