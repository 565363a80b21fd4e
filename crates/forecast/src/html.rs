//! The forecast as HTML for the web page and the internal pack: a chart of children in care
//! (SVG: three years observed, the base forecast with its 90% band, each scenario's line) with
//! its figures in a table beside it, then tables by year, by placement and age band, unit costs
//! and savings against targets. GOV.UK Design System classes; every text escaped; no script
//! and no inline style (the band's colour is an SVG presentation attribute).

use crate::{AgeBand, Category, Forecast, STATES};
use std::fmt::Write as _;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn n1(v: f64) -> String {
    format!("{v:.1}")
}

/// Whole pounds with thousands separators: `£1,234,567`, `−£12`.
pub fn pounds(v: f64) -> String {
    let r = v.round() as i64;
    let digits = r.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if r < 0 {
        format!("−£{out}")
    } else {
        format!("£{out}")
    }
}

fn month(d: jiff::civil::Date) -> String {
    const M: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!("{} {}", M[d.month() as usize - 1], d.year())
}

pub(crate) fn long_date(d: jiff::civil::Date) -> String {
    const M: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!("{} {} {}", d.day(), M[d.month() as usize - 1], d.year())
}

/// The chart of children in care: observed, then forecast.
pub fn chart(f: &Forecast, id: &str) -> String {
    let (w, h) = (760.0, 320.0);
    let (left, right, top, bottom) = (56.0, 16.0, 36.0, 40.0);
    let hist: Vec<f64> = f
        .history
        .iter()
        .map(|o| o.children.iter().map(|&v| f64::from(v)).sum())
        .collect();
    let base = &f.runs[0];
    let n_hist = hist.len();
    let n = n_hist + base.dates.len() - 1;
    let totals = |r: &crate::ScenarioRun| -> Vec<f64> {
        r.children.iter().map(|c| c.iter().sum()).collect()
    };
    let bands: Vec<(f64, f64)> = (0..base.dates.len())
        .map(|i| {
            let (lo, hi) = crate::band(
                base.sims
                    .iter()
                    .map(|p| p[i].0.iter().map(|&v| f64::from(v)).sum())
                    .collect(),
            );
            (lo.unwrap_or(f64::NAN), hi.unwrap_or(f64::NAN))
        })
        .collect();
    let mut max: f64 = hist.iter().copied().fold(0.0, f64::max);
    for r in &f.runs {
        max = totals(r).into_iter().fold(max, f64::max);
    }
    max = bands
        .iter()
        .map(|b| b.1)
        .filter(|v| v.is_finite())
        .fold(max, f64::max);
    let step = nice_step(max / 4.0);
    let top_value = (max / step).ceil().max(1.0) * step;
    let x = |i: usize| left + (w - left - right) * i as f64 / (n.max(2) - 1) as f64;
    let y = |v: f64| top + (h - top - bottom) * (1.0 - v / top_value);
    let id = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart chart-line\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">\
<title id=\"{id}-title\">Children in care: observed and forecast</title>\
<desc id=\"{id}-desc\">Children in care on each month's date, observed from {} to {} ({} then), then forecast to {}: {} in the base forecast (90% band {}). The figures are in the table beside the chart.</desc>",
        month(f.history[0].date),
        month(f.settings.start),
        n1(*hist.last().unwrap_or(&0.0)),
        month(f.end),
        n1(*totals(base).last().unwrap_or(&0.0)),
        match bands.last() {
            Some((lo, hi)) if lo.is_finite() => format!("{} to {}", n1(*lo), n1(*hi)),
            _ => "not simulated".to_string(),
        },
    );
    svg.push_str("<g class=\"grid\">");
    let mut v = 0.0;
    while v <= top_value + 1e-9 {
        let _ = write!(
            svg,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            w - right,
            y(v),
            y(v),
            left - 6.0,
            y(v) + 5.0,
            v
        );
        v += step;
    }
    svg.push_str("</g>");
    let _ = write!(
        svg,
        "<text class=\"axis-title\" x=\"{left}\" y=\"20\">Children in care</text><g class=\"x-axis\"><line x1=\"{left}\" x2=\"{}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
        w - right,
        y(0.0),
        y(0.0)
    );
    // A label each year, on the start's month.
    let all_dates: Vec<jiff::civil::Date> = f
        .history
        .iter()
        .map(|o| o.date)
        .chain(base.dates.iter().skip(1).copied())
        .collect();
    for (i, d) in all_dates.iter().enumerate() {
        if d.month() == f.settings.start.month() {
            let anchor = if i + 1 == all_dates.len() {
                "end"
            } else if i == 0 {
                "start"
            } else {
                "middle"
            };
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
                x(i),
                h - 14.0,
                month(*d)
            );
        }
    }
    svg.push_str("</g>");
    // The band.
    if bands.iter().all(|b| b.0.is_finite()) && !base.sims.is_empty() {
        let mut pts = String::new();
        for (k, b) in bands.iter().enumerate() {
            let _ = write!(pts, "{:.1},{:.1} ", x(n_hist - 1 + k), y(b.1));
        }
        for (k, b) in bands.iter().enumerate().rev() {
            let _ = write!(pts, "{:.1},{:.1} ", x(n_hist - 1 + k), y(b.0));
        }
        let _ = write!(
            svg,
            "<polygon points=\"{}\" fill=\"#0072b2\" fill-opacity=\"0.18\"><title>90% band of the base forecast</title></polygon>",
            pts.trim_end()
        );
    }
    let path = |values: &[f64], offset: usize| -> String {
        let mut d = String::new();
        for (k, v) in values.iter().enumerate() {
            let _ = write!(
                d,
                "{}{:.1} {:.1} ",
                if k == 0 { "M" } else { "L" },
                x(offset + k),
                y(*v)
            );
        }
        d.trim_end().to_string()
    };
    let _ = write!(
        svg,
        "<g class=\"series series-1\"><path class=\"line\" fill=\"none\" d=\"{}\"/></g>",
        path(&hist, 0)
    );
    for (k, r) in f.runs.iter().enumerate() {
        let _ = write!(
            svg,
            "<g class=\"series series-{}\"><path class=\"line\" fill=\"none\" stroke-dasharray=\"{}\" d=\"{}\"><title>{}</title></path></g>",
            (k % 3) + 2,
            if k == 0 { "none" } else { "6 4" },
            path(&totals(r), n_hist - 1),
            esc(&r.name)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// What each line of the chart is, by its colour.
fn legend(f: &Forecast) -> String {
    const COLOURS: [&str; 3] = ["orange", "green", "purple"];
    let mut parts = vec!["Blue: observed".to_string()];
    for (k, r) in f.runs.iter().enumerate() {
        parts.push(format!(
            "{}{}: {}",
            COLOURS[k % 3],
            if k == 0 { "" } else { ", dashed" },
            if k == 0 {
                "base forecast (shaded: its 90% band)".to_string()
            } else {
                esc(&r.name)
            }
        ));
    }
    parts.join("; ") + "."
}

fn nice_step(raw: f64) -> f64 {
    if raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if raw <= m * mag {
            return (m * mag).max(1.0);
        }
    }
    10.0 * mag
}

/// The whole section: chart, tables, method. `heading_level` is 2 on the page, 3 in the pack.
pub fn fragment(f: &Forecast, heading_level: u8) -> String {
    let hl = heading_level.clamp(2, 5);
    let mut out = String::new();
    let base = &f.runs[0];
    let _ = write!(
        out,
        "<p class=\"govuk-body\">Rates learnt from {} to {}; forecast from {} to {}, {}. The line is the central forecast; the shaded band holds 90% of {} simulations.</p>",
        long_date(f.reference_start),
        long_date(f.settings.start),
        long_date(f.settings.start),
        long_date(f.end),
        if f.settings.method.name == "harbour" {
            "Harbour's method"
        } else {
            "cs-demand-model 0.5.1's method"
        },
        f.settings.replicates
    );
    if f.without_birth_date > 0 {
        let _ = write!(
            out,
            "<p class=\"govuk-body\">{} children in care with no date of birth are left out.</p>",
            f.without_birth_date
        );
    }
    // Chart and its table.
    let _ = write!(
        out,
        "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\"><figure class=\"app-chart\">{}<figcaption class=\"govuk-body-s\">{}</figcaption></figure></div><div class=\"govuk-grid-column-one-third\">",
        chart(f, "forecast-total"),
        legend(f)
    );
    out.push_str("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">Children in care, observed and forecast (base)</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Date</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Children</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">90% band</th></tr></thead><tbody class=\"govuk-table__body\">");
    for o in f.history.iter().step_by(6) {
        let total: u32 = o.children.iter().sum();
        let _ = write!(
            out,
            "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{} (observed)</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{total}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\"></td></tr>",
            month(o.date)
        );
    }
    for (i, d) in base.dates.iter().enumerate().skip(6).step_by(6) {
        let total: f64 = base.children[i].iter().sum();
        let (lo, hi) = crate::band(
            base.sims
                .iter()
                .map(|p| p[i].0.iter().map(|&v| f64::from(v)).sum())
                .collect(),
        );
        let _ = write!(
            out,
            "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td></tr>",
            month(*d),
            n1(total),
            match (lo, hi) {
                (Some(lo), Some(hi)) => format!("{} to {}", n1(lo), n1(hi)),
                _ => String::new(),
            }
        );
    }
    out.push_str("</tbody></table></div></div>");

    // By year, every scenario against the base.
    let _ = write!(
        out,
        "<h{hl} class=\"govuk-heading-m\">Each year: children at its end and its cost</h{hl}><table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Scenario</th><th scope=\"col\" class=\"govuk-table__header\">Year to</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Children</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">90% band</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Cost</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Against the base</th></tr></thead><tbody class=\"govuk-table__body\">"
    );
    let priced = f.unit_costs.iter().any(|u| u.weekly_gbp.is_some());
    for y in f.yearly() {
        let _ = write!(
            out,
            "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{}</th><td class=\"govuk-table__cell\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td></tr>",
            esc(&y.scenario),
            long_date(y.date),
            n1(y.children),
            match (y.children_low, y.children_high) {
                (Some(lo), Some(hi)) => format!("{} to {}", n1(lo), n1(hi)),
                _ => String::new(),
            },
            if priced {
                pounds(y.cost_gbp)
            } else {
                "not priced".into()
            },
            if y.scenario == "base" {
                String::new()
            } else if priced {
                format!(
                    "{:+.1} children, {}",
                    y.children - y.base_children,
                    pounds(y.cost_gbp - y.base_cost_gbp)
                )
            } else {
                format!("{:+.1} children", y.children - y.base_children)
            }
        );
    }
    out.push_str("</tbody></table>");

    // The base at the end, by placement and age band.
    let last = base.children.len() - 1;
    let _ = write!(
        out,
        "<h{hl} class=\"govuk-heading-m\">Base forecast on {} by placement and age</h{hl}><table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Placement</th>",
        long_date(f.end)
    );
    for b in AgeBand::ALL {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{}</th>",
            b.label()
        );
    }
    out.push_str("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">All ages</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Now</th></tr></thead><tbody class=\"govuk-table__body\">");
    let now = &f.history.last().map(|o| o.children).unwrap_or([0; STATES]);
    for c in Category::ALL {
        let _ = write!(
            out,
            "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{}</th>",
            c.label()
        );
        let mut total = 0.0;
        let mut total_now = 0;
        for b in AgeBand::ALL {
            let s = crate::states::state(b, c);
            total += base.children[last][s];
            total_now += now[s];
            let _ = write!(
                out,
                "<td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td>",
                n1(base.children[last][s])
            );
        }
        let _ = write!(
            out,
            "<td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{total_now}</td></tr>",
            n1(total)
        );
    }
    out.push_str("</tbody></table>");

    // Unit costs.
    let _ = write!(
        out,
        "<h{hl} class=\"govuk-heading-m\">Weekly cost of a placement</h{hl}><table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Placement</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Weekly cost</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Priced days</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Days with no price</th></tr></thead><tbody class=\"govuk-table__body\">"
    );
    for u in &f.unit_costs {
        let _ = write!(
            out,
            "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td></tr>",
            u.placement.label(),
            u.weekly_gbp
                .map(pounds)
                .unwrap_or_else(|| "not priced".into()),
            u.priced_days,
            u.unpriced_days
        );
    }
    out.push_str("</tbody></table>");

    if !f.savings.is_empty() {
        let _ = write!(
            out,
            "<h{hl} class=\"govuk-heading-m\">Savings against the budget's targets</h{hl}><table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Scenario</th><th scope=\"col\" class=\"govuk-table__header\">Quarter</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Target</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Forecast saving</th><th scope=\"col\" class=\"govuk-table__header\">Meets the target</th></tr></thead><tbody class=\"govuk-table__body\">"
        );
        for s in &f.savings {
            let _ = write!(
                out,
                "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{}</th><td class=\"govuk-table__cell\">{}{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td><td class=\"govuk-table__cell\">{}</td></tr>",
                esc(&s.scenario),
                s.quarter,
                if s.whole_quarter { "" } else { " (part)" },
                pounds(s.target_gbp as f64),
                pounds(s.saving_gbp),
                if s.meets_target { "Yes" } else { "No" }
            );
        }
        out.push_str("</tbody></table>");
    }
    out
}
