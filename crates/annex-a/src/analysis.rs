//! A ChAT-style analysis of Annex A (after the Children's Services Analysis Tool councils run on
//! their lists before an inspection): the front door, assessments, section 47 enquiries and
//! conferences, child protection plans, children in care and care leavers, each figure a count
//! and, where it is a share, what it is a share of.
//!
//! It reads only the lists (so it works the same on lists built from the store and on a
//! workbook read in), is pure, and [`html`] lays it out. Counts are exact: it is for analysts,
//! not for publication (the web page shows it to analysts and admins only).
//!
//! Definitions:
//! - contact to referral: a list 1 contact is converted when list 3 has a referral of the same
//!   child on the same day;
//! - re-referral: a list 3 referral of a child with two or more referrals in the 12 months
//!   (its "Number of Referrals in Last 12 Months");
//! - assessment timeliness: working days (England and Wales bank holidays; the start day is day
//!   0, as the CIN census counts) from start to authorisation, in bands; open assessments by how
//!   long they have been open on the inspection date;
//! - S47 to ICPC: enquiries with a conference date; ICPC to plan: conferences whose result was a
//!   plan;
//! - plans by the latest category of abuse and, for plans open on the inspection date, by how
//!   long they have been open;
//! - children in care (no date ceased) by placement type and provider, and by placements in the
//!   12 months (1, 2, 3 or more: stability);
//! - care leavers by eligibility, in touch, suitability of accommodation, and activity
//!   (in education, employment or training: F and P codes; not: G codes).

use crate::{AnnexA, List};
use jiff::ToSpan as _;
use model::Date;
use model::calendar::{Calendar, DayCount};
use serde::Serialize;
use std::collections::BTreeMap;

/// The analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub inspection_date: Date,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub title: String,
    pub tables: Vec<Table>,
}

/// Figures shown together; each a count, and a share of `of` where given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub caption: String,
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub label: String,
    pub count: u64,
    pub of: Option<u64>,
}

impl Figure {
    /// The share as a percentage, one decimal place.
    pub fn percent(&self) -> Option<f64> {
        self.of
            .filter(|&o| o > 0)
            .map(|o| (self.count as f64 * 1000.0 / o as f64).round() / 10.0)
    }
}

impl Analysis {
    /// The figure with this label in the table with this caption.
    pub fn figure(&self, caption: &str, label: &str) -> Option<&Figure> {
        self.sections
            .iter()
            .flat_map(|s| &s.tables)
            .filter(|t| t.caption == caption)
            .flat_map(|t| &t.figures)
            .find(|f| f.label == label)
    }
}

fn fig(label: impl Into<String>, count: usize, of: Option<usize>) -> Figure {
    Figure {
        label: label.into(),
        count: count as u64,
        of: of.map(|o| o as u64),
    }
}

fn table(caption: &str, figures: Vec<Figure>) -> Table {
    Table {
        caption: caption.to_owned(),
        figures,
    }
}

/// Counts by the label of a coded column, in the order of the template's values.
fn by_code(list: &List, heading: &str, rows: &[usize], caption: &str) -> Table {
    let spec = list.spec();
    let Some(col) = spec.index(heading) else {
        return table(caption, vec![]);
    };
    let codes = match spec.columns[col].kind {
        crate::spec::Kind::Coded(c) => Some(c.table()),
        _ => None,
    };
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    let mut blank = 0;
    for &r in rows {
        match list.rows[r][col].as_code() {
            Some(code) => {
                let i = codes
                    .and_then(|t| t.entries.iter().position(|(c, _)| *c == code))
                    .unwrap_or(usize::MAX);
                *counts.entry(i).or_default() += 1;
            }
            None => blank += 1,
        }
    }
    let total = rows.len();
    let mut figures: Vec<Figure> = counts
        .into_iter()
        .map(|(i, n)| {
            let label = codes
                .and_then(|t| t.entries.get(i))
                .map_or("other".to_owned(), |(_, l)| l.clone());
            fig(label, n, Some(total))
        })
        .collect();
    if blank > 0 {
        figures.push(fig("not recorded", blank, Some(total)));
    }
    table(caption, figures)
}

/// The analysis of the lists.
pub fn analyse(annex: &AnnexA) -> Analysis {
    let d = annex.inspection_date;
    let cal = Calendar::england_and_wales_ref();
    let l1 = annex.list(1);
    let l3 = annex.list(3);
    let l4 = annex.list(4);
    let l5 = annex.list(5);
    let l7 = annex.list(7);
    let l8 = annex.list(8);
    let l9 = annex.list(9);
    let mut sections = Vec::new();

    // The front door.
    let referral_days: std::collections::HashSet<(&str, Date)> = (0..l3.rows.len())
        .filter_map(|r| {
            Some((
                l3.cell(r, "Child Unique ID").as_text()?,
                l3.cell(r, "Date of referral").as_date()?,
            ))
        })
        .collect();
    let contacts = l1.rows.len();
    let converted = (0..contacts)
        .filter(|&r| {
            match (
                l1.cell(r, "Child Unique ID").as_text(),
                l1.cell(r, "Date of Contact").as_date(),
            ) {
                (Some(id), Some(date)) => referral_days.contains(&(id, date)),
                _ => false,
            }
        })
        .count();
    let referrals = l3.rows.len();
    let nfa = (0..referrals)
        .filter(|&r| l3.cell(r, "Referral NFA?").as_code() == Some("Y"))
        .count();
    let re = (0..referrals)
        .filter(|&r| {
            l3.cell(r, "Number of Referrals in Last 12 Months")
                .as_count()
                .is_some_and(|n| n >= 2)
        })
        .count();
    let all3: Vec<usize> = (0..referrals).collect();
    sections.push(Section {
        title: "Contacts and referrals".into(),
        tables: vec![
            table(
                "Contacts and referrals in the six months",
                vec![
                    fig("contacts", contacts, None),
                    fig(
                        "contacts that became a referral the same day",
                        converted,
                        Some(contacts),
                    ),
                    fig("referrals", referrals, None),
                    fig("referrals with no further action", nfa, Some(referrals)),
                    fig(
                        "re-referrals (a second or later referral in 12 months)",
                        re,
                        Some(referrals),
                    ),
                ],
            ),
            by_code(l3, "Referral Source", &all3, "Referrals by source"),
        ],
    });

    // Assessments.
    const BANDS: [(i64, i64, &str); 6] = [
        (0, 10, "0 to 10 working days"),
        (11, 20, "11 to 20 working days"),
        (21, 30, "21 to 30 working days"),
        (31, 45, "31 to 45 working days"),
        (46, 60, "46 to 60 working days"),
        (61, i64::MAX, "over 60 working days"),
    ];
    let mut done = [0usize; 6];
    let mut open = [0usize; 6];
    let (mut completed, mut open_total, mut within45) = (0, 0, 0);
    for r in 0..l4.rows.len() {
        let Some(start) = l4.cell(r, "Continuous Assessment Start Date").as_date() else {
            continue;
        };
        let authorised = l4
            .cell(r, "Continuous Assessment Date of Authorisation")
            .as_date();
        let end = authorised.unwrap_or(d);
        let days = cal.working_days_between(start, end, DayCount::StartIsDayZero);
        let band = BANDS
            .iter()
            .position(|&(lo, hi, _)| lo <= days && days <= hi)
            .unwrap_or(0);
        if authorised.is_some() {
            completed += 1;
            done[band] += 1;
            if days <= 45 {
                within45 += 1;
            }
        } else {
            open_total += 1;
            open[band] += 1;
        }
    }
    sections.push(Section {
        title: "Assessments".into(),
        tables: vec![
            table(
                "Assessments",
                vec![
                    fig("assessments", l4.rows.len(), None),
                    fig("completed", completed, Some(l4.rows.len())),
                    fig(
                        "completed within 45 working days",
                        within45,
                        Some(completed),
                    ),
                    fig(
                        "open on the inspection date",
                        open_total,
                        Some(l4.rows.len()),
                    ),
                ],
            ),
            table(
                "Completed assessments by working days taken",
                BANDS
                    .iter()
                    .zip(done)
                    .map(|(b, n)| fig(b.2, n, Some(completed)))
                    .collect(),
            ),
            table(
                "Open assessments by working days open",
                BANDS
                    .iter()
                    .zip(open)
                    .map(|(b, n)| fig(b.2, n, Some(open_total)))
                    .collect(),
            ),
        ],
    });

    // Section 47 and conferences.
    let s47 = l5.rows.len();
    let icpc = (0..s47)
        .filter(|&r| {
            l5.cell(r, "Date of Initial Child Protection Conference")
                .as_date()
                .is_some()
        })
        .count();
    let to_plan = (0..s47)
        .filter(|&r| {
            l5.cell(
                r,
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            )
            .as_code()
                == Some("Y")
        })
        .count();
    let unnecessary = (0..s47)
        .filter(|&r| {
            l5.cell(
                r,
                "Was an Initial Child Protection Conference deemed unnecessary?",
            )
            .as_code()
                == Some("Y")
        })
        .count();
    sections.push(Section {
        title: "Section 47 enquiries and conferences".into(),
        tables: vec![table(
            "Section 47 enquiries and conferences",
            vec![
                fig("section 47 enquiries", s47, None),
                fig("leading to an initial conference", icpc, Some(s47)),
                fig("conference deemed unnecessary", unnecessary, Some(s47)),
                fig("conferences resulting in a plan", to_plan, Some(icpc)),
            ],
        )],
    });

    // Child protection plans.
    let open_plans: Vec<usize> = (0..l7.rows.len())
        .filter(|&r| {
            l7.cell(r, "Child Protection Plan End Date")
                .as_date()
                .is_none()
        })
        .collect();
    const DURATIONS: [(i64, &str); 5] = [
        (3, "under 3 months"),
        (6, "3 to 6 months"),
        (12, "6 to 12 months"),
        (24, "12 to 24 months"),
        (i64::MAX, "2 years or more"),
    ];
    let mut durations = [0usize; 5];
    for &r in &open_plans {
        if let Some(start) = l7.cell(r, "Child Protection Plan Start Date").as_date() {
            let i = DURATIONS
                .iter()
                .position(|&(months, _)| {
                    months == i64::MAX || d < start.saturating_add(months.months())
                })
                .unwrap_or(4);
            durations[i] += 1;
        }
    }
    let second = (0..l7.rows.len())
        .filter(|&r| {
            l7.cell(r, "Number of Previous Child Protection Plans")
                .as_count()
                .is_some_and(|n| n >= 1)
        })
        .count();
    let all7: Vec<usize> = (0..l7.rows.len()).collect();
    sections.push(Section {
        title: "Child protection plans".into(),
        tables: vec![
            table(
                "Child protection plans",
                vec![
                    fig("plans open in the six months", l7.rows.len(), None),
                    fig(
                        "open on the inspection date",
                        open_plans.len(),
                        Some(l7.rows.len()),
                    ),
                    fig(
                        "ended in the six months",
                        l7.rows.len() - open_plans.len(),
                        Some(l7.rows.len()),
                    ),
                    fig("a second or later plan", second, Some(l7.rows.len())),
                ],
            ),
            by_code(
                l7,
                "Latest Category of Abuse",
                &all7,
                "Plans by latest category of abuse",
            ),
            table(
                "Open plans by time on the plan",
                DURATIONS
                    .iter()
                    .zip(durations)
                    .map(|(b, n)| fig(b.1, n, Some(open_plans.len())))
                    .collect(),
            ),
        ],
    });

    // Children in care.
    let in_care: Vec<usize> = (0..l8.rows.len())
        .filter(|&r| {
            l8.cell(r, "Date Ceased to be Looked After")
                .as_date()
                .is_none()
        })
        .collect();
    let mut stability = [0usize; 3];
    for &r in &in_care {
        match l8
            .cell(r, "Number of Placements in the Last 12 months")
            .as_count()
        {
            Some(0 | 1) => stability[0] += 1,
            Some(2) => stability[1] += 1,
            Some(_) => stability[2] += 1,
            None => {}
        }
    }
    let missing = in_care
        .iter()
        .filter(|&&r| {
            l8.cell(
                r,
                "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            )
            .as_count()
            .is_some_and(|n| n > 0)
        })
        .count();
    let n = in_care.len();
    sections.push(Section {
        title: "Children in care".into(),
        tables: vec![
            table(
                "Children in care",
                vec![
                    fig("looked after on the inspection date", n, None),
                    fig(
                        "ceased to be looked after in the six months",
                        l8.rows.len() - n,
                        None,
                    ),
                    fig("missing at least once in 12 months", missing, Some(n)),
                ],
            ),
            by_code(
                l8,
                "Placement Type",
                &in_care,
                "Children in care by placement type",
            ),
            by_code(
                l8,
                "Placement Provider",
                &in_care,
                "Children in care by provider",
            ),
            table(
                "Placements in the last 12 months (stability)",
                vec![
                    fig("1 placement", stability[0], Some(n)),
                    fig("2 placements", stability[1], Some(n)),
                    fig("3 or more placements", stability[2], Some(n)),
                ],
            ),
        ],
    });

    // Care leavers.
    let all9: Vec<usize> = (0..l9.rows.len()).collect();
    let (mut eet, mut neet, mut unknown) = (0, 0, 0);
    for &r in &all9 {
        match l9.cell(r, "Activity Status").as_code() {
            Some(c) if c.starts_with('G') => neet += 1,
            Some(_) => eet += 1,
            None => unknown += 1,
        }
    }
    let m = all9.len();
    sections.push(Section {
        title: "Care leavers".into(),
        tables: vec![
            by_code(
                l9,
                "Eligibility Category",
                &all9,
                "Care leavers by eligibility",
            ),
            by_code(l9, "LA in Touch", &all9, "Care leavers: in touch"),
            by_code(
                l9,
                "Type of Accommodation",
                &all9,
                "Care leavers by type of accommodation",
            ),
            by_code(
                l9,
                "Suitability of Accommodation",
                &all9,
                "Care leavers by suitability of accommodation",
            ),
            table(
                "Care leavers by activity",
                vec![
                    fig("in education, employment or training", eet, Some(m)),
                    fig("not in education, employment or training", neet, Some(m)),
                    fig("not recorded", unknown, Some(m)),
                ],
            ),
        ],
    });

    Analysis {
        inspection_date: d,
        sections,
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The analysis as an HTML fragment (GOV.UK Design System classes; every text escaped).
pub fn html(a: &Analysis) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for s in &a.sections {
        let _ = writeln!(
            out,
            "<h2 class=\"govuk-heading-m\">{}</h2>",
            escape(&s.title)
        );
        for t in &s.tables {
            let _ = writeln!(
                out,
                "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{}</caption>\
                 <thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Figure</th>\
                 <th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Number</th>\
                 <th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">%</th></tr></thead><tbody class=\"govuk-table__body\">",
                escape(&t.caption)
            );
            for f in &t.figures {
                let pct = match (f.of, f.percent()) {
                    (Some(o), Some(p)) => format!("{p:.1}% of {o}"),
                    (Some(_), None) => "–".to_owned(),
                    (None, _) => String::new(),
                };
                let _ = writeln!(
                    out,
                    "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{}</th>\
                     <td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td>\
                     <td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td></tr>",
                    escape(&f.label),
                    f.count,
                    escape(&pct)
                );
            }
            out.push_str("</tbody></table>\n");
        }
    }
    out
}

/// The analysis as a section of the internal scrutiny pack (`harbour report --audience
/// internal`), one table for each of its tables, so that it shows alike in the pack's HTML, PDF
/// and XLSX. Its counts are exact: the section is for the internal pack only.
pub fn pack_section(a: &Analysis) -> pack::view::Section {
    use pack::view::{Block, Cell, Table as PackTable};
    let mut blocks = vec![Block::Paragraph(format!(
        "The Annex A lists Harbour would send Ofsted for an inspection on {}, analysed as the \
         Children's services Analysis Tool (ChAT) does: each figure counts the rows of the lists \
         within their own windows.",
        a.inspection_date.strftime("%-d %B %Y")
    ))];
    let mut n = 0;
    for s in &a.sections {
        for t in &s.tables {
            n += 1;
            blocks.push(Block::Table(PackTable {
                id: format!("annex-a-{n}"),
                title: format!("{}: {}", s.title, t.caption),
                columns: ["", "Count", "Of", "%"].map(str::to_owned).to_vec(),
                rows: t
                    .figures
                    .iter()
                    .map(|f| {
                        vec![
                            Cell::Text(f.label.clone()),
                            Cell::Count(disclosure::Published::Count(f.count)),
                            f.of.map_or(Cell::Empty, |o| {
                                Cell::Count(disclosure::Published::Count(o))
                            }),
                            f.percent().map_or(Cell::Empty, |p| Cell::Number {
                                value: p,
                                decimals: 1,
                                suffix: "%",
                            }),
                        ]
                    })
                    .collect(),
                note: None,
            }));
        }
    }
    pack::view::Section {
        id: "annex-a".into(),
        title: "Annex A analysis".into(),
        blocks,
    }
}
