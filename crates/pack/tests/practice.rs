//! The pack's audit, family voice and workforce tables from small hand-made assurance records:
//! the exact figures internally, and for the panel what disclosure control leaves.

use assurance::workforce::PostSpell;
use assurance::{
    AssuranceData, Audit, AuditKind, Cycle, Feedback, FeedbackSource, Grade, PlanType, Post,
    Sentiment,
};
use disclosure::{Audience, Policy};
use model::{ChildId, Dataset, Date, WorkerRole};
use pack::Quarter;
use pack::build::{Inputs, Provenance, build};
use pack::view::{Block, Pack, Table};
use std::collections::BTreeMap;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn audit(n: usize, completed: Option<&str>, grade: Option<Grade>) -> Audit {
    Audit {
        id: format!("A{n}"),
        cycle: "C1".into(),
        kind: AuditKind::Full,
        child: ChildId(format!("CHILD{n}")),
        team: "T1".into(),
        plan_type: PlanType::Cin,
        worker: "W1".into(),
        auditor: Some("AUD".into()),
        allocated_on: Some(d("2025-10-01")),
        due_on: Some(d("2025-12-15")),
        completed_on: completed.map(d),
        overall: grade,
        domains: BTreeMap::new(),
        good_practice: Vec::new(),
        development: Vec::new(),
        findings: String::new(),
        follows: None,
        moderation: None,
    }
}

fn post(n: usize, role: WorkerRole, state: &str) -> Post {
    Post {
        id: format!("P{n}"),
        team: "T1".into(),
        role,
        spells: vec![PostSpell {
            from: d("2024-01-01"),
            to: None,
            worker: (state != "vacant").then(|| format!("W{n}")),
            agency: state == "agency",
        }],
    }
}

fn posts(
    role: WorkerRole,
    employed: usize,
    agency: usize,
    vacant: usize,
    from: usize,
) -> Vec<Post> {
    let states = std::iter::repeat_n("employed", employed)
        .chain(std::iter::repeat_n("agency", agency))
        .chain(std::iter::repeat_n("vacant", vacant));
    states
        .enumerate()
        .map(|(i, s)| post(from + i, role, s))
        .collect()
}

fn records(fp_vacant: usize) -> AssuranceData {
    let mut audits = Vec::new();
    // 8 completed in the quarter: 1 outstanding, 5 good, 2 requires improvement.
    let grades = [
        Grade::Outstanding,
        Grade::Good,
        Grade::Good,
        Grade::Good,
        Grade::Good,
        Grade::Good,
        Grade::RequiresImprovement,
        Grade::RequiresImprovement,
    ];
    for (i, g) in grades.into_iter().enumerate() {
        audits.push(audit(i, Some("2025-12-01"), Some(g)));
    }
    // Completed after the quarter's end: not completed as the pack sees the quarter.
    audits.push(audit(8, Some("2026-01-10"), Some(Grade::Good)));
    audits.push(audit(9, None, None));
    audits.push(audit(10, None, None));
    let mut all_posts = posts(WorkerRole::SocialWorker, 20, 6, 8, 0);
    all_posts.extend(posts(WorkerRole::FamilyPractitioner, 10, 0, fp_vacant, 100));
    let feedback = [(FeedbackSource::Child, 7), (FeedbackSource::Parent, 5)]
        .into_iter()
        .flat_map(|(source, n)| std::iter::repeat_n(source, n))
        .enumerate()
        .map(|(i, source)| Feedback {
            id: format!("F{i}"),
            date: d("2025-11-01"),
            source,
            team: String::new(),
            sentiment: Sentiment::Positive,
            themes: Vec::new(),
            summary: String::new(),
        })
        .collect();
    AssuranceData {
        cycles: vec![Cycle {
            id: "C1".into(),
            name: "October to December 2025".into(),
            start: d("2025-10-01"),
            end: d("2025-12-15"),
        }],
        audits,
        posts: all_posts,
        feedback,
        ..AssuranceData::default()
    }
}

fn make(data: &AssuranceData, audience: Audience) -> Pack {
    build(&Inputs {
        dataset: &Dataset::default(),
        population: None,
        settings: &metrics::Settings::default(),
        quarter: "2025-26-Q3".parse::<Quarter>().unwrap(),
        audience,
        policy: &Policy::default(),
        targets: &[],
        plan: None,
        recommendations: None,
        savings: None,
        costs: None,
        assurance: Some(data),
        provenance: &Provenance::default(),
    })
}

fn table<'a>(pack: &'a Pack, id: &str) -> &'a Table {
    pack.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .find_map(|b| match b {
            Block::Table(t) if t.id == id => Some(t),
            Block::Chart(c) if c.table.id == id => Some(&c.table),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no table {id}"))
}

fn texts(t: &Table, row: usize) -> Vec<String> {
    t.rows[row].iter().map(|c| c.text()).collect()
}

#[test]
fn audits_as_at_the_quarter_end_exact_inside_and_controlled_for_the_panel() {
    let data = records(6);
    let inside = make(&data, Audience::Internal);
    let grades = table(&inside, "audit_grades");
    // 11 allocated; 8 completed by 31 December (one more only in January): 72.7%; 6 of the 8
    // outstanding or good: 75.0%.
    assert_eq!(
        texts(grades, 0),
        [
            "October to December 2025",
            "11",
            "8",
            "3",
            "72.7%",
            "1",
            "5",
            "2",
            "0",
            "75.0%"
        ]
    );
    let panel = make(&data, Audience::Scrutiny);
    // Not completed 3, outstanding 1, good 5 and requires improvement 2 are small; the total
    // of 11 stands (four unknowns that add up to 11), and nothing is worked out from the c's.
    assert_eq!(
        texts(table(&panel, "audit_grades"), 0),
        [
            "October to December 2025",
            "11",
            "c",
            "c",
            "c",
            "c",
            "c",
            "c",
            "0",
            "c"
        ]
    );
    // The areas of practice are graded in every completed audit: their totals would give the
    // withheld 8 away, so the panel does not get them.
    let has_domains = |p: &Pack| {
        p.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .any(|b| matches!(b, Block::Table(t) if t.id == "audit_domains"))
    };
    assert!(has_domains(&inside));
    assert!(!has_domains(&panel));
}

#[test]
fn feedback_hides_the_count_that_would_give_away_a_small_one() {
    let data = records(6);
    let inside = make(&data, Audience::Internal);
    let t = table(&inside, "voice_feedback");
    assert_eq!(texts(t, 0)[2], "7");
    assert_eq!(texts(t, 1)[2], "5");
    assert_eq!(texts(t, t.rows.len() - 1)[2], "12");
    let panel = make(&data, Audience::Scrutiny);
    let t = table(&panel, "voice_feedback");
    // Parents' 5 is small; children's 7 would give it away as 12 − 7, so it is hidden too.
    assert_eq!(texts(t, 0)[2], "c");
    assert_eq!(texts(t, 1)[2], "c");
    assert_eq!(texts(t, 2)[2], "0");
    assert_eq!(texts(t, t.rows.len() - 1)[2], "12");
}

#[test]
fn posts_by_discipline_with_every_total() {
    // Social workers 20 employed, 6 agency, 8 vacant; family practitioners 10, 0, 6: nothing
    // small, so both audiences see the same.
    let data = records(6);
    for audience in [Audience::Internal, Audience::Scrutiny] {
        let pack = make(&data, audience);
        let t = table(&pack, "workforce_posts");
        assert_eq!(
            texts(t, 0),
            ["Social worker", "34", "20", "6", "8", "23.5%", "23.1%"]
        );
        assert_eq!(
            texts(t, 1),
            ["Family practitioner", "16", "10", "0", "6", "37.5%", "0.0%"]
        );
        // 14 of 50 vacant; 6 of 36 filled by agency staff.
        assert_eq!(
            texts(t, 2),
            ["All posts", "50", "30", "6", "14", "28.0%", "16.7%"]
        );
    }
    // Two vacant family practitioner posts: small, and hidden with at least three more cells
    // (a rectangle), so neither the row nor the column gives it away.
    let data = records(2);
    let pack = make(&data, Audience::Scrutiny);
    let t = table(&pack, "workforce_posts");
    assert_eq!(texts(t, 1)[4], "c");
    let hidden = t.rows[..2]
        .iter()
        .flat_map(|r| &r[1..5])
        .filter(|c| c.text() == "c")
        .count();
    assert!(hidden >= 4, "{:?}", t.rows);
    for row in &t.rows {
        for cell in &row[1..5] {
            let shown = cell.text();
            assert!(
                shown == "c" || !(1..=5).contains(&shown.parse::<u64>().unwrap()),
                "{shown}"
            );
        }
    }
    // The whole number of posts stays: 46.
    assert_eq!(texts(t, 2)[1], "46");
}
