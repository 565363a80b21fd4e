//! The sample: the population, proportional quotas, reproducibility and strata, allocation.

use assurance::sample::{
    Auditor, Candidate, Design, PlanType, SampleError, allocate, audits_for, population,
    proportional_quotas, select,
};
use assurance::{Cycle, programme::Audit};
use model::*;
use std::collections::BTreeMap;

fn d(y: i16, m: i8, day: i8) -> Date {
    jiff::civil::date(y, m, day)
}

fn cand(n: usize, team: &str, plan: PlanType) -> Candidate {
    Candidate {
        child: ChildId(format!("C{n:02}")),
        team: team.into(),
        plan_type: plan,
        worker: "W".into(),
    }
}

/// Ten children: six in T1 on CP plans, three in T1 on CIN plans, one in T2 looked after.
fn ten() -> Vec<Candidate> {
    let mut v = Vec::new();
    for n in 0..6 {
        v.push(cand(n, "T1", PlanType::Cp));
    }
    for n in 6..9 {
        v.push(cand(n, "T1", PlanType::Cin));
    }
    v.push(cand(9, "T2", PlanType::Cla));
    v
}

#[test]
fn quotas_are_proportional_with_largest_remainders() {
    // 5 × 6/10 = 3.0, 5 × 3/10 = 1.5, 5 × 1/10 = 0.5: floors 3, 1, 0; the one left goes to a
    // remainder of a half, and of the two the larger stratum wins.
    assert_eq!(proportional_quotas(&[6, 3, 1], 5), [3, 2, 0]);
    // Equal remainders and sizes: the first in order.
    assert_eq!(proportional_quotas(&[1, 1, 1], 2), [1, 1, 0]);
    assert_eq!(proportional_quotas(&[10, 0], 3), [3, 0]);
    assert_eq!(proportional_quotas(&[4, 4], 8), [4, 4]);
    assert_eq!(proportional_quotas(&[], 0), Vec::<usize>::new());
}

fn strata(sample: &[Candidate]) -> BTreeMap<(String, PlanType), usize> {
    let mut m = BTreeMap::new();
    for c in sample {
        *m.entry((c.team.clone(), c.plan_type)).or_default() += 1;
    }
    m
}

#[test]
fn a_stratified_sample_respects_the_strata_and_the_seed() {
    let pop = ten();
    for seed in 0..50 {
        let s = select(&pop, 5, Design::Stratified, seed, &[]).unwrap();
        assert_eq!(
            strata(&s),
            BTreeMap::from([
                (("T1".into(), PlanType::Cp), 3),
                (("T1".into(), PlanType::Cin), 2)
            ]),
            "seed {seed}"
        );
        // Reproducible, and the population's order does not matter.
        let mut reversed = pop.clone();
        reversed.reverse();
        assert_eq!(
            s,
            select(&reversed, 5, Design::Stratified, seed, &[]).unwrap()
        );
    }
    // Different seeds choose different children (six CP children, three chosen: 20 ways).
    let distinct: std::collections::BTreeSet<Vec<Candidate>> = (0..50)
        .map(|seed| select(&pop, 5, Design::Stratified, seed, &[]).unwrap())
        .collect();
    assert!(distinct.len() > 5, "{}", distinct.len());
}

#[test]
fn a_random_sample_is_reproducible_and_without_repeats() {
    let pop = ten();
    let a = select(&pop, 4, Design::Random, 42, &[]).unwrap();
    assert_eq!(a, select(&pop, 4, Design::Random, 42, &[]).unwrap());
    let ids: std::collections::BTreeSet<&ChildId> = a.iter().map(|c| &c.child).collect();
    assert_eq!(ids.len(), 4);
    assert!(a.iter().all(|c| pop.contains(c)));
    // Every child is chosen by some seed: the draw covers the population.
    let mut seen = std::collections::BTreeSet::new();
    for seed in 0..200 {
        for c in select(&pop, 1, Design::Random, seed, &[]).unwrap() {
            seen.insert(c.child);
        }
    }
    assert_eq!(seen.len(), 10);
}

#[test]
fn excluded_children_and_too_large_samples() {
    let pop = ten();
    let exclude: Vec<ChildId> = (0..6).map(|n| ChildId(format!("C{n:02}"))).collect();
    let s = select(&pop, 4, Design::Stratified, 1, &exclude).unwrap();
    assert_eq!(s.len(), 4, "all four left: three CIN, one CLA");
    assert!(s.iter().all(|c| !exclude.contains(&c.child)));
    assert_eq!(
        select(&pop, 5, Design::Random, 1, &exclude),
        Err(SampleError::TooLarge {
            size: 5,
            population: 4
        })
    );
}

#[test]
fn the_population_is_the_open_allocated_children_with_their_plan_type() {
    let referral = |start: Date, end: Option<Date>| Referral {
        referral_date: start,
        closure_date: end,
        ..Referral::default()
    };
    let day = d(2025, 3, 31);
    let mut children = Vec::new();
    // C1: a CP plan open.
    let mut c1 = referral(d(2024, 1, 1), None);
    c1.cp_plans.push(CpPlan {
        start_date: d(2024, 2, 1),
        ..CpPlan::default()
    });
    children.push(("C1", vec![c1], vec![]));
    // C2: looked after, no open referral.
    children.push((
        "C2",
        vec![],
        vec![ClaEpisode {
            start_date: d(2024, 5, 1),
            ..ClaEpisode::default()
        }],
    ));
    // C3: a CIN plan that ends on the day (still open).
    let mut c3 = referral(d(2024, 1, 1), None);
    c3.cin_plans.push(CinPlan {
        start_date: d(2024, 3, 1),
        end_date: Some(day),
    });
    children.push(("C3", vec![c3], vec![]));
    // C4: open referral, no plan (a CP plan that ended the day before).
    let mut c4 = referral(d(2024, 1, 1), None);
    c4.cp_plans.push(CpPlan {
        start_date: d(2024, 2, 1),
        end_date: Some(d(2025, 3, 30)),
        ..CpPlan::default()
    });
    children.push(("C4", vec![c4], vec![]));
    // C5: open, but no allocation. C6: allocated, but the referral closed.
    children.push(("C5", vec![referral(d(2024, 1, 1), None)], vec![]));
    children.push((
        "C6",
        vec![referral(d(2024, 1, 1), Some(d(2025, 1, 1)))],
        vec![],
    ));
    // C7: on a CP plan and looked after: CP.
    let mut c7 = referral(d(2024, 1, 1), None);
    c7.cp_plans.push(CpPlan {
        start_date: d(2024, 2, 1),
        ..CpPlan::default()
    });
    children.push((
        "C7",
        vec![c7],
        vec![ClaEpisode {
            start_date: d(2025, 1, 1),
            ..ClaEpisode::default()
        }],
    ));
    let mut ds = Dataset::default();
    for (id, referrals, cla) in children {
        ds.children.push(Child {
            id: ChildId::from(id),
            referrals,
            cla_episodes: cla,
            ..Child::default()
        });
    }
    let alloc =
        |child: &str, worker: &str, team: &str, start: Date, end: Option<Date>| CaseAllocation {
            child: ChildId::from(child),
            worker: worker.into(),
            team: team.into(),
            start,
            end,
        };
    ds.allocations = vec![
        alloc("C1", "W1", "T1", d(2024, 1, 1), None),
        // C1's latest-starting open allocation decides the team.
        alloc("C1", "W2", "T2", d(2024, 6, 1), None),
        // An allocation that ended does not count.
        alloc("C1", "W3", "T3", d(2024, 9, 1), Some(d(2025, 1, 1))),
        alloc("C2", "W4", "CIC", d(2024, 5, 1), None),
        alloc("C3", "W1", "T1", d(2024, 1, 1), None),
        alloc("C4", "W1", "T1", d(2024, 1, 1), None),
        alloc("C6", "W1", "T1", d(2024, 1, 1), None),
        alloc("C7", "W1", "T1", d(2024, 1, 1), None),
    ];
    ds.normalise();
    let pop = population(&ds, day);
    let got: Vec<(&str, &str, &str, PlanType)> = pop
        .iter()
        .map(|c| {
            (
                c.child.0.as_str(),
                c.team.as_str(),
                c.worker.as_str(),
                c.plan_type,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("C1", "T2", "W2", PlanType::Cp),
            ("C2", "CIC", "W4", PlanType::Cla),
            ("C3", "T1", "W1", PlanType::Cin),
            ("C4", "T1", "W1", PlanType::Other),
            ("C7", "T1", "W1", PlanType::Cp),
        ]
    );
}

fn cycle() -> Cycle {
    Cycle {
        id: "2024-Q3".into(),
        name: "July to November 2024".into(),
        start: d(2024, 7, 1),
        end: d(2024, 11, 30),
    }
}

#[test]
fn audits_are_allocated_evenly_and_never_to_the_auditors_own_team() {
    let sample: Vec<Candidate> = (0..4)
        .map(|n| cand(n, "T1", PlanType::Cp))
        .chain((4..6).map(|n| cand(n, "T2", PlanType::Cin)))
        .collect();
    let mut audits: Vec<Audit> = audits_for(&cycle(), &sample, 1);
    assert_eq!(audits[0].id, "2024-Q3-001");
    assert_eq!(audits[5].id, "2024-Q3-006");
    assert_eq!(audits[0].due_on, Some(d(2024, 11, 30)));
    let auditors = [
        Auditor {
            id: "A".into(),
            team: Some("T1".into()),
        },
        Auditor {
            id: "B".into(),
            team: Some("T2".into()),
        },
        Auditor {
            id: "C".into(),
            team: None,
        },
    ];
    // T1 cases go to B or C, whichever has fewer (B first on a tie); T2 cases to A or C.
    assert_eq!(allocate(&mut audits, &auditors, d(2024, 7, 2)), Ok(6));
    let who: Vec<&str> = audits
        .iter()
        .map(|a| a.auditor.as_deref().unwrap())
        .collect();
    assert_eq!(who, ["B", "C", "B", "C", "A", "A"]);
    assert!(audits.iter().all(|a| a.allocated_on == Some(d(2024, 7, 2))));
    // Allocating again changes nothing: everything is allocated.
    assert_eq!(allocate(&mut audits, &auditors, d(2024, 7, 3)), Ok(0));

    let mut lone = audits_for(&cycle(), &sample[..1], 1);
    assert_eq!(
        allocate(&mut lone, &auditors[..1], d(2024, 7, 2)),
        Err(SampleError::NoEligibleAuditor {
            child: "C00".into(),
            team: "T1".into()
        })
    );
    assert_eq!(lone[0].auditor, None, "all or nothing");
    assert_eq!(
        allocate(&mut lone, &[], d(2024, 7, 2)),
        Err(SampleError::NoAuditors)
    );
}
