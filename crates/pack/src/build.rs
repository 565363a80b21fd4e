//! Builds the pack from the data: every figure computed here, once, and put through disclosure
//! control for the audience before it reaches a [`Pack`].

use crate::Quarter;
use crate::placements::{self, CostTable, PlacementType, QuarterPlacements};
use crate::plan::{Plan, Rag};
use crate::recommendations::{self, Recommendation};
use crate::savings::{self, SavingsLine, SavingsRag};
use crate::view::{Block, Cell, Chart, ChartKind, Pack, Section, Table};
use disclosure::{Audience, CountTable, Policy, Published, PublishedValue};
use metrics::{PeriodKind, Population, Series, Settings, Unit};
use model::Dataset;

/// How many months of history the scorecard's trend charts show.
pub const TREND_MONTHS: u32 = 24;
/// How many quarters the Right Child, Right Home view shows.
pub const PLACEMENT_QUARTERS: i32 = 8;

/// Everything the pack is made from.
pub struct Inputs<'a> {
    pub dataset: &'a Dataset,
    pub population: Option<&'a Population>,
    pub settings: &'a Settings,
    pub quarter: Quarter,
    pub audience: Audience,
    pub policy: &'a Policy,
    /// `indicator_id` and target.
    pub targets: &'a [(String, f64)],
    pub plan: Option<&'a Plan>,
    pub recommendations: Option<&'a [Recommendation]>,
    pub savings: Option<&'a [SavingsLine]>,
    pub costs: Option<&'a CostTable>,
    /// The practice-assurance records (audits, workforce posts, family voice), as stored.
    pub assurance: Option<&'a assurance::AssuranceData>,
    pub provenance: &'a Provenance,
}

/// Where the pack's figures come from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    /// `harbour 0.1.0`.
    pub generator: String,
    /// When the pack was made (RFC 3339, UTC).
    pub generated_at: String,
    /// The store, without credentials: `SQLite file harbour.db` or `PostgreSQL database …`.
    pub store: String,
    pub loads: Vec<LoadLine>,
    /// The pack's own input files: name and SHA-256.
    pub inputs: Vec<(String, String)>,
    /// The validation rule sets Harbour applies, e.g. `CIN census 2025-26: 108 rules`.
    pub rule_sets: Vec<String>,
    /// Where the population for rates per 10,000 comes from, if there is one.
    pub population: Option<String>,
}

/// One load of the store.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadLine {
    pub load_id: i64,
    pub loaded_at: String,
    pub loaded_by: String,
    /// Name, return, collection year, SHA-256.
    pub files: Vec<(String, String, Option<i16>, String)>,
}

/// Builds the pack.
pub fn build(inputs: &Inputs<'_>) -> Pack {
    let q = inputs.quarter;
    let controlled = inputs.audience.needs_control();
    let mut sections = vec![scorecard_section(inputs)];
    if let Some(plan) = inputs.plan {
        sections.push(plan_section(plan, q));
    }
    sections.push(crate::practice::focus_five_section(inputs));
    sections.push(family_safeguarding_section(inputs));
    sections.push(crate::practice::workforce_section(inputs));
    sections.push(budget_section(inputs));
    if let Some(recs) = inputs.recommendations {
        sections.push(recommendations_section(recs, q));
    }
    sections.push(provenance_section(inputs));
    Pack {
        title: "Children's services: scrutiny pack".to_string(),
        period: q.to_string(),
        period_dates: format!("{} to {}", long_date(q.start()), long_date(q.end())),
        audience: if controlled { "scrutiny" } else { "internal" },
        audience_note: if controlled {
            format!(
                "For the scrutiny panel: counts of children from 1 to {} are shown as c, and so is \
                 any figure that would let one be worked out; rates and percentages made from them \
                 are withheld too. No child can be identified from this pack.",
                inputs.policy.smallest_shown() - 1
            )
        } else {
            "Internal: exact figures, for council staff only. Do not circulate beyond the service."
                .to_string()
        },
        sections,
    }
}

pub(crate) fn long_date(d: jiff::civil::Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

fn month_label(d: jiff::civil::Date) -> String {
    d.strftime("%b %Y").to_string()
}

/// A published figure of an indicator as a cell.
pub(crate) fn value_cell(value: PublishedValue, unit: Unit) -> Cell {
    let (decimals, suffix) = match unit {
        Unit::Percent => (1, "%"),
        Unit::Per10k => (1, ""),
        Unit::Count | Unit::Days => (0, ""),
    };
    Cell::Value {
        value,
        decimals,
        suffix,
    }
}

fn plain_number(value: f64, unit: Unit) -> Cell {
    let (decimals, suffix) = match unit {
        Unit::Percent => (1, "%"),
        Unit::Per10k => (1, ""),
        Unit::Count | Unit::Days => (0, ""),
    };
    Cell::Number {
        value,
        decimals,
        suffix,
    }
}

pub(crate) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn report_unit(unit: Unit) -> (report::svg::Unit, report::svg::YAxis) {
    match unit {
        Unit::Percent => (
            report::svg::Unit::Percent,
            report::svg::YAxis::ZeroToHundred,
        ),
        _ => (report::svg::Unit::Count, report::svg::YAxis::Auto),
    }
}

/// The series of the catalogue, monthly, up to the quarter's end.
fn series(inputs: &Inputs<'_>) -> Vec<Series> {
    let mut m = metrics::Inputs::new(inputs.dataset);
    m.population = inputs.population;
    m.assurance = inputs.assurance;
    metrics::compute_catalogue(
        &m,
        PeriodKind::Month,
        inputs.quarter.end(),
        TREND_MONTHS,
        inputs.settings,
    )
}

/// A trend chart of one indicator with its table, every value as published.
fn trend_chart(s: &Series, audience: Audience, policy: &Policy) -> Chart {
    let def = s.indicator;
    let published: Vec<_> = s
        .points
        .iter()
        .map(|p| metrics::publish::publish(p, def.unit, audience, policy))
        .collect();
    let (unit, y_axis) = report_unit(def.unit);
    let spec = report::svg::ChartSpec {
        id: format!("trend-{}", def.id),
        title: def.title.to_string(),
        y_label: match def.unit {
            Unit::Percent => "%".to_string(),
            Unit::Per10k => "per 10,000 children".to_string(),
            Unit::Days => "days".to_string(),
            Unit::Count => "children".to_string(),
        },
        unit,
        y_axis,
        points: s
            .points
            .iter()
            .zip(&published)
            .map(|(p, f)| report::svg::Point::new(month_label(p.period_end), f.value.value()))
            .collect(),
    };
    let has_denominator = s.points.iter().any(|p| p.denominator.is_some());
    let mut columns = vec!["Month".to_string(), def.numerator.to_string()];
    if has_denominator {
        columns.push(def.denominator.to_string());
    }
    columns.push("Value".to_string());
    let rows = s
        .points
        .iter()
        .zip(&published)
        .map(|(p, f)| {
            let mut row = vec![text(month_label(p.period_end)), Cell::Count(f.numerator)];
            if has_denominator {
                row.push(f.denominator.map_or(Cell::Empty, Cell::Count));
            }
            row.push(value_cell(f.value, def.unit));
            row
        })
        .collect();
    Chart {
        kind: ChartKind::Line,
        spec,
        table: Table {
            id: format!("trend_{}", def.id),
            title: format!("{}: monthly figures", def.title),
            columns,
            rows,
            note: (!s.settings.is_empty()).then(|| format!("Settings in force: {}", s.settings)),
        },
    }
}

fn scorecard_section(inputs: &Inputs<'_>) -> Section {
    let all = series(inputs);
    let england = benchmarks::england_latest().unwrap_or_default();
    let mut rows = Vec::new();
    let mut charts = Vec::new();
    for s in &all {
        let def = s.indicator;
        if s.points.is_empty() {
            continue;
        }
        let target = inputs
            .targets
            .iter()
            .find(|(id, _)| id == def.id)
            .map(|(_, t)| *t);
        // England's figures are for years to 31 March: only shares and means compare with a month.
        let bench = england
            .iter()
            .filter(|b| {
                b.indicator_id == def.id
                    && metrics::oba::comparable_with_england(def.unit, PeriodKind::Month)
            })
            .max_by_key(|b| b.year);
        let shown = metrics::oba::published_card(
            s,
            target,
            bench.and_then(|b| b.value),
            inputs.audience,
            inputs.policy,
        );
        let card = &shown.card;
        let published_value = shown
            .latest
            .as_ref()
            .map_or(PublishedValue::NotApplicable, |f| f.value);
        let withheld = shown.withheld;
        let rag = |r: metrics::oba::Rag| {
            if withheld { text("") } else { text(r.label()) }
        };
        let forecast = if shown.forecast_withheld {
            text("c")
        } else {
            shown.forecast.as_ref().map_or(Cell::Empty, |f| {
                let d = if def.unit == Unit::Percent || def.unit == Unit::Per10k {
                    1
                } else {
                    0
                };
                text(format!("{:.d$} ({:.d$} to {:.d$})", f.value, f.low, f.high))
            })
        };
        rows.push(vec![
            text(def.title),
            text(def.quadrant.label()),
            value_cell(published_value, def.unit),
            target.map_or(Cell::Empty, |t| plain_number(t, def.unit)),
            rag(card.against_target),
            bench
                .and_then(|b| b.value)
                .map_or(Cell::Empty, |v| plain_number(v, def.unit)),
            rag(card.against_benchmark),
            forecast,
        ]);
        charts.push(Block::Chart(trend_chart(s, inputs.audience, inputs.policy)));
    }
    let month = month_label(inputs.quarter.end());
    let mut blocks = vec![
        Block::Paragraph(format!(
            "Each indicator's figure for {month}, the last month of the quarter, with its target, \
             England's latest figure and a red, amber or green rating against each (amber within 5% \
             of the target or benchmark). The forecast is for the next month: {}. Contextual \
             indicators are not rated.",
            metrics::oba::FORECAST_METHOD
        )),
        Block::Table(Table {
            id: "scorecard".to_string(),
            title: format!("OBA scorecard, {month}"),
            columns: [
                "Indicator",
                "OBA quadrant",
                "Latest",
                "Target",
                "Against target",
                "England",
                "Against England",
                "Forecast next month (80% interval)",
            ]
            .map(str::to_string)
            .to_vec(),
            rows,
            note: Some(
                "England: the latest published figure shipped with Harbour (DfE statistics); only \
                 percentages and durations are compared with a month's figure."
                    .to_string(),
            ),
        }),
    ];
    blocks.extend(charts);
    Section {
        id: "aiming-higher-scorecard".to_string(),
        title: "Aiming Higher: the scorecard".to_string(),
        blocks,
    }
}

fn plan_section(plan: &Plan, q: Quarter) -> Section {
    let on = q.end();
    let progress = plan.progress(on);
    let count = |n: usize| Cell::Number {
        value: n as f64,
        decimals: 0,
        suffix: "",
    };
    let progress_rows = progress
        .iter()
        .map(|w| {
            vec![
                text(w.workstream.clone()),
                count(w.milestones),
                count(w.done),
                count(w.green),
                count(w.amber),
                count(w.red),
                count(w.not_due),
            ]
        })
        .collect();
    let milestone_rows = plan
        .as_at(on)
        .into_iter()
        .filter(|m| {
            (m.milestone.from <= q && q <= m.milestone.until)
                || m.rag == Rag::Red
                || m.rag == Rag::Amber
        })
        .map(|m| {
            let quarters = if m.milestone.from == m.milestone.until {
                m.milestone.from.to_string()
            } else {
                format!("{} to {}", m.milestone.from, m.milestone.until)
            };
            vec![
                text(m.milestone.workstream.clone()),
                text(m.milestone.item.clone()),
                text(m.milestone.milestone.clone()),
                text(quarters),
                text(m.milestone.owner.clone().unwrap_or_default()),
                text(m.status.label()),
                text(m.rag.label()),
                text(
                    m.last_update
                        .map(|u| {
                            format!(
                                "{}: {}",
                                u.date,
                                u.note
                                    .clone()
                                    .unwrap_or_else(|| u.status.label().to_string())
                            )
                        })
                        .unwrap_or_default(),
                ),
                text(m.milestone.evidence.join("; ")),
            ]
        })
        .collect();
    Section {
        id: "aiming-higher-plan".to_string(),
        title: "Aiming Higher: improvement plan progress".to_string(),
        blocks: vec![
            Block::Paragraph(format!(
                "The improvement plan as it stood on {}: each milestone's latest reported status, \
                 rated red when its last quarter has passed and it is not done, amber when at risk \
                 or due to have started and not started, green when on track or done.",
                long_date(on)
            )),
            Block::Table(Table {
                id: "plan_progress".to_string(),
                title: "Milestones by workstream".to_string(),
                columns: [
                    "Workstream",
                    "Milestones",
                    "Done",
                    "Green",
                    "Amber",
                    "Red",
                    "Not yet due",
                ]
                .map(str::to_string)
                .to_vec(),
                rows: progress_rows,
                note: None,
            }),
            Block::Table(Table {
                id: "plan_milestones".to_string(),
                title: format!("Milestones due in {q}, and any at risk or overdue"),
                columns: [
                    "Workstream",
                    "Item",
                    "Milestone",
                    "Quarters",
                    "Owner",
                    "Status",
                    "RAG",
                    "Latest update",
                    "Evidence",
                ]
                .map(str::to_string)
                .to_vec(),
                rows: milestone_rows,
                note: None,
            }),
        ],
    }
}

fn family_safeguarding_section(inputs: &Inputs<'_>) -> Section {
    let mut m = metrics::Inputs::new(inputs.dataset);
    m.population = inputs.population;
    m.assurance = inputs.assurance;
    let periods = metrics::periods(PeriodKind::Month, inputs.quarter.end(), TREND_MONTHS);
    let mut blocks = vec![Block::Paragraph(
        "Family Safeguarding brings adult workers (domestic abuse, mental health, substance use) \
         into children's teams. Its measures: how many children it supports, and whether fewer \
         children escalate from a child in need plan to child protection, or from a plan into care; \
         then what audits find about practice, and what families say."
            .to_string(),
    )];
    for id in metrics::SEED_MEASURES {
        if let Some(def) = metrics::indicator(id) {
            let s = metrics::compute_series(def, &m, &periods, inputs.settings);
            blocks.push(Block::Chart(trend_chart(
                &s,
                inputs.audience,
                inputs.policy,
            )));
        }
    }
    blocks.extend(crate::practice::partnership_blocks(
        inputs.dataset,
        inputs.quarter.end(),
        12,
        inputs.audience,
        inputs.policy,
    ));
    blocks.extend(crate::practice::assurance_blocks(inputs));
    Section {
        id: "family-safeguarding".to_string(),
        title: "Family Safeguarding".to_string(),
        blocks,
    }
}

/// Placement types as the audience sees them: every type internally; for a controlled audience
/// four broad groups, so that fewer cells are small.
fn placement_groups(audience: Audience) -> Vec<(&'static str, Vec<PlacementType>)> {
    if audience.needs_control() {
        vec![
            (
                "Fostering",
                vec![
                    PlacementType::KinshipFostering,
                    PlacementType::LaFostering,
                    PlacementType::AgencyFostering,
                ],
            ),
            (
                "Residential (children's homes, secure)",
                vec![
                    PlacementType::ChildrensHome,
                    PlacementType::SecureChildrensHome,
                ],
            ),
            (
                "Supported accommodation",
                vec![PlacementType::SupportedAccommodation],
            ),
            (
                "Other (with parents, for adoption, other)",
                vec![
                    PlacementType::OtherResidential,
                    PlacementType::WithParents,
                    PlacementType::Adoption,
                    PlacementType::Other,
                ],
            ),
        ]
    } else {
        PlacementType::ALL
            .into_iter()
            .map(|t| (t.label(), vec![t]))
            .collect()
    }
}

/// A grid of counts (groups × quarters) with its column totals, protected for the audience.
fn protected_grid(
    grid: Vec<Vec<u64>>,
    audience: Audience,
    policy: &Policy,
) -> (Vec<Vec<Published>>, Vec<Published>) {
    let columns = grid.first().map_or(0, Vec::len);
    if !audience.needs_control() {
        let totals = (0..columns)
            .map(|c| Published::Count(grid.iter().map(|r| r[c]).sum()))
            .collect();
        let cells = grid
            .into_iter()
            .map(|r| r.into_iter().map(Published::Count).collect())
            .collect();
        return (cells, totals);
    }
    let rows = grid.len();
    match CountTable::new(grid).map(CountTable::with_column_totals) {
        Ok(table) => match disclosure::protect(&table, policy) {
            Ok(p) => (
                (0..rows)
                    .map(|r| (0..columns).map(|c| p.cell(r, c)).collect())
                    .collect(),
                (0..columns)
                    .map(|c| p.column_total(c).unwrap_or(Published::Suppressed))
                    .collect(),
            ),
            // A grid that cannot be protected is withheld whole.
            Err(_) => (
                vec![vec![Published::Suppressed; columns]; rows],
                vec![Published::Suppressed; columns],
            ),
        },
        Err(_) => (Vec::new(), Vec::new()),
    }
}

fn budget_section(inputs: &Inputs<'_>) -> Section {
    let q = inputs.quarter;
    let mut blocks = Vec::new();
    if let Some(lines) = inputs.savings {
        let rows = savings::year_to_date(lines, q)
            .into_iter()
            .map(|y| {
                let pct = (y.target_to_date_gbp > 0)
                    .then(|| y.delivered_to_date_gbp as f64 * 100.0 / y.target_to_date_gbp as f64);
                vec![
                    text(y.directorate),
                    Cell::Pounds(Some(y.year_target_gbp)),
                    Cell::Pounds(Some(y.target_to_date_gbp)),
                    Cell::Pounds(Some(y.delivered_to_date_gbp)),
                    pct.map_or(Cell::Empty, |p| Cell::Number {
                        value: p,
                        decimals: 1,
                        suffix: "%",
                    }),
                    text(y.rag.label()),
                ]
            })
            .collect::<Vec<_>>();
        blocks.push(Block::Paragraph(format!(
            "Savings delivered against each directorate's targets for {} up to the end of {q}: \
             green when delivery to date meets the target to date, amber from 90%, red below; \
             \"{}\" while a quarter's delivery is not yet reported.",
            q.year,
            SavingsRag::NotReported.label()
        )));
        blocks.push(Block::Table(Table {
            id: "savings".to_string(),
            title: format!("Savings against targets, {} to the end of {q}", q.year),
            columns: [
                "Directorate",
                "Year's target",
                "Target to date",
                "Delivered to date",
                "Delivered (% of target to date)",
                "RAG",
            ]
            .map(str::to_string)
            .to_vec(),
            rows,
            note: None,
        }));
    }
    let quarters = q.plus(1 - PLACEMENT_QUARTERS).through(q);
    let empty_costs = CostTable::default();
    let costs = inputs.costs.unwrap_or(&empty_costs);
    let figures = placements::by_quarter(inputs.dataset, costs, &quarters);
    blocks.extend(right_child_right_home(
        &figures,
        inputs,
        inputs.costs.is_some(),
    ));
    Section {
        id: "budget".to_string(),
        title: "Budget: savings and placements (Right Child, Right Home)".to_string(),
        blocks,
    }
}

fn right_child_right_home(
    figures: &[QuarterPlacements],
    inputs: &Inputs<'_>,
    priced: bool,
) -> Vec<Block> {
    let groups = placement_groups(inputs.audience);
    let sum = |qp: &QuarterPlacements,
               types: &[PlacementType],
               f: fn(&placements::TypeFigures) -> u64| {
        qp.by_type
            .iter()
            .filter(|t| types.contains(&t.placement_type))
            .map(f)
            .sum::<u64>()
    };
    let at_end: Vec<Vec<u64>> = groups
        .iter()
        .map(|(_, types)| {
            figures
                .iter()
                .map(|qp| sum(qp, types, |t| t.children_at_end))
                .collect()
        })
        .collect();
    let placed: Vec<Vec<u64>> = groups
        .iter()
        .map(|(_, types)| {
            figures
                .iter()
                .map(|qp| sum(qp, types, |t| t.children_in_quarter))
                .collect()
        })
        .collect();
    let (mix, mix_totals) = protected_grid(at_end, inputs.audience, inputs.policy);
    let (placed_cells, _) = protected_grid(placed, inputs.audience, inputs.policy);
    let quarter_names: Vec<String> = figures.iter().map(|f| f.quarter.to_string()).collect();
    let mut columns = vec!["Placement type".to_string()];
    columns.extend(quarter_names.iter().cloned());
    let mut mix_rows: Vec<Vec<Cell>> = groups
        .iter()
        .zip(&mix)
        .map(|((label, _), cells)| {
            let mut row = vec![text(*label)];
            row.extend(cells.iter().map(|c| Cell::Count(*c)));
            row
        })
        .collect();
    let mut total_row = vec![text("All children looked after")];
    total_row.extend(mix_totals.iter().map(|c| Cell::Count(*c)));
    mix_rows.push(total_row);

    // Residential against fostering: the first two groups of a controlled audience are exactly
    // those; internally, the sums of their types. Both come from the protected grid, so the chart
    // shows nothing the table withholds.
    let share = |group_types: fn(PlacementType) -> bool| -> Vec<Option<f64>> {
        (0..figures.len())
            .map(|c| {
                let mut total = 0u64;
                for (i, (_, types)) in groups.iter().enumerate() {
                    if types.iter().all(|t| group_types(*t)) {
                        total += mix[i][c].count()?;
                    }
                }
                Some(total as f64)
            })
            .collect()
    };
    let residential = share(PlacementType::is_residential);
    let fostering = share(PlacementType::is_fostering);
    let ratio: Vec<Option<f64>> = residential
        .iter()
        .zip(&fostering)
        .map(|(r, f)| match (r, f) {
            (Some(r), Some(f)) if r + f > 0.0 => Some(r * 100.0 / (r + f)),
            _ => None,
        })
        .collect();
    let mut blocks = vec![
        Block::Paragraph(
            "Where children in care live, at the end of each quarter, and what their placements \
             cost. Right Child, Right Home aims for more children in family settings and fewer in \
             residential care."
                .to_string(),
        ),
        Block::Table(Table {
            id: "placement_mix".to_string(),
            title: "Children looked after at the end of each quarter, by placement type"
                .to_string(),
            columns: columns.clone(),
            rows: mix_rows,
            note: None,
        }),
        Block::Chart(Chart {
            kind: ChartKind::Line,
            spec: report::svg::ChartSpec {
                id: "residential-share".to_string(),
                title: "Residential placements as a share of residential and foster placements"
                    .to_string(),
                y_label: "% of children in residential or foster care".to_string(),
                unit: report::svg::Unit::Percent,
                y_axis: report::svg::YAxis::ZeroToHundred,
                points: quarter_names
                    .iter()
                    .zip(&ratio)
                    .map(|(q, v)| report::svg::Point::new(q.clone(), *v))
                    .collect(),
            },
            table: Table {
                id: "residential_share".to_string(),
                title: "Residential against fostering".to_string(),
                columns: ["Quarter", "Residential", "Fostering", "Residential share"]
                    .map(str::to_string)
                    .to_vec(),
                rows: quarter_names
                    .iter()
                    .enumerate()
                    .map(|(i, q)| {
                        let count = |v: Option<f64>| {
                            Cell::Count(
                                v.map_or(Published::Suppressed, |v| Published::Count(v as u64)),
                            )
                        };
                        vec![
                            text(q.clone()),
                            count(residential[i]),
                            count(fostering[i]),
                            value_cell(
                                ratio[i].map_or(PublishedValue::Suppressed, PublishedValue::Value),
                                Unit::Percent,
                            ),
                        ]
                    })
                    .collect(),
                note: None,
            },
        }),
    ];
    if !priced {
        blocks.push(Block::Paragraph(
            "Placement spend is not shown: no weekly cost table was given (placement_costs.csv)."
                .to_string(),
        ));
        return blocks;
    }
    // Spend by group: withheld wherever the count of children placed in the group that quarter
    // is, so that no child's placement cost can be read off.
    let spend: Vec<Vec<Cell>> = groups
        .iter()
        .zip(&placed_cells)
        .map(|((label, types), cells)| {
            let mut row = vec![text(*label)];
            for (c, qp) in figures.iter().enumerate() {
                let pounds: i64 = qp
                    .by_type
                    .iter()
                    .filter(|t| types.contains(&t.placement_type))
                    .map(|t| t.spend_gbp)
                    .sum();
                row.push(Cell::Pounds((!cells[c].is_suppressed()).then_some(pounds)));
            }
            row
        })
        .collect();
    let mut spend_rows = spend;
    let mut total = vec![text("All placements")];
    total.extend(figures.iter().map(|qp| Cell::Pounds(Some(qp.spend_gbp()))));
    spend_rows.push(total);
    let unpriced: i64 = figures.iter().map(QuarterPlacements::unpriced_days).sum();
    blocks.push(Block::Chart(Chart {
        kind: ChartKind::Bar,
        spec: report::svg::ChartSpec {
            id: "placement-spend".to_string(),
            title: "Placement spend by quarter".to_string(),
            y_label: "£".to_string(),
            unit: report::svg::Unit::Count,
            y_axis: report::svg::YAxis::Auto,
            points: figures
                .iter()
                .map(|qp| report::svg::Point::new(qp.quarter.to_string(), Some(qp.spend_gbp() as f64)))
                .collect(),
        },
        table: Table {
            id: "placement_spend".to_string(),
            title: "Placement spend by placement type and quarter (weekly cost table × days in care)".to_string(),
            columns,
            rows: spend_rows,
            note: (unpriced > 0).then(|| {
                format!(
                    "{} days in care were in placements the cost table does not price; they are not in the spend.",
                    crate::view::thousands(unpriced)
                )
            }),
        },
    }));
    blocks
}

fn recommendations_section(recs: &[Recommendation], q: Quarter) -> Section {
    let on = q.end();
    let s = recommendations::summary(recs, on);
    let rows = recommendations::as_at(recs, on)
        .into_iter()
        .map(|r| {
            let rec = r.recommendation;
            vec![
                text(rec.id.clone()),
                text(rec.meeting_date.to_string()),
                text(rec.recommendation.clone()),
                text(rec.owner.clone().unwrap_or_default()),
                text(rec.response.clone().unwrap_or_default()),
                text(if r.overdue {
                    format!("{} (overdue)", r.status.label())
                } else {
                    r.status.label().to_string()
                }),
                text(rec.due_date.map(|d| d.to_string()).unwrap_or_default()),
            ]
        })
        .collect();
    Section {
        id: "recommendations".to_string(),
        title: "Scrutiny panel recommendations".to_string(),
        blocks: vec![
            Block::Paragraph(format!(
                "{} recommendations made by {}: {} done, {} in progress, {} open, {} declined; {} overdue.",
                s.total,
                long_date(on),
                s.done,
                s.in_progress,
                s.open,
                s.declined,
                s.overdue
            )),
            Block::Table(Table {
                id: "recommendations".to_string(),
                title: "Recommendations and responses".to_string(),
                columns: [
                    "Reference",
                    "Meeting",
                    "Recommendation",
                    "Owner",
                    "Response",
                    "Status",
                    "Due",
                ]
                .map(str::to_string)
                .to_vec(),
                rows,
                note: None,
            }),
        ],
    }
}

fn provenance_section(inputs: &Inputs<'_>) -> Section {
    let p = inputs.provenance;
    let controlled = inputs.audience.needs_control();
    let mut load_rows = Vec::new();
    for l in &p.loads {
        for (name, kind, year, sha) in &l.files {
            load_rows.push(vec![
                text(l.load_id.to_string()),
                text(l.loaded_at.clone()),
                // Who loaded the data is for staff, not for the panel.
                text(if controlled {
                    String::new()
                } else {
                    l.loaded_by.clone()
                }),
                text(name.clone()),
                text(kind.clone()),
                text(
                    year.map(|y| model::CollectionYear(y).to_string())
                        .unwrap_or_default(),
                ),
                text(sha.clone()),
            ]);
        }
    }
    let mut settings_rows: Vec<Vec<Cell>> = metrics::CATALOGUE
        .iter()
        .flat_map(|d| d.settings.iter().copied())
        .fold(Vec::new(), |mut seen: Vec<metrics::Setting>, s| {
            if !seen.contains(&s) {
                seen.push(s);
            }
            seen
        })
        .into_iter()
        .map(|s| vec![text(inputs.settings.describe_one(s))])
        .collect();
    settings_rows.push(vec![text(p.population.clone().unwrap_or_else(|| {
        "Population aged 0 to 17: none given or loaded, so rates per 10,000 are not shown"
            .to_string()
    }))]);
    settings_rows.push(vec![text(if controlled {
        format!(
            "Disclosure control: counts from 1 to {} shown as c, with secondary suppression",
            inputs.policy.smallest_shown() - 1
        )
    } else {
        "Disclosure control: none (internal audience)".to_string()
    })]);
    let mut input_rows: Vec<Vec<Cell>> = p
        .inputs
        .iter()
        .map(|(name, sha)| vec![text(name.clone()), text(sha.clone())])
        .collect();
    input_rows.extend(p.rule_sets.iter().map(|r| vec![text(r.clone()), text("")]));
    Section {
        id: "provenance".to_string(),
        title: "Provenance".to_string(),
        blocks: vec![
            Block::Paragraph(format!(
                "Made by {} on {} from {}. Every figure is computed from the loads below; the \
                 SHA-256 of each file identifies exactly the data used.",
                p.generator, p.generated_at, p.store
            )),
            Block::Table(Table {
                id: "provenance_loads".to_string(),
                title: "Data loads used".to_string(),
                columns: [
                    "Load",
                    "Loaded at",
                    "Loaded by",
                    "File",
                    "Return",
                    "Year",
                    "SHA-256",
                ]
                .map(str::to_string)
                .to_vec(),
                rows: load_rows,
                note: None,
            }),
            Block::Table(Table {
                id: "provenance_settings".to_string(),
                title: "Settings in force".to_string(),
                columns: vec!["Setting".to_string()],
                rows: settings_rows,
                note: None,
            }),
            Block::Table(Table {
                id: "provenance_inputs".to_string(),
                title: "Pack inputs and rule sets".to_string(),
                columns: ["Input", "SHA-256"].map(str::to_string).to_vec(),
                rows: input_rows,
                note: None,
            }),
        ],
    }
}
