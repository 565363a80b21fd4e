//! Outcomes Based Accountability: each indicator's baseline (its history), a forecast of where it
//! is heading if nothing changes, a target, and a red/amber/green status against the target and
//! against a benchmark.
//!
//! **Forecast method.** An ordinary least-squares straight line through the baseline (the last
//! [`BASELINE_PERIODS`] values that have one), projected forward, with an 80 % prediction interval
//! from Student's t distribution: `ŷ ± t(0.90, n−2) · s · √(1 + 1/n + (x − x̄)² / Sxx)`, where `s`
//! is the residual standard error. Percentages are kept within 0 to 100 and other values at or
//! above 0. Fewer than four values give no forecast. The method is named beside every forecast.
//!
//! **Status.** Against a target: green when the latest value is on the good side of the target
//! (or on it), amber when it is on the wrong side by no more than the amber band (5 % of the
//! target by default), red beyond that. Against a benchmark the same rule applies with the
//! benchmark in place of the target. Indicators whose polarity is contextual are not rated.

use crate::{Polarity, Series, Unit};

/// How many of the latest values make the baseline a forecast is fitted to.
pub const BASELINE_PERIODS: usize = 24;

/// The forecast's method, as shown beside it.
pub const FORECAST_METHOD: &str = "straight-line trend (least squares) over the baseline, with an \
    80% prediction interval";

/// One forecast period.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastPoint {
    /// Periods after the last observed one (1 = the next).
    pub step: usize,
    pub value: f64,
    pub low: f64,
    pub high: f64,
}

/// Red, amber or green; or not rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rag {
    Green,
    Amber,
    Red,
    /// No value, no target or benchmark, or a contextual indicator.
    NotRated,
}

impl Rag {
    pub fn label(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
            Rag::NotRated => "not rated",
        }
    }
}

/// The upper 90 % point of Student's t distribution for `df` degrees of freedom (two-sided 80 %).
fn t_90(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        3.078, 1.886, 1.638, 1.533, 1.476, 1.440, 1.415, 1.397, 1.383, 1.372, 1.363, 1.356, 1.350,
        1.345, 1.341, 1.337, 1.333, 1.330, 1.328, 1.325, 1.323, 1.321, 1.319, 1.318, 1.316, 1.315,
        1.314, 1.313, 1.311, 1.310,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df - 1],
        31..=60 => 1.303,
        _ => 1.2816,
    }
}

/// Forecasts `steps` periods ahead from `values` (oldest first; the last [`BASELINE_PERIODS`]
/// are used). `None` with fewer than four values.
pub fn forecast(values: &[f64], steps: usize, unit: Unit) -> Option<Vec<ForecastPoint>> {
    let baseline = &values[values.len().saturating_sub(BASELINE_PERIODS)..];
    let n = baseline.len();
    if n < 4 {
        return None;
    }
    let nf = n as f64;
    let x_mean = (nf - 1.0) / 2.0;
    let y_mean = baseline.iter().sum::<f64>() / nf;
    let sxx: f64 = (0..n).map(|i| (i as f64 - x_mean).powi(2)).sum();
    let sxy: f64 = baseline
        .iter()
        .enumerate()
        .map(|(i, y)| (i as f64 - x_mean) * (y - y_mean))
        .sum();
    let slope = sxy / sxx;
    let intercept = y_mean - slope * x_mean;
    let sse: f64 = baseline
        .iter()
        .enumerate()
        .map(|(i, y)| (y - (intercept + slope * i as f64)).powi(2))
        .sum();
    let s = (sse / (nf - 2.0)).sqrt();
    let t = t_90(n - 2);
    let clamp = |v: f64| match unit {
        Unit::Percent => v.clamp(0.0, 100.0),
        _ => v.max(0.0),
    };
    Some(
        (1..=steps)
            .map(|step| {
                let x = (n - 1 + step) as f64;
                let y = intercept + slope * x;
                let half = t * s * (1.0 + 1.0 / nf + (x - x_mean).powi(2) / sxx).sqrt();
                ForecastPoint {
                    step,
                    value: clamp(y),
                    low: clamp(y - half),
                    high: clamp(y + half),
                }
            })
            .collect(),
    )
}

/// The status of `value` against `reference` (a target or a benchmark) for an indicator of this
/// polarity: amber within `amber_band` (a fraction of the reference) on the wrong side.
pub fn rag(value: Option<f64>, reference: Option<f64>, polarity: Polarity, amber_band: f64) -> Rag {
    let (Some(v), Some(r)) = (value, reference) else {
        return Rag::NotRated;
    };
    let shortfall = match polarity {
        Polarity::HighIsGood => r - v,
        Polarity::LowIsGood => v - r,
        Polarity::Contextual => return Rag::NotRated,
    };
    if shortfall <= 0.0 {
        Rag::Green
    } else if shortfall <= amber_band * r.abs() {
        Rag::Amber
    } else {
        Rag::Red
    }
}

/// Whether an indicator's figures over periods of `kind` can be set beside England's published
/// ones, which are for years to 31 March: rates and counts only beside yearly figures; shares
/// and means beside any period.
pub fn comparable_with_england(unit: Unit, kind: crate::PeriodKind) -> bool {
    matches!(unit, Unit::Percent | Unit::Days) || kind == crate::PeriodKind::YearToMarch
}

/// An indicator's OBA summary: latest value, forecast, and statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    pub latest: Option<f64>,
    pub forecast: Option<Vec<ForecastPoint>>,
    pub target: Option<f64>,
    pub against_target: Rag,
    pub benchmark: Option<f64>,
    pub against_benchmark: Rag,
}

/// Summarises a series against an optional target and benchmark, forecasting `steps` ahead.
pub fn scorecard(
    series: &Series,
    target: Option<f64>,
    benchmark: Option<f64>,
    steps: usize,
    amber_band: f64,
) -> Scorecard {
    let def = series.indicator;
    let values: Vec<f64> = series.points.iter().filter_map(|p| p.value).collect();
    let latest = series.points.last().and_then(|p| p.value);
    Scorecard {
        latest,
        forecast: forecast(&values, steps, def.unit),
        target,
        against_target: rag(latest, target, def.polarity, amber_band),
        benchmark,
        against_benchmark: rag(latest, benchmark, def.polarity, amber_band),
    }
}

/// One scorecard row as an audience may read it: the latest figure published, and the ratings
/// and forecast only where that figure is shown. Shared by `harbour indicators --scorecard`, the
/// web scorecard's ratings and the scrutiny pack, so every channel withholds alike.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedCard {
    pub card: Scorecard,
    /// The latest figure as published (`None` for an empty series).
    pub latest: Option<crate::publish::PublishedFigure>,
    /// The latest figure is not a shown value (suppressed, or not applicable): it is neither
    /// rated nor projected.
    pub withheld: bool,
    /// The next period's forecast, when it may be shown.
    pub forecast: Option<ForecastPoint>,
    /// A forecast exists but is withheld: under disclosure control, a count whose forecast or
    /// interval would show a number from 1 to the smallest shown, less one.
    pub forecast_withheld: bool,
}

/// The scorecard row of `series` for `audience`: `target` and `england` (England's latest
/// comparable figure, see [`comparable_with_england`]) rated with an amber band of 5%, and a
/// forecast of the next period.
pub fn published_card(
    series: &Series,
    target: Option<f64>,
    england: Option<f64>,
    audience: disclosure::Audience,
    policy: &disclosure::Policy,
) -> PublishedCard {
    let def = series.indicator;
    let card = scorecard(series, target, england, 1, AMBER_BAND);
    let latest = series
        .points
        .last()
        .map(|p| crate::publish::publish(p, def.unit, audience, policy));
    let withheld = latest
        .as_ref()
        .is_none_or(|f| !matches!(f.value, disclosure::PublishedValue::Value(_)));
    let next = card.forecast.as_ref().and_then(|f| f.first()).cloned();
    // A forecast of a count reads as a count: under control one that would show a small number
    // is withheld like one.
    let small = |v: f64| policy.is_small(v.round().max(0.0) as u64);
    let forecast_withheld = !withheld
        && audience.needs_control()
        && def.unit == Unit::Count
        && next
            .as_ref()
            .is_some_and(|f| small(f.value) || small(f.low) || small(f.high));
    PublishedCard {
        forecast: next.filter(|_| !withheld && !forecast_withheld),
        card,
        latest,
        withheld,
        forecast_withheld,
    }
}

/// The amber band of every scorecard: within 5% of the target or benchmark.
pub const AMBER_BAND: f64 = 0.05;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_straight_line_forecasts_itself_with_no_spread() {
        let f = forecast(&[10.0, 12.0, 14.0, 16.0], 2, Unit::Count).unwrap();
        assert_eq!(f.len(), 2);
        assert!((f[0].value - 18.0).abs() < 1e-9 && (f[1].value - 20.0).abs() < 1e-9);
        assert!((f[0].high - f[0].low).abs() < 1e-9, "{f:?}");
    }

    #[test]
    fn the_interval_is_hand_computed() {
        // y = 1, 3, 2, 4: x̄ = 1.5, ȳ = 2.5, Sxx = 5, Sxy = 4, slope 0.8, intercept 1.3;
        // residuals -0.3, 0.9, -0.9, 0.3, SSE 1.8, s = √0.9; t(0.90, 2) = 1.886.
        // At x = 4: ŷ = 4.5, half-width = 1.886 · √0.9 · √(1 + 0.25 + 6.25/5) = 1.886 · 1.5 = 2.829.
        let f = forecast(&[1.0, 3.0, 2.0, 4.0], 1, Unit::Count).unwrap();
        let half = 1.886 * 0.9f64.sqrt() * (1.0 + 0.25 + 6.25 / 5.0f64).sqrt();
        assert!((f[0].value - 4.5).abs() < 1e-9);
        assert!((f[0].high - (4.5 + half)).abs() < 1e-9);
        assert!((f[0].low - (4.5 - half)).abs() < 1e-9);
        assert!((half - 2.829).abs() < 1e-9);
    }

    #[test]
    fn percentages_stay_within_0_to_100_and_short_series_give_nothing() {
        let f = forecast(&[90.0, 95.0, 99.0, 100.0], 3, Unit::Percent).unwrap();
        assert!(f.iter().all(|p| p.high <= 100.0 && p.value <= 100.0));
        assert!(forecast(&[1.0, 2.0, 3.0], 1, Unit::Count).is_none());
        // Only the last 24 values count: an old spike makes no difference.
        let mut long = vec![1000.0; 10];
        long.extend((0..24).map(f64::from));
        let recent: Vec<f64> = (0..24).map(f64::from).collect();
        assert_eq!(
            forecast(&long, 1, Unit::Count),
            forecast(&recent, 1, Unit::Count)
        );
    }

    #[test]
    fn status_follows_polarity_with_an_amber_band() {
        use Polarity::*;
        // Target 80, band 5% = 4 points.
        assert_eq!(rag(Some(80.0), Some(80.0), HighIsGood, 0.05), Rag::Green);
        assert_eq!(rag(Some(76.0), Some(80.0), HighIsGood, 0.05), Rag::Amber);
        assert_eq!(rag(Some(75.9), Some(80.0), HighIsGood, 0.05), Rag::Red);
        assert_eq!(rag(Some(84.0), Some(80.0), LowIsGood, 0.05), Rag::Amber);
        assert_eq!(rag(Some(79.0), Some(80.0), LowIsGood, 0.05), Rag::Green);
        assert_eq!(rag(Some(90.0), Some(80.0), LowIsGood, 0.05), Rag::Red);
        assert_eq!(rag(Some(90.0), Some(80.0), Contextual, 0.05), Rag::NotRated);
        assert_eq!(rag(None, Some(80.0), HighIsGood, 0.05), Rag::NotRated);
        assert_eq!(rag(Some(1.0), None, HighIsGood, 0.05), Rag::NotRated);
    }

    fn counts(values: &[u64]) -> Series {
        let def = crate::indicator(crate::FSM_OPEN_CHILDREN).unwrap();
        assert_eq!(def.unit, Unit::Count);
        let day = jiff::civil::date(2025, 1, 31);
        Series {
            indicator: def,
            settings: String::new(),
            points: values
                .iter()
                .map(|&n| crate::Observation {
                    period_start: day,
                    period_end: day,
                    numerator: n,
                    denominator: None,
                    value: Some(n as f64),
                    numerator_children: Vec::new(),
                    denominator_children: Vec::new(),
                    breakdown: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn a_published_card_withholds_what_would_show_a_small_count() {
        use disclosure::{Audience, Policy, PublishedValue};
        let policy = Policy::default();
        // 12, 10, 8, 6 is a straight line: the next is forecast at exactly 4, a small count.
        let falling = counts(&[12, 10, 8, 6]);
        let internal = published_card(&falling, None, None, Audience::Internal, &policy);
        assert!(!internal.withheld);
        let f = internal.forecast.unwrap();
        assert!((f.value - 4.0).abs() < 1e-9, "{f:?}");
        let panel = published_card(&falling, None, None, Audience::Scrutiny, &policy);
        assert!(!panel.withheld && panel.forecast_withheld && panel.forecast.is_none());
        assert_eq!(
            panel.latest.unwrap().value,
            PublishedValue::Value(6.0),
            "6 is shown"
        );
        // A latest figure of 3 is withheld, and so is every rating of it.
        let small = counts(&[9, 7, 5, 3]);
        let panel = published_card(&small, Some(2.0), None, Audience::Scrutiny, &policy);
        assert!(panel.withheld && panel.forecast.is_none() && !panel.forecast_withheld);
        // Rising counts keep their forecast: 20, 22, 24, 26 → 28.
        let rising = counts(&[20, 22, 24, 26]);
        let panel = published_card(&rising, None, None, Audience::Scrutiny, &policy);
        assert!((panel.forecast.unwrap().value - 28.0).abs() < 1e-9);
    }
}
