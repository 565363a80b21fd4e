//! The pack's sections from the practice-assurance records: the audit programme (completion,
//! grades, moderation, dip samples, follow-up actions, themes), family voice and the workforce.
//!
//! Every count passes through disclosure control for the audience here, before it becomes a
//! cell. Counts that add up to a total shown beside them are protected together with it, so no
//! `c` can be worked out by subtraction; a figure worked out from others (completed audits, a
//! percentage) is shown only when the figures it is made from are.

use crate::Quarter;
use crate::build::{Inputs, long_date, text, value_cell};
use crate::view::{Block, Cell, Chart, ChartKind, Section, Table};
use assurance::programme::{Audit, summarise};
use assurance::{ActionStatus, AssuranceData, Cycle, FeedbackSource, Sentiment, workforce};
use disclosure::{Audience, CountTable, Policy, Published, PublishedValue};
use metrics::Unit;
use model::{Date, WorkerRole};

/// How many audit cycles (the latest started by the quarter's end) the pack shows.
pub const AUDIT_CYCLES: usize = 4;

/// Counts in a row that add up to a total shown beside them, protected together. Returns the
/// cells and the total. Under control a total that protection would hide although it is not
/// small is shown, with every part withheld (it is published elsewhere in the pack, and with
/// every part withheld no part can be worked out from it).
pub(crate) fn group(
    counts: &[u64],
    audience: Audience,
    policy: &Policy,
) -> (Vec<Published>, Published) {
    let total: u64 = counts.iter().sum();
    if !audience.needs_control() {
        return (
            counts.iter().map(|&n| Published::Count(n)).collect(),
            Published::Count(total),
        );
    }
    let withheld = || {
        (
            vec![Published::Suppressed; counts.len()],
            policy.publish_count(total),
        )
    };
    if counts.is_empty() {
        return (Vec::new(), policy.publish_count(0));
    }
    let Ok(table) = CountTable::new(vec![counts.to_vec()]) else {
        return withheld();
    };
    match disclosure::protect(&table.with_row_totals(), policy) {
        Ok(p) => {
            let t = p.row_total(0).unwrap_or(Published::Suppressed);
            if t.is_suppressed() && !policy.is_small(total) {
                return withheld();
            }
            ((0..counts.len()).map(|j| p.cell(0, j)).collect(), t)
        }
        Err(_) => withheld(),
    }
}

/// A grid of counts with each row's total beside it, protected together: the cells by row and
/// the row totals. A grid that cannot be protected is withheld whole.
pub(crate) fn grid_with_row_totals(
    rows: &[Vec<u64>],
    audience: Audience,
    policy: &Policy,
) -> (Vec<Vec<Published>>, Vec<Published>) {
    if rows.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let totals: Vec<u64> = rows.iter().map(|r| r.iter().sum()).collect();
    let withheld = || {
        (
            rows.iter()
                .map(|r| vec![Published::Suppressed; r.len()])
                .collect(),
            vec![Published::Suppressed; rows.len()],
        )
    };
    let Ok(table) = CountTable::new(rows.to_vec()) else {
        return withheld();
    };
    match disclosure::protect_for(&table.with_row_totals(), audience, policy) {
        Ok(p) => (
            rows.iter()
                .enumerate()
                .map(|(i, r)| (0..r.len()).map(|j| p.cell(i, j)).collect())
                .collect(),
            (0..rows.len())
                .map(|i| {
                    p.row_total(i).unwrap_or(if audience.needs_control() {
                        policy.publish_count(totals[i])
                    } else {
                        Published::Count(totals[i])
                    })
                })
                .collect(),
        ),
        Err(_) => withheld(),
    }
}

/// Counts shown on their own, with no total: small ones are `c`.
fn each(counts: &[u64], audience: Audience, policy: &Policy) -> Vec<Published> {
    disclosure::protect_series_for(counts, audience, policy)
}

/// `a + b + …` when every part is shown.
fn sum(parts: &[Published]) -> Published {
    parts
        .iter()
        .map(Published::count)
        .sum::<Option<u64>>()
        .map_or(Published::Suppressed, Published::Count)
}

/// `a − b` when both are shown.
fn difference(a: Published, b: Published) -> Published {
    match (a.count(), b.count()) {
        (Some(a), Some(b)) if a >= b => Published::Count(a - b),
        _ => Published::Suppressed,
    }
}

fn pct(numerator: Published, denominator: Published) -> Cell {
    value_cell(
        disclosure::percentage(&numerator, &denominator),
        Unit::Percent,
    )
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_string()).collect()
}

/// The audits as they stood at the end of `day`: a completion, grade or moderation recorded
/// for a later day is not yet there.
fn as_at(audits: &[Audit], day: Date) -> Vec<Audit> {
    audits
        .iter()
        .map(|a| {
            let mut a = a.clone();
            if a.completed_on.is_some_and(|c| c > day) {
                a.completed_on = None;
                a.overall = None;
                a.domains.clear();
                a.good_practice.clear();
                a.development.clear();
                a.moderation = None;
            }
            if a.moderation.as_ref().is_some_and(|m| m.date > day) {
                a.moderation = None;
            }
            if a.allocated_on.is_some_and(|d| d > day) {
                a.auditor = None;
            }
            a
        })
        .collect()
}

/// The latest cycles started by `day`, oldest first.
fn cycles_to(data: &AssuranceData, day: Date) -> Vec<&Cycle> {
    let mut cycles: Vec<&Cycle> = data.cycles.iter().filter(|c| c.start <= day).collect();
    cycles.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    let skip = cycles.len().saturating_sub(AUDIT_CYCLES);
    cycles.split_off(skip)
}

/// The audit programme and family voice, for the Family Safeguarding section.
pub(crate) fn assurance_blocks(inputs: &Inputs<'_>) -> Vec<Block> {
    let Some(data) = inputs.assurance.filter(|d| !d.is_empty()) else {
        return vec![Block::Paragraph(
            "No practice-assurance records (audits, family voice) are stored, so the audit \
             programme and family voice are not shown."
                .to_string(),
        )];
    };
    let mut blocks = audit_blocks(data, inputs);
    blocks.extend(voice_blocks(data, inputs));
    blocks
}

fn audit_blocks(data: &AssuranceData, inputs: &Inputs<'_>) -> Vec<Block> {
    let (audience, policy) = (inputs.audience, inputs.policy);
    let day = inputs.quarter.end();
    let cycles = cycles_to(data, day);
    if cycles.is_empty() {
        return vec![Block::Paragraph(format!(
            "No audit cycle had started by {}.",
            long_date(day)
        ))];
    }
    let mut shown_audits = Vec::new();
    let mut shown_actions = Vec::new();
    let mut grids = Vec::new();
    let mut domain_rows = None;
    for c in &cycles {
        let (audits, actions) = data.of_cycle(&c.id);
        let audits = as_at(&audits, day);
        let actions: Vec<_> = actions.into_iter().filter(|a| a.raised_on <= day).collect();
        let s = summarise(&audits, &actions, day);
        // Not completed, then the four grades: they add up to the audits allocated.
        let mut row = vec![s.allocated - s.completed];
        row.extend(s.grades);
        grids.push(row);
        if s.completed > 0 {
            domain_rows = Some((grids.len() - 1, c.name.clone(), s.domain_grades.clone()));
        }
        shown_audits.extend(audits);
        shown_actions.extend(actions);
    }
    let (cells, allocated) = grid_with_row_totals(&grids, audience, policy);
    let mut rows = Vec::new();
    let mut chart_points = Vec::new();
    let mut completed_shown = Vec::new();
    for ((c, cells), allocated) in cycles.iter().zip(&cells).zip(&allocated) {
        let not_completed = cells[0];
        let grades = &cells[1..];
        // Completed audits are graded: the sum of the grades, or the allocated less those not
        // completed; shown when either can be worked out from what is shown.
        let completed = match sum(grades) {
            Published::Suppressed => difference(*allocated, not_completed),
            s => s,
        };
        completed_shown.push(!completed.is_suppressed());
        let good = sum(&grades[..2]);
        let good_pct = disclosure::percentage(&good, &completed);
        chart_points.push(report::svg::Point::new(c.name.clone(), good_pct.value()));
        let mut row = vec![
            text(c.name.clone()),
            Cell::Count(*allocated),
            Cell::Count(completed),
            Cell::Count(not_completed),
            pct(completed, *allocated),
        ];
        row.extend(grades.iter().map(|g| Cell::Count(*g)));
        row.push(value_cell(good_pct, Unit::Percent));
        rows.push(row);
    }
    let mut blocks = vec![
        Block::Paragraph(format!(
            "The case-audit programme: full audits allocated to an auditor in each of the latest \
             {} cycles started by {}, how many were completed by then, and their grades on \
             Ofsted's four-point scale (the moderator's grade where an audit was moderated).",
            cycles.len(),
            long_date(day)
        )),
        Block::Chart(Chart {
            kind: ChartKind::Bar,
            spec: report::svg::ChartSpec {
                id: "audits-good-or-better".to_string(),
                title: "Completed audits graded outstanding or good, by cycle".to_string(),
                y_label: "% of completed audits".to_string(),
                unit: report::svg::Unit::Percent,
                y_axis: report::svg::YAxis::ZeroToHundred,
                points: chart_points,
            },
            table: Table {
                id: "audit_grades".to_string(),
                title: "Case audits: completion and grades by cycle".to_string(),
                columns: columns(&[
                    "Cycle",
                    "Allocated",
                    "Completed",
                    "Not completed",
                    "% completed",
                    "Outstanding",
                    "Good",
                    "Requires improvement",
                    "Inadequate",
                    "% good or better",
                ]),
                rows,
                note: None,
            },
        }),
    ];
    // The areas of practice of the latest cycle with completed audits: each area's grades add
    // up to the audits that graded it.
    // Each area is graded in (nearly) every completed audit, so the areas' totals would give
    // away a completed count the table above withholds: they are shown only beside a shown one.
    let domain_rows = domain_rows.filter(|(i, name, _)| {
        let shown = completed_shown[*i];
        if !shown {
            blocks.push(Block::Paragraph(format!(
                "Grades by area of practice for {name} are withheld: too few audits were \
                 completed to show them without identifying a child's case."
            )));
        }
        shown
    });
    if let Some((_, name, domains)) = domain_rows {
        let areas: Vec<_> = domains.into_iter().collect();
        let grid: Vec<Vec<u64>> = areas.iter().map(|(_, g)| g.to_vec()).collect();
        let (cells, totals) = grid_with_row_totals(&grid, audience, policy);
        let rows = areas
            .iter()
            .zip(cells.iter().zip(&totals))
            .map(|((d, _), (cells, total))| {
                let good = sum(&cells[..2]);
                let mut row = vec![text(d.label()), Cell::Count(*total)];
                row.extend(cells.iter().map(|c| Cell::Count(*c)));
                row.push(pct(good, *total));
                row
            })
            .collect();
        blocks.push(Block::Table(Table {
            id: "audit_domains".to_string(),
            title: format!("Grades by area of practice, {name}"),
            columns: columns(&[
                "Area of practice",
                "Graded",
                "Outstanding",
                "Good",
                "Requires improvement",
                "Inadequate",
                "% good or better",
            ]),
            rows,
            note: None,
        }));
    }
    let s = summarise(&shown_audits, &shown_actions, day);
    let (m, moderated) = group(&[s.agreed, s.moderated - s.agreed], audience, policy);
    let (d, dips) = group(
        &[
            s.dips_improved,
            s.dips_completed - s.dips_improved,
            s.dips - s.dips_completed,
        ],
        audience,
        policy,
    );
    let statuses = [
        ActionStatus::Open,
        ActionStatus::Overdue,
        ActionStatus::Closed,
        ActionStatus::ClosedLate,
    ];
    let action_counts: Vec<u64> = statuses
        .iter()
        .map(|st| s.actions.get(st).copied().unwrap_or(0))
        .collect();
    let (a, actions) = group(&action_counts, audience, policy);
    let lines = |what: &str, total: Published, parts: &[(&str, Published)]| {
        let mut rows = vec![vec![text(what), text("All"), Cell::Count(total)]];
        rows.extend(
            parts
                .iter()
                .map(|(name, p)| vec![text(""), text(*name), Cell::Count(*p)]),
        );
        rows
    };
    let mut rows = lines(
        "Audits moderated",
        moderated,
        &[("Moderator agreed", m[0]), ("Moderator differed", m[1])],
    );
    rows.extend(lines(
        "Dip samples scheduled",
        dips,
        &[
            ("Improved", d[0]),
            ("Not improved", d[1]),
            ("Not yet completed", d[2]),
        ],
    ));
    rows.extend(lines(
        "Follow-up actions",
        actions,
        &[
            ("Open", a[0]),
            ("Overdue", a[1]),
            ("Closed", a[2]),
            ("Closed late", a[3]),
        ],
    ));
    blocks.push(Block::Paragraph(
        "Moderation (a second, independent grading), dip samples of audits graded requires \
         improvement, and the actions audits raised, over the same cycles."
            .to_string(),
    ));
    blocks.push(Block::Table(Table {
        id: "audit_follow_up".to_string(),
        title: format!(
            "Moderation, dip samples and actions, as at {}",
            long_date(day)
        ),
        columns: columns(&["Measure", "Outcome", "Count"]),
        rows,
        note: Some(format!(
            "Moderator agreement: {}.",
            match disclosure::percentage(&m[0], &moderated) {
                PublishedValue::Value(v) => format!("{v:.1}%"),
                other => other.to_string(),
            }
        )),
    }));
    // Themes: how many completed audits named each; a theme's count stands alone.
    for (id, title, themes) in [
        (
            "audit_themes_good",
            "Areas of good practice named in audits",
            &s.good_practice,
        ),
        (
            "audit_themes_development",
            "Areas for development named in audits",
            &s.development,
        ),
    ] {
        let counts: Vec<u64> = themes.iter().map(|(_, n)| *n).collect();
        let cells = each(&counts, audience, policy);
        blocks.push(Block::Table(Table {
            id: id.to_string(),
            title: title.to_string(),
            columns: columns(&["Theme", "Audits naming it"]),
            rows: themes
                .iter()
                .zip(cells)
                .map(|((t, _), c)| vec![text(theme_label(t.as_str())), Cell::Count(c)])
                .collect(),
            note: None,
        }));
    }
    blocks
}

/// `relational-practice` → `Relational practice`.
fn theme_label(tag: &str) -> String {
    let words = tag.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn voice_blocks(data: &AssuranceData, inputs: &Inputs<'_>) -> Vec<Block> {
    let (audience, policy) = (inputs.audience, inputs.policy);
    let q: Quarter = inputs.quarter;
    let (from, to) = (q.start(), q.end());
    let s = assurance::voice::summarise(&data.feedback, &data.events, &data.nominations, from, to);
    let by_source: Vec<u64> = FeedbackSource::ALL
        .iter()
        .map(|x| s.by_source.get(x).copied().unwrap_or(0))
        .collect();
    let by_sentiment: Vec<u64> = Sentiment::ALL
        .iter()
        .map(|x| s.by_sentiment.get(x).copied().unwrap_or(0))
        .collect();
    let (sources, total_a) = group(&by_source, audience, policy);
    let (sentiments, total_b) = group(&by_sentiment, audience, policy);
    // Both groups add up to the same feedback: shown only if both may show it.
    let total = if total_a.is_suppressed() || total_b.is_suppressed() {
        Published::Suppressed
    } else {
        total_a
    };
    let source_label = |x: FeedbackSource| match x {
        FeedbackSource::Child => "Children",
        FeedbackSource::Parent => "Parents",
        FeedbackSource::Carer => "Carers",
        FeedbackSource::FamilyMember => "Other family members",
        FeedbackSource::Professional => "Professionals",
    };
    let sentiment_label = |x: Sentiment| match x {
        Sentiment::Positive => "Positive",
        Sentiment::Mixed => "Mixed",
        Sentiment::Negative => "Negative",
    };
    let mut feedback_rows: Vec<Vec<Cell>> = FeedbackSource::ALL
        .iter()
        .zip(&sources)
        .map(|(x, c)| vec![text("From"), text(source_label(*x)), Cell::Count(*c)])
        .collect();
    feedback_rows.extend(Sentiment::ALL.iter().zip(&sentiments).map(|(x, c)| {
        vec![
            text("Sentiment"),
            text(sentiment_label(*x)),
            Cell::Count(*c),
        ]
    }));
    feedback_rows.push(vec![text("All feedback"), text(""), Cell::Count(total)]);
    let positive = disclosure::percentage(&sentiments[0], &total);
    let mut blocks = vec![
        Block::Paragraph(format!(
            "What children, families and carers told the service in {q} ({} to {}): feedback \
             by who gave it and how it felt, participation events, and colleagues' nominations \
             for practice that made a difference. {} of feedback was positive.",
            long_date(from),
            long_date(to),
            match positive {
                PublishedValue::Value(v) => format!("{v:.0}%"),
                other => format!("A share withheld ({other})"),
            }
        )),
        Block::Table(Table {
            id: "voice_feedback".to_string(),
            title: format!("Feedback from children and families, {q}"),
            columns: columns(&["Grouped by", "Group", "Feedback"]),
            rows: feedback_rows,
            note: None,
        }),
    ];
    let mut events: Vec<_> = data
        .events
        .iter()
        .filter(|e| from <= e.date && e.date <= to)
        .collect();
    events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let children = each(
        &events
            .iter()
            .map(|e| u64::from(e.children))
            .collect::<Vec<_>>(),
        audience,
        policy,
    );
    let adults = each(
        &events
            .iter()
            .map(|e| u64::from(e.adults))
            .collect::<Vec<_>>(),
        audience,
        policy,
    );
    blocks.push(Block::Table(Table {
        id: "voice_events".to_string(),
        title: format!("Participation events, {q}"),
        columns: columns(&[
            "Date",
            "Event",
            "Team",
            "Children attending",
            "Adults attending",
        ]),
        rows: events
            .iter()
            .zip(children.iter().zip(&adults))
            .map(|(e, (c, a))| {
                vec![
                    text(long_date(e.date)),
                    text(e.name.clone()),
                    text(e.team.clone()),
                    Cell::Count(*c),
                    Cell::Count(*a),
                ]
            })
            .collect(),
        note: events
            .is_empty()
            .then(|| "No participation event was recorded in the quarter.".to_string()),
    }));
    let teams: Vec<(&String, &u64)> = s.nominations_by_team.iter().collect();
    let (cells, nominations) = group(
        &teams.iter().map(|(_, n)| **n).collect::<Vec<_>>(),
        audience,
        policy,
    );
    let mut rows: Vec<Vec<Cell>> = teams
        .iter()
        .zip(cells)
        .map(|((t, _), c)| {
            vec![
                text(if t.is_empty() {
                    "No team given"
                } else {
                    t.as_str()
                }),
                Cell::Count(c),
            ]
        })
        .collect();
    rows.push(vec![text("All teams"), Cell::Count(nominations)]);
    blocks.push(Block::Table(Table {
        id: "voice_nominations".to_string(),
        title: format!("Making the Difference nominations by team, {q}"),
        columns: columns(&["Team", "Nominations"]),
        rows,
        note: None,
    }));
    let counts: Vec<u64> = s.themes.iter().map(|(_, n)| *n).collect();
    let cells = each(&counts, audience, policy);
    blocks.push(Block::Table(Table {
        id: "voice_themes".to_string(),
        title: format!("Themes of feedback, events and nominations, {q}"),
        columns: columns(&["Theme", "Times named"]),
        rows: s
            .themes
            .iter()
            .zip(cells)
            .map(|((t, _), c)| vec![text(theme_label(t.as_str())), Cell::Count(c)])
            .collect(),
        note: None,
    }));
    blocks
}

/// The workforce: posts by discipline, starters and leavers, and caseloads.
pub(crate) fn workforce_section(inputs: &Inputs<'_>) -> Section {
    let (audience, policy) = (inputs.audience, inputs.policy);
    let q = inputs.quarter;
    let day = q.end();
    let posts = inputs.assurance.map_or(&[][..], |a| a.posts.as_slice());
    let mut blocks = vec![Block::Paragraph(format!(
        "A stable workforce with manageable caseloads: the established posts on {} by \
         discipline, filled by the council's own staff or by agency staff, or vacant; who \
         started and left in {q}; and each social worker's caseload (children allocated to them) \
         on that day.",
        long_date(day)
    ))];
    if posts.is_empty() {
        blocks.push(Block::Paragraph(
            "No workforce posts are stored (harbour workforce import), so posts, vacancies and \
             turnover are not shown."
                .to_string(),
        ));
    } else {
        let (by_role, _) = workforce::posts_on(posts, day);
        let roles: Vec<WorkerRole> = by_role.keys().copied().collect();
        let grid: Vec<Vec<u64>> = roles
            .iter()
            .map(|r| {
                let c = by_role[r];
                vec![c.filled - c.agency, c.agency, c.vacant]
            })
            .collect();
        let (cells, row_totals, column_totals, grand) =
            grid_with_all_totals(&grid, audience, policy);
        let mut rows: Vec<Vec<Cell>> = roles
            .iter()
            .zip(cells.iter().zip(&row_totals))
            .map(|(r, (c, t))| {
                let filled = sum(&c[..2]);
                vec![
                    text(r.description()),
                    Cell::Count(*t),
                    Cell::Count(c[0]),
                    Cell::Count(c[1]),
                    Cell::Count(c[2]),
                    pct(c[2], *t),
                    pct(c[1], filled),
                ]
            })
            .collect();
        let filled = sum(&column_totals[..2]);
        rows.push(vec![
            text("All posts"),
            Cell::Count(grand),
            Cell::Count(column_totals[0]),
            Cell::Count(column_totals[1]),
            Cell::Count(column_totals[2]),
            pct(column_totals[2], grand),
            pct(column_totals[1], filled),
        ]);
        blocks.push(Block::Table(Table {
            id: "workforce_posts".to_string(),
            title: format!("Posts by discipline, {}", long_date(day)),
            columns: columns(&[
                "Discipline",
                "Posts",
                "Employed",
                "Agency",
                "Vacant",
                "Vacancy rate",
                "Agency rate (% of filled)",
            ]),
            rows,
            note: None,
        }));
        let (starters, leavers) = workforce::starters_and_leavers(posts, q.start(), day);
        let cells = each(&[starters, leavers], audience, policy);
        blocks.push(Block::Table(Table {
            id: "workforce_turnover".to_string(),
            title: format!("Starters and leavers, {q}"),
            columns: columns(&["", "Workers"]),
            rows: vec![
                vec![text("Started"), Cell::Count(cells[0])],
                vec![text("Left"), Cell::Count(cells[1])],
            ],
            note: Some("A move between posts is neither a start nor a leaving.".to_string()),
        }));
    }
    let loads = workforce::caseloads(inputs.dataset, day);
    let cs = workforce::summarise_caseloads(&loads, workforce::DEFAULT_CASELOAD_THRESHOLD);
    let band_counts: Vec<u64> = cs.bands.iter().map(|(_, n)| *n).collect();
    let (bands, workers) = group(&band_counts, audience, policy);
    let shown = |v: Option<f64>| Cell::Value {
        value: match (v, workers) {
            (_, Published::Suppressed) => PublishedValue::Suppressed,
            (Some(v), _) => PublishedValue::Value(v),
            (None, _) => PublishedValue::NotApplicable,
        },
        decimals: 1,
        suffix: "",
    };
    let mut rows: Vec<Vec<Cell>> = cs
        .bands
        .iter()
        .zip(&bands)
        .map(|((b, _), c)| vec![text(format!("{b} children")), Cell::Count(*c)])
        .collect();
    rows.push(vec![
        text("All social workers holding cases"),
        Cell::Count(workers),
    ]);
    blocks.push(Block::Chart(Chart {
        kind: ChartKind::Bar,
        spec: report::svg::ChartSpec {
            id: "caseload-bands".to_string(),
            title: format!("Social workers by caseload, {}", long_date(day)),
            y_label: "social workers".to_string(),
            unit: report::svg::Unit::Count,
            y_axis: report::svg::YAxis::Auto,
            points: cs
                .bands
                .iter()
                .zip(&bands)
                .map(|((b, _), c)| report::svg::Point::new(*b, c.count().map(|n| n as f64)))
                .collect(),
        },
        table: Table {
            id: "workforce_caseloads".to_string(),
            title: format!("Caseloads of social workers, {}", long_date(day)),
            columns: columns(&["Caseload", "Social workers"]),
            rows,
            note: None,
        },
    }));
    blocks.push(Block::Table(Table {
        id: "workforce_caseload_summary".to_string(),
        title: "Caseload per social worker".to_string(),
        columns: columns(&["Median", "Mean"]),
        rows: vec![vec![shown(cs.median), shown(cs.mean)]],
        note: Some(
            "Children with a case allocation open to each social worker on the day; a child \
             allocated to two workers counts in both caseloads."
                .to_string(),
        ),
    }));
    Section {
        id: "workforce".to_string(),
        title: "Workforce".to_string(),
        blocks,
    }
}

/// A grid with its row totals, column totals and grand total, protected together. Under control
/// a column or grand total that is not small but would be hidden is a figure shown elsewhere
/// (the scorecard's vacancy and agency rates): then everything but the grand total is withheld.
fn grid_with_all_totals(
    rows: &[Vec<u64>],
    audience: Audience,
    policy: &Policy,
) -> (
    Vec<Vec<Published>>,
    Vec<Published>,
    Vec<Published>,
    Published,
) {
    let columns = rows.first().map_or(0, Vec::len);
    let row_totals: Vec<u64> = rows.iter().map(|r| r.iter().sum()).collect();
    let column_totals: Vec<u64> = (0..columns)
        .map(|c| rows.iter().map(|r| r[c]).sum())
        .collect();
    let grand: u64 = row_totals.iter().sum();
    let count = |n: u64| {
        if audience.needs_control() {
            policy.publish_count(n)
        } else {
            Published::Count(n)
        }
    };
    let withheld = || {
        (
            rows.iter()
                .map(|r| vec![Published::Suppressed; r.len()])
                .collect(),
            vec![Published::Suppressed; rows.len()],
            vec![Published::Suppressed; columns],
            count(grand),
        )
    };
    if rows.is_empty() {
        return (Vec::new(), Vec::new(), vec![count(0); columns], count(0));
    }
    let Ok(table) = CountTable::new(rows.to_vec()) else {
        return withheld();
    };
    let Ok(p) = disclosure::protect_for(&table.with_all_totals(), audience, policy) else {
        return withheld();
    };
    let rt: Vec<Published> = (0..rows.len())
        .map(|i| p.row_total(i).unwrap_or(Published::Suppressed))
        .collect();
    let ct: Vec<Published> = (0..columns)
        .map(|j| p.column_total(j).unwrap_or(Published::Suppressed))
        .collect();
    let g = p.grand_total().unwrap_or(Published::Suppressed);
    let hidden_large = |cells: &[Published], values: &[u64]| {
        cells
            .iter()
            .zip(values)
            .any(|(c, &v)| c.is_suppressed() && !policy.is_small(v))
    };
    // A row total hidden while not small is fine (rows are not shown elsewhere); a column or
    // grand total is the scorecard's.
    if audience.needs_control()
        && (hidden_large(&ct, &column_totals) || hidden_large(&[g], &[grand]))
    {
        // Every part withheld; only the number of posts is shown.
        return (
            rows.iter()
                .map(|r| vec![Published::Suppressed; r.len()])
                .collect(),
            vec![Published::Suppressed; rows.len()],
            vec![Published::Suppressed; columns],
            count(grand),
        );
    }
    (
        (0..rows.len())
            .map(|i| (0..columns).map(|j| p.cell(i, j)).collect())
            .collect(),
        rt,
        ct,
        g,
    )
}

/// Focus Five on the quarter's last day (`metrics::focus_five`): compliance by service with the
/// total, then each standard — the children it applies to, those meeting it and not — with the
/// timescales used. Each row's counts are protected with their total for a controlled audience.
pub(crate) fn focus_five_section(inputs: &Inputs<'_>) -> Section {
    use metrics::focus_five::{Level, Standard, Timescales, focus_five, rollup, total};
    let day = inputs.quarter.end();
    let t = Timescales::from_settings(inputs.settings);
    let rows = focus_five(inputs.dataset, day, &t);
    let audience = inputs.audience;
    let policy = inputs.policy;
    let mut blocks = vec![Block::Paragraph(format!(
        "Focus Five are the service's minimum practice standards for every open child: the \
         chronology up to date; the child visited within timescale (child protection every {} \
         working days, child in need every {} working days, children in care by regulation 28 of \
         the Care Planning Regulations 2010); the assessment authorised within {} working days; \
         the plan reviewed within timescale; and the case supervised within {} month{}. Checked \
         for every child open on {}, working days on the England and Wales bank-holiday calendar.",
        t.cp_visit_working_days,
        t.cin_visit_working_days,
        t.assessment_working_days,
        t.supervision_months,
        if t.supervision_months == 1 { "" } else { "s" },
        long_date(day)
    ))];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "No child was open on {}.",
            long_date(day)
        )));
    } else {
        // By service, and all open children: under control the services and the total are
        // protected together, so no hidden count can be worked out from the total.
        let service_rows: Vec<Vec<Cell>> = if audience.needs_control() {
            metrics::focus_five::publish_by_service(&rows, policy)
                .into_iter()
                .map(|r| {
                    vec![
                        text(r.name),
                        Cell::Count(r.children),
                        Cell::Count(r.compliant),
                        Cell::Count(difference(r.children, r.compliant)),
                        value_cell(r.pct, Unit::Percent),
                    ]
                })
                .collect()
        } else {
            let all = total(&rows);
            rollup(&rows, Level::Service)
                .into_iter()
                .chain(std::iter::once(("All open children".to_string(), all)))
                .map(|(name, c)| {
                    let (yes, children) =
                        (Published::Count(c.compliant), Published::Count(c.children));
                    vec![
                        text(name),
                        Cell::Count(children),
                        Cell::Count(yes),
                        Cell::Count(Published::Count(c.children - c.compliant)),
                        pct(yes, children),
                    ]
                })
                .collect()
        };
        let all = total(&rows);
        blocks.push(Block::Table(Table {
            id: "focus_five_by_service".to_string(),
            title: format!("Focus Five compliance by service, {}", long_date(day)),
            columns: columns(&[
                "Service",
                "Open children",
                "Meeting every standard",
                "Not meeting every standard",
                "% meeting every standard",
            ]),
            rows: service_rows,
            note: Some(
                "A child meets Focus Five when every standard that applies to them is met."
                    .to_string(),
            ),
        }));
        let mut standard_rows = Vec::new();
        for (i, s) in Standard::ALL.iter().enumerate() {
            let (applies, met) = (all.applicable[i], all.met[i]);
            let (cells, children) = group(&[met, applies - met], audience, policy);
            standard_rows.push(vec![
                text(s.title()),
                Cell::Count(children),
                Cell::Count(cells[0]),
                Cell::Count(cells[1]),
                pct(cells[0], children),
            ]);
        }
        blocks.push(Block::Table(Table {
            id: "focus_five_by_standard".to_string(),
            title: format!("Focus Five by standard, {}", long_date(day)),
            columns: columns(&[
                "Standard",
                "Children it applies to",
                "Met",
                "Not met",
                "% met",
            ]),
            rows: standard_rows,
            note: Some(
                "Visits and plan reviews apply to children on a plan or in care; the assessment \
                 to children with an open referral whose assessment falls within the data held."
                    .to_string(),
            ),
        }));
    }
    Section {
        id: "focus-five".to_string(),
        title: "Focus on practice: Focus Five".to_string(),
        blocks,
    }
}

/// The Family Safeguarding partnership report (`metrics::partnership`) on `day`, from the stored
/// partner figures, comparing the `months` months before the month each family's involvement
/// began with the `months` months from it, as the audience may read it: a paragraph naming how
/// many families are compared and their adult workers, and a table of each measure before and
/// after. Under control a count of children from 1 to 5 is `c`, and so is a total of days or
/// events from 1 to 5; every total over the families (days in care, partners' counts,
/// attendance) is withheld when the families compared are that few, since a total over one or
/// two families describes them.
pub fn partnership_blocks(
    dataset: &model::Dataset,
    day: Date,
    months: u32,
    audience: Audience,
    policy: &Policy,
) -> Vec<Block> {
    let r =
        metrics::partnership::partnership_report(dataset, &dataset.partner_figures, day, months);
    let controlled = audience.needs_control();
    let count = |n: u64| {
        if controlled {
            policy.publish_count(n)
        } else {
            Published::Count(n)
        }
    };
    let few = r.families == 0 || (controlled && policy.is_small(r.families));
    let workers: Vec<Published> = r.adult_workers.iter().map(|&n| count(n)).collect();
    let mut blocks = vec![Block::Paragraph(format!(
        "Families compared: {}, those whose Family Safeguarding involvement began at least \
         {months} months before {}, each over the {months} months before the month it began and \
         the {months} months from it. With a domestic abuse worker: {}; a mental health worker: \
         {}; a substance use worker: {}. Partners' figures (police, the acute trust, treatment \
         services, schools) are those loaded into the store (partnership.csv).",
        count(r.families),
        long_date(day),
        workers[0],
        workers[1],
        workers[2],
    ))];
    let mut rows = Vec::new();
    for (i, m) in r.measures.iter().enumerate() {
        let decimals = usize::from(m.measure.contains('%'));
        let number = |v: f64| Cell::Number {
            value: v,
            decimals,
            suffix: "",
        };
        // The first measure counts children; the others are totals or means over families.
        let (before, after, shown) = if i == 0 {
            let (b, a) = (count(m.before as u64), count(m.after as u64));
            let shown = !b.is_suppressed() && !a.is_suppressed();
            (Cell::Count(b), Cell::Count(a), shown)
        } else if few {
            (
                Cell::Count(Published::Suppressed),
                Cell::Count(Published::Suppressed),
                false,
            )
        } else if controlled && decimals == 0 {
            // Totals of days or events: under control, small ones are withheld as counts are.
            let cell = |v: f64| {
                if policy.is_small(v as u64) {
                    Cell::Count(Published::Suppressed)
                } else {
                    number(v)
                }
            };
            let shown = !policy.is_small(m.before as u64) && !policy.is_small(m.after as u64);
            (cell(m.before), cell(m.after), shown)
        } else {
            (number(m.before), number(m.after), true)
        };
        let change = match m.change_pct() {
            Some(c) if shown => format!("{c:+.1}%"),
            _ => String::new(),
        };
        rows.push(vec![text(m.measure), before, after, text(change)]);
    }
    blocks.push(Block::Table(Table {
        id: "partnership".to_string(),
        title: format!(
            "Family Safeguarding partnership: before and after involvement, to {}",
            long_date(day)
        ),
        columns: columns(&["Measure", "Before", "After", "Change"]),
        rows,
        note: Some(
            "Children on a child protection plan: on the day before involvement began and at the \
             end of the window after. Days in care and partners' counts: totals over the \
             families; school attendance: the mean of the monthly figures given."
                .to_string(),
        ),
    }));
    blocks
}
