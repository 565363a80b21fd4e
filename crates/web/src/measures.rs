//! `GET /measures`: "Family Safeguarding: escalation measures": every indicator of the catalogue over the
//! 24 months to the reporting date, each as a chart with the same figures in a table beside it.
//!
//! Only aggregates reach the page: the ids of the children behind each figure, which the metrics
//! return for drill-down, are dropped here and never rendered.

use crate::auth::CurrentUser;
use crate::layout::Chrome;
use crate::{AppError, AppState};
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use metrics::{Observation, Series, Unit};
use model::{CollectionYear, Date};
use store::Role;

/// How many months the page shows, ending with the month of the reporting date.
pub const MONTHS: u32 = 24;

/// The date the figures run to, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportingDate {
    /// Set when the server was started.
    Configured(Date),
    /// 31 March of the latest collection year among the loaded files.
    EndOfCollectionYear(CollectionYear),
    /// Today, because no loaded file names its collection year.
    Today(Date),
}

impl ReportingDate {
    pub fn date(self) -> Date {
        match self {
            ReportingDate::Configured(d) | ReportingDate::Today(d) => d,
            ReportingDate::EndOfCollectionYear(y) => y.end(),
        }
    }

    /// Why this date, in words for the page.
    fn reason(self) -> String {
        match self {
            ReportingDate::Configured(_) => "the reporting date set for this server".to_owned(),
            ReportingDate::EndOfCollectionYear(y) => {
                format!("the end of the latest collection year loaded, {y}")
            }
            ReportingDate::Today(_) => {
                "today, because no loaded file names its collection year".to_owned()
            }
        }
    }
}

/// The reporting date: the configured one, else 31 March of the latest collection year among the
/// loaded files, else `today`.
pub fn reporting_date(
    configured: Option<Date>,
    loads: &[store::LoadRecord],
    today: Date,
) -> ReportingDate {
    if let Some(d) = configured {
        return ReportingDate::Configured(d);
    }
    store::latest_collection_year(loads).map_or(
        ReportingDate::Today(today),
        ReportingDate::EndOfCollectionYear,
    )
}

const PAGE_TITLE: &str = "Family Safeguarding: escalation measures";

#[tracing::instrument(name = "measures page", skip_all)]
pub(crate) async fn page(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, AppError> {
    // Exact counts, not disclosure-controlled: not for the scrutiny panel.
    user.require(&[
        Role::Admin,
        Role::Analyst,
        Role::Manager,
        Role::Practitioner,
    ])?;
    let chrome = Some(Chrome::of(&user));
    let loads = state.store.loads().await?;
    if loads.is_empty() {
        return Ok(Html(NoDataPage::new(chrome).render()?).into_response());
    }
    let dataset = state.store.dataset().await?;
    if dataset.children.is_empty() && dataset.family_safeguarding.is_empty() {
        return Ok(Html(NoDataPage::new(chrome).render()?).into_response());
    }
    let when = reporting_date(state.as_at, &loads, jiff::Zoned::now().date());
    let data_summary = data_summary(&loads);
    let settings = state.settings;
    // The indicators walk every child's journey: off the async threads, so that a large council
    // does not hold up other requests.
    let html = tokio::task::spawn_blocking(move || {
        // This page is the seed's escalation measures; the whole catalogue gets its scorecard.
        let periods = metrics::periods(metrics::PeriodKind::Month, when.date(), MONTHS);
        // Rates per 10,000 use the population table loaded into the store.
        let population = metrics::Population::from_estimates(&dataset.population);
        let inputs = metrics::Inputs {
            population: population.as_ref(),
            ..metrics::Inputs::new(&dataset)
        };
        let series: Vec<_> = metrics::SEED_MEASURES
            .iter()
            .filter_map(|id| metrics::indicator(id))
            .map(|d| metrics::compute_series(d, &inputs, &periods, &settings))
            .collect();
        let mut page = MeasuresPage::new(chrome, when, &series, data_summary);
        if let Some(p) = &population {
            let year = metrics::periods(metrics::PeriodKind::Rolling12Months, when.date(), 1);
            page.rates = metrics::CATALOGUE
                .iter()
                .filter(|d| d.unit == Unit::Per10k)
                .filter_map(|d| {
                    let o = (d.compute)(&inputs, year.first()?, &settings);
                    Some(RateView {
                        title: d.title,
                        numerator: o.numerator,
                        value: o.formatted_value(d.unit),
                    })
                })
                .collect();
            page.rates_period = year
                .first()
                .map(|y| format!("{} to {}", long_date(y.start), long_date(y.end)))
                .unwrap_or_default();
            page.population = format!(
                "{} children aged 0 to 17 ({}; {})",
                p.for_date(when.date()).unwrap_or_default(),
                p.area,
                p.vintage
            );
        }
        page.render()
    })
    .await??;
    Ok(Html(html).into_response())
}

#[derive(Template)]
#[template(path = "no_data.html")]
struct NoDataPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
}

impl NoDataPage {
    fn new(chrome: Option<Chrome>) -> Self {
        Self {
            chrome,
            page_title: PAGE_TITLE,
        }
    }
}

#[derive(Template)]
#[template(path = "measures.html")]
struct MeasuresPage {
    chrome: Option<Chrome>,
    page_title: &'static str,
    /// "31 March 2025".
    reporting_date: String,
    reporting_date_reason: String,
    /// "April 2023".
    first_month: String,
    last_month: String,
    data_summary: String,
    measures: Vec<MeasureView>,
    /// Rates per 10,000 children over the 12 months to the reporting date (empty without a
    /// population table).
    rates: Vec<RateView>,
    rates_period: String,
    /// The population behind the rates, with its vintage.
    population: String,
}

struct RateView {
    title: &'static str,
    numerator: u64,
    value: String,
}

struct MeasureView {
    id: &'static str,
    title: &'static str,
    quadrant: &'static str,
    definition: &'static str,
    numerator: &'static str,
    denominator: &'static str,
    /// The setting in force, or empty when the measure has none.
    setting: String,
    /// The chart, an SVG element (built by `report::svg`, which escapes every text it holds).
    chart: String,
    value_heading: &'static str,
    rows: Vec<RowView>,
    /// "March 2025": the month of the breakdown.
    latest_month: String,
    breakdown: Vec<(String, u64)>,
}

struct RowView {
    /// "Mar 2025".
    month: String,
    /// "to 15 Mar" when the period stops before the end of the month (at the reporting date).
    to_date: Option<String>,
    numerator: u64,
    denominator: Option<u64>,
    value: Option<String>,
}

impl MeasuresPage {
    fn new(
        chrome: Option<Chrome>,
        when: ReportingDate,
        series: &[Series],
        data_summary: String,
    ) -> Self {
        let first = series
            .first()
            .and_then(|s| s.points.first())
            .map(|p| p.period_start);
        let last = series
            .first()
            .and_then(|s| s.points.last())
            .map(|p| p.period_start);
        Self {
            chrome,
            page_title: PAGE_TITLE,
            reporting_date: long_date(when.date()),
            reporting_date_reason: when.reason(),
            first_month: first.map(long_month).unwrap_or_default(),
            last_month: last.map(long_month).unwrap_or_default(),
            data_summary,
            measures: series.iter().map(MeasureView::new).collect(),
            rates: Vec::new(),
            rates_period: String::new(),
            population: String::new(),
        }
    }
}

impl MeasureView {
    fn new(series: &Series) -> Self {
        let def = series.indicator;
        let unit = def.unit;
        let rows = series
            .points
            .iter()
            .map(|p| RowView::new(p, unit))
            .collect();
        let latest = series.points.last();
        Self {
            id: def.id,
            title: def.title,
            quadrant: def.quadrant.label(),
            definition: def.definition,
            numerator: def.numerator,
            denominator: def.denominator,
            setting: series.settings.clone(),
            chart: crate::pages::chart(series, series.points.iter().map(|p| p.value)),
            value_heading: match unit {
                Unit::Percent => "Value (%)",
                Unit::Per10k => "Per 10,000 children",
                Unit::Days => "Days (mean)",
                Unit::Count => "Value",
            },
            rows,
            latest_month: latest
                .map(|p| long_month(p.period_start))
                .unwrap_or_default(),
            breakdown: latest
                .map(|p| {
                    p.breakdown
                        .iter()
                        .map(|(label, n)| (sentence_case(label), *n))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

impl RowView {
    fn new(p: &Observation, unit: Unit) -> Self {
        let value = p.formatted_value(unit);
        Self {
            month: short_month(p.period_start),
            to_date: (p.period_end < p.period_start.last_of_month())
                .then(|| format!("to {}", p.period_end.strftime("%-d %b"))),
            numerator: p.numerator,
            denominator: p.denominator,
            value: (!value.is_empty()).then_some(value),
        }
    }
}

/// What has been loaded, without names of people or files: "12 files in 3 loads; the latest load
/// was on 7 May 2026."
fn data_summary(loads: &[store::LoadRecord]) -> String {
    let files: usize = loads.iter().map(|l| l.files.len()).sum();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut out = format!(
        "{} in {}",
        plural(files, "file", "files"),
        plural(loads.len(), "load", "loads")
    );
    if let Some(at) = loads
        .last()
        .and_then(|l| l.loaded_at.parse::<jiff::Timestamp>().ok())
    {
        out.push_str(&format!(
            "; the latest load was on {}",
            long_date(at.to_zoned(jiff::tz::TimeZone::UTC).date())
        ));
    }
    out.push('.');
    out
}

fn long_date(d: Date) -> String {
    d.strftime("%-d %B %Y").to_string()
}

fn long_month(d: Date) -> String {
    d.strftime("%B %Y").to_string()
}

fn short_month(d: Date) -> String {
    d.strftime("%b %Y").to_string()
}

fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use store::{LoadRecord, ReturnKind, SourceFile};

    fn load(years: &[Option<i16>]) -> LoadRecord {
        LoadRecord {
            load_id: 1,
            loaded_at: "2026-05-07T09:30:00Z".into(),
            loaded_by: "analyst".into(),
            files: years
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    SourceFile::from_bytes(&format!("f{i}"), &[i as u8], ReturnKind::Ssda903, *y)
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    #[test]
    fn the_reporting_date_is_configured_or_the_latest_year_end_or_today() {
        let today = date(2026, 11, 30);
        let loads = [load(&[Some(2024), None]), load(&[Some(2025)])];
        assert_eq!(
            reporting_date(Some(date(2025, 2, 15)), &loads, today).date(),
            date(2025, 2, 15)
        );
        let by_year = reporting_date(None, &loads, today);
        assert_eq!(by_year.date(), date(2025, 3, 31));
        assert_eq!(
            by_year.reason(),
            "the end of the latest collection year loaded, 2024-25"
        );
        assert_eq!(
            reporting_date(None, &[load(&[None])], today),
            ReportingDate::Today(today)
        );
        assert_eq!(reporting_date(None, &[], today).date(), today);
    }

    #[test]
    fn the_data_summary_counts_files_and_loads_and_names_no_one() {
        let loads = [load(&[Some(2024), None]), load(&[Some(2025)])];
        let s = data_summary(&loads);
        assert_eq!(s, "3 files in 2 loads; the latest load was on 7 May 2026.");
        assert!(!s.contains("analyst"));
        assert_eq!(
            data_summary(&loads[1..]),
            "1 file in 1 load; the latest load was on 7 May 2026."
        );
    }

    #[test]
    fn dates_print_the_uk_way() {
        assert_eq!(long_date(date(2025, 3, 1)), "1 March 2025");
        assert_eq!(short_month(date(2025, 3, 1)), "Mar 2025");
        assert_eq!(long_month(date(2025, 3, 1)), "March 2025");
        assert_eq!(sentence_case("from a CP plan"), "From a CP plan");
    }
}
