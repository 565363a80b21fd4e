//! The forecast as a section of the internal scrutiny pack (`harbour report --audience
//! internal`): the same figures as the web page, as the pack's tables, so that they appear alike
//! in its HTML, PDF and XLSX. The forecast's children are modelled expectations, not counts of
//! children, and the section is for the internal pack only.

use crate::Forecast;
use pack::view::{Block, Cell, Section, Table};

fn number(value: f64, decimals: usize) -> Cell {
    Cell::Number {
        value,
        decimals,
        suffix: "",
    }
}

fn band(lo: Option<f64>, hi: Option<f64>) -> Cell {
    match (lo, hi) {
        (Some(lo), Some(hi)) => Cell::Text(format!("{lo:.1} to {hi:.1}")),
        _ => Cell::Empty,
    }
}

/// The section: how the forecast was made, each scenario's years against the base, and the
/// savings against the targets when there are any.
pub fn pack_section(f: &Forecast) -> Section {
    let mut blocks = vec![Block::Paragraph(format!(
        "Children in care forecast from {} to {} by placement type and age band, from the daily \
         moves, entries and exits of the year from {} ({}). Figures are central forecasts with \
         the range that holds 90% of {} simulations; costs use the weekly cost table.",
        crate::html::long_date(f.settings.start),
        crate::html::long_date(f.end),
        crate::html::long_date(f.reference_start),
        if f.settings.method.name == "harbour" {
            "Harbour's method"
        } else {
            "cs-demand-model 0.5.1's method"
        },
        f.settings.replicates
    ))];
    if f.without_birth_date > 0 {
        blocks.push(Block::Paragraph(format!(
            "{} children in care with no date of birth are left out.",
            f.without_birth_date
        )));
    }
    blocks.push(Block::Table(Table {
        id: "forecast-years".into(),
        title: "Children in care at the end of each forecast year, and the year's cost".into(),
        columns: [
            "Scenario",
            "Year",
            "Year end",
            "Children",
            "90% range",
            "Cost in the year",
            "Children against the base",
            "Cost against the base",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: f
            .yearly()
            .into_iter()
            .map(|y| {
                vec![
                    Cell::Text(y.scenario.clone()),
                    number(f64::from(y.year), 0),
                    Cell::Text(crate::html::long_date(y.date)),
                    number(y.children, 1),
                    band(y.children_low, y.children_high),
                    Cell::Pounds(Some(y.cost_gbp.round() as i64)),
                    number(y.children - y.base_children, 1),
                    Cell::Pounds(Some((y.cost_gbp - y.base_cost_gbp).round() as i64)),
                ]
            })
            .collect(),
        note: Some(
            "Children are modelled expectations (one decimal place), not counts of children."
                .into(),
        ),
    }));
    if !f.savings.is_empty() {
        blocks.push(Block::Table(Table {
            id: "forecast-savings".into(),
            title: "Forecast savings against the savings targets, by quarter".into(),
            columns: [
                "Scenario",
                "Quarter",
                "Target",
                "Forecast saving",
                "Meets the target",
            ]
            .map(str::to_owned)
            .to_vec(),
            rows: f
                .savings
                .iter()
                .map(|s| {
                    vec![
                        Cell::Text(s.scenario.clone()),
                        Cell::Text(format!(
                            "{}{}",
                            s.quarter,
                            if s.whole_quarter { "" } else { " (part)" }
                        )),
                        Cell::Pounds(Some(s.target_gbp)),
                        Cell::Pounds(Some(s.saving_gbp.round() as i64)),
                        Cell::Text(if s.meets_target { "yes" } else { "no" }.into()),
                    ]
                })
                .collect(),
            note: None,
        }));
    }
    Section {
        id: "forecast".into(),
        title: "Children in care: demand and cost forecast".into(),
        blocks,
    }
}
