//! The Family Safeguarding partnership table, hand-computed, for staff and for the panel.

use disclosure::{Audience, Policy};
use model::{
    ChildId, Dataset, FamilySafeguardingInvolvement, Month, PartnerFigure, PartnerMeasure,
};
use pack::view::{Block, Table};

fn d(s: &str) -> model::Date {
    s.parse().unwrap()
}

/// Three families whose involvement began on 10 April 2024 (F1 with a domestic abuse worker,
/// F2 mental health, F3 domestic abuse and substance use), and their partners' figures: F1's
/// police call-outs 1 (January) + 2 (March) before and 1 (May) after; F2 one A&E attendance in
/// December 2023; F3's school attendance 80% (February) and 90% (June). A figure 13 months
/// before is outside the window.
fn dataset() -> Dataset {
    let family = |c: &str, da, mh, su| FamilySafeguardingInvolvement {
        child: ChildId::from(c),
        team: "FS1".into(),
        start: d("2024-04-10"),
        end: None,
        domestic_abuse_worker: da,
        mental_health_worker: mh,
        substance_use_worker: su,
    };
    let fig = |c: &str, m, y, mo, v| PartnerFigure {
        child: ChildId::from(c),
        measure: m,
        month: Month { year: y, month: mo },
        value: v,
    };
    use PartnerMeasure::*;
    Dataset {
        family_safeguarding: vec![
            family("F1", true, false, false),
            family("F2", false, true, false),
            family("F3", true, false, true),
        ],
        partner_figures: vec![
            fig("F1", PoliceDomesticAbuseCallOuts, 2024, 1, 1.0),
            fig("F1", PoliceDomesticAbuseCallOuts, 2024, 3, 2.0),
            fig("F1", PoliceDomesticAbuseCallOuts, 2024, 5, 1.0),
            fig("F1", PoliceDomesticAbuseCallOuts, 2023, 3, 9.0),
            fig("F2", AeAttendances, 2023, 12, 1.0),
            fig("F3", SchoolAttendance, 2024, 2, 80.0),
            fig("F3", SchoolAttendance, 2024, 6, 90.0),
        ],
        ..Dataset::default()
    }
}

fn table(blocks: &[Block]) -> (&str, &Table) {
    let Block::Paragraph(p) = &blocks[0] else {
        panic!("a paragraph first")
    };
    let Block::Table(t) = &blocks[1] else {
        panic!("then the table")
    };
    (p, t)
}

fn cells(t: &Table) -> Vec<Vec<String>> {
    t.rows
        .iter()
        .map(|r| r.iter().map(|c| c.text()).collect())
        .collect()
}

#[test]
fn staff_see_every_figure_before_and_after() {
    let policy = Policy::new(6).unwrap();
    let blocks = pack::practice::partnership_blocks(
        &dataset(),
        d("2025-06-30"),
        12,
        Audience::Internal,
        &policy,
    );
    let (p, t) = table(&blocks);
    assert!(p.starts_with("Families compared: 3,"), "{p}");
    assert!(p.contains(
        "With a domestic abuse worker: 2; a mental health worker: 1; a substance use worker: 1."
    ));
    assert_eq!(
        cells(t),
        [
            ["Children on a child protection plan", "0", "0", ""],
            ["Days in care", "0", "0", ""],
            ["Police domestic-abuse call-outs", "3", "1", "-66.7%"],
            ["A&E attendances", "1", "0", "-100.0%"],
            [
                "Treatment starts (substance use, mental health)",
                "0",
                "0",
                ""
            ],
            [
                "School attendance (% of sessions)",
                "80.0",
                "90.0",
                "+12.5%"
            ],
        ]
    );
}

#[test]
fn the_panel_sees_no_figure_about_so_few_families() {
    let policy = Policy::new(6).unwrap();
    let blocks = pack::practice::partnership_blocks(
        &dataset(),
        d("2025-06-30"),
        12,
        Audience::Scrutiny,
        &policy,
    );
    let (p, t) = table(&blocks);
    assert!(p.starts_with("Families compared: c,"), "{p}");
    assert!(p.contains(
        "With a domestic abuse worker: c; a mental health worker: c; a substance use worker: c."
    ));
    let c = cells(t);
    assert_eq!(c[0], ["Children on a child protection plan", "0", "0", ""]);
    for row in &c[1..] {
        assert_eq!(row[1..], ["c", "c", ""], "{row:?}");
    }
}
