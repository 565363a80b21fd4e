//! Demand and cost forecasting for children in care: how many children will be looked after, in
//! which kind of placement and at what age, one to five years ahead, what that will cost, and
//! what a change of practice would save.
//!
//! # The model
//!
//! A stock-and-flow (Markov) model over twenty states, five age bands ([`AgeBand`]: under 1, 1 to
//! 4, 5 to 9, 10 to 15, 16 and over) by four placement categories ([`Category`]: fostering,
//! residential, supported accommodation, other), plus "not in care", as Social Finance's
//! cs-demand-model builds it. From the SSDA903 episodes of several years:
//!
//! 1. **Episodes** are cleaned (one per start date; of two closed on the same day the longer;
//!    an episode open, or ending after the next starts, ends when the next starts).
//! 2. **Stock**: the children in each state on each day.
//! 3. **Flows**: each move between states (a change of placement category, a birthday into the
//!    next band, leaving care) on the day it happens, and each entry into care.
//! 4. **Rates** over a reference window (by default the year before the forecast starts): the
//!    daily probability of moving from each state to each other, and the expected number of
//!    entrants a day into each state.
//! 5. **Projection**: from the stock on the start date, day by day, each state loses its
//!    children at its rates out and gains the moves in and the entrants.
//!
//! Two methods ([`Method`]) differ in how they read the episodes: [`Method::harbour`] (the
//! default) puts a child in the band of their age on each day and estimates a rate as moves ÷
//! days in the state (occurrences over exposure, the maximum-likelihood estimate of a daily
//! hazard); [`Method::cs_demand_model`] reproduces cs-demand-model 0.5.1, whose conventions are
//! listed on [`Method`]. The crate's README gives the cross-check against cs-demand-model itself
//! and the back-test.
//!
//! # Uncertainty
//!
//! The central forecast is the deterministic projection. The band around it (5th to 95th
//! percentile, a 90% interval) comes from `replicates` simulations, each with rates re-estimated
//! from the reference window's days resampled with replacement (a bootstrap over days: what the
//! rates might have been) and then run with whole children, each state's leavers drawn binomially
//! and the entrants as Poisson counts (what chance alone does to a few hundred children). The
//! same random numbers are used for every scenario, so differences between scenarios are not
//! noise.
//!
//! # Costs
//!
//! A weekly cost per category comes from the pack's weekly cost table
//! ([`pack::placements::CostTable`]: prices by placement type or `PLACE` code): the average
//! weekly price of the days children spent in that category in the reference window, each day
//! priced as its episode, so the mix within the category (kinship, in-house and agency fostering,
//! say) is the council's own. Days with no price are left out of the average and counted.
//! A scenario may set a category's weekly cost instead.
//!
//! Nothing here does I/O beyond reading the text it is given.

// The model is matrix arithmetic over state indices: index loops say what they do.
#![allow(clippy::needless_range_loop)]

mod history;
pub mod html;
mod pack_section;
pub use pack_section::pack_section;
mod project;
pub mod scenario;
pub mod states;

pub use scenario::{Change, Scenario};
pub use states::{AgeBand, Category, STATES};

use history::{History, Move};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use model::Dataset;
use pack::Quarter;
use pack::placements::CostTable;
use pack::savings::SavingsLine;
use states::{OUT, parts, state};

/// Days since 1 January 1970.
pub(crate) fn day_number(d: Date) -> i32 {
    // Days from civil (Howard Hinnant's algorithm).
    let y = i32::from(d.year()) - i32::from(d.month() <= 2);
    let m = i32::from(d.month());
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i32::from(d.day()) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// How a child's age band is read from the episodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeAt {
    /// The age on each day: a birthday moves a child to the next band.
    EachDay,
    /// The age at the start of each episode, kept for the whole episode (cs-demand-model).
    EpisodeStart,
}

/// How the rates are estimated and the episodes read.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Method {
    pub name: &'static str,
    pub age_at: AgeAt,
    /// K3 (registered supported accommodation) counts as supported, not other.
    pub k3_supported: bool,
    /// Rates as the mean over the window's days of (moves that day ÷ the day before's stock),
    /// as cs-demand-model does; otherwise all moves ÷ all days in the state.
    pub mean_of_daily_ratios: bool,
}

impl Method {
    /// Harbour's method: age on each day, birthdays and leaving at 18 observed as the moves they
    /// are, rates as occurrences over exposure, K3 as supported accommodation. The window is
    /// the days after its first day up to the start: each move is set against the stock of the
    /// day before; entrants a day are those entries ÷ the window's length in days.
    pub const fn harbour() -> Method {
        Method {
            name: "harbour",
            age_at: AgeAt::EachDay,
            k3_supported: true,
            mean_of_daily_ratios: false,
        }
    }

    /// cs-demand-model 0.5.1's conventions, for the cross-check: the age band of the child at
    /// the start of each episode (days since birth ÷ 365.24) kept all episode; a transition
    /// only where an episode ends, to the next episode's category in that same band; ageing as
    /// fixed daily rates (1 ÷ 365, 1,460, 1,825 and 2,190 days for the first four bands; 1 ÷
    /// 5,110 days out of care from 16 and over, the band running to 30); rates as the mean of
    /// daily ratios over the window's days, both ends included (its first day set against its
    /// own stock), the window and the starting stock stopping at the last day any episode
    /// starts or ends (where its daily series end); entrants ÷ (end − start) days; K3 as other;
    /// of two open episodes only the first kept.
    pub const fn cs_demand_model() -> Method {
        Method {
            name: "cs-demand-model",
            age_at: AgeAt::EpisodeStart,
            k3_supported: false,
            mean_of_daily_ratios: true,
        }
    }

    pub fn from_name(name: &str) -> Option<Method> {
        [Method::harbour(), Method::cs_demand_model()]
            .into_iter()
            .find(|m| m.name == name)
    }
}

/// What to forecast.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Settings {
    /// The forecast's first day: its stock is the children in care at the end of it.
    pub start: Date,
    /// 1 to 5.
    pub years: u8,
    /// The first day of the reference window (which ends on `start`); a year before `start`
    /// by default.
    pub reference_start: Option<Date>,
    pub method: Method,
    /// Simulations for the uncertainty band (0 for none).
    pub replicates: usize,
    pub seed: u64,
}

impl Settings {
    pub fn new(start: Date, years: u8) -> Settings {
        Settings {
            start,
            years,
            reference_start: None,
            method: Method::harbour(),
            replicates: 200,
            seed: 1,
        }
    }
}

/// Why a forecast cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ForecastError {
    #[error("`--years` must be 1 to 5, not {0}")]
    Years(u8),
    #[error(
        "the reference window must start before the forecast starts ({start}), not on {reference_start}"
    )]
    Window { reference_start: Date, start: Date },
    #[error(
        "no child was in care between {from} and {to}: load SSDA903 episodes that cover the reference window"
    )]
    NoData { from: Date, to: Date },
    #[error("{0}")]
    Date(String),
}

/// One daily transition rate.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RateRow {
    pub from_age_band: AgeBand,
    pub from_placement: Category,
    /// `None`: leaving care.
    pub to_age_band: Option<AgeBand>,
    pub to_placement: Option<Category>,
    /// Probability a day.
    pub daily_rate: f64,
}

/// Entrants a day into one state.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EntrantRow {
    pub age_band: AgeBand,
    pub placement: Category,
    pub per_day: f64,
}

/// A category's weekly cost.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UnitCost {
    pub placement: Category,
    /// Average weekly price of the window's priced days in the category; `None` when none was
    /// priced.
    pub weekly_gbp: Option<f64>,
    pub priced_days: i64,
    pub unpriced_days: i64,
}

/// Observed children in care on one day.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Observed {
    pub date: Date,
    pub children: [u32; STATES],
}

/// One output row: a scenario's forecast for one state or total, on one date.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Row {
    pub scenario: String,
    pub date: Date,
    /// `None` for all ages.
    pub age_band: Option<AgeBand>,
    /// `None` for all placements.
    pub placement: Option<Category>,
    /// Central forecast of children in care at the end of `date`.
    pub children: f64,
    /// 5th and 95th percentiles of the simulations (`None` without simulations).
    pub children_low: Option<f64>,
    pub children_high: Option<f64>,
    /// Cost of the days since the previous date (none for the start date); `None` when no
    /// category involved has a price.
    pub cost_gbp: Option<f64>,
    pub cost_low_gbp: Option<f64>,
    pub cost_high_gbp: Option<f64>,
    /// Scenario minus base, central forecasts.
    pub vs_base_children: f64,
    pub vs_base_cost_gbp: Option<f64>,
}

/// A scenario's saving against the budget's target in a financial quarter.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SavingsRow {
    pub scenario: String,
    pub quarter: Quarter,
    /// The quarter's target over every directorate in `savings.csv`.
    pub target_gbp: i64,
    /// Base cost minus the scenario's over the quarter's forecast days (central forecasts).
    pub saving_gbp: f64,
    /// Whether the forecast covers the whole quarter.
    pub whole_quarter: bool,
    pub meets_target: bool,
}

/// One scenario's projection.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRun {
    pub name: String,
    /// Dates of the points: the start, then each month after it.
    pub dates: Vec<Date>,
    /// Central children by state at each point.
    pub children: Vec<[f64; STATES]>,
    /// Central cost by state over the period ending at each point (0 at the start).
    pub cost: Vec<[f64; STATES]>,
    /// Per simulation, per point: children and period cost by state.
    pub sims: Vec<Vec<([u32; STATES], [f64; STATES])>>,
    /// Central daily cost, day 1 to the end.
    pub daily_cost: Vec<f64>,
    /// Weekly cost per category used.
    pub weekly: [Option<f64>; 4],
}

/// A forecast: the base and every scenario, with what they rest on.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub settings: Settings,
    pub reference_start: Date,
    pub end: Date,
    pub rates: Vec<RateRow>,
    pub entrants: Vec<EntrantRow>,
    pub unit_costs: Vec<UnitCost>,
    /// The month-ends of the three years before the start, observed.
    pub history: Vec<Observed>,
    /// Children in care with no date of birth, left out.
    pub without_birth_date: usize,
    /// The base first.
    pub runs: Vec<ScenarioRun>,
    pub savings: Vec<SavingsRow>,
}

/// The default start: the 31 March ending the collection year of the latest episode date seen
/// when that date is within 31 days of it (a return as at 31 March), otherwise the 31 March
/// before. `None` with no episode.
pub fn default_start(dataset: &Dataset) -> Option<Date> {
    let latest = dataset
        .children
        .iter()
        .flat_map(|c| &c.cla_episodes)
        .map(|e| e.end_date.unwrap_or(e.start_date).max(e.start_date))
        .max()?;
    // The 31 March that ends the collection year holding the latest date, if the data reaches
    // within 31 days of it; otherwise the 31 March before.
    let this_year = date(
        if latest.month() <= 3 {
            latest.year()
        } else {
            latest.year() + 1
        },
        3,
        31,
    );
    if (this_year - latest).get_days() <= 31 {
        Some(this_year)
    } else {
        Some(date(this_year.year() - 1, 3, 31))
    }
}

/// Rates fitted to a window.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rates {
    /// `moves[s][t]`: daily probability from state `s` to `t` (`OUT` = leaving care).
    pub moves: Vec<[f64; STATES + 1]>,
    /// Expected entrants a day into each state.
    pub entries: [f64; STATES],
}

/// The window's days as seen by the estimators: for each day, the stock it is set against and
/// the moves on it.
struct Window {
    before: Vec<[u32; STATES]>,
    moves: Vec<Vec<(u8, u8)>>,
    /// What entrants a day are divided by.
    entrant_days: f64,
}

impl Window {
    fn build(h: &History, method: &Method, first: i32, last: i32, length: i32) -> Window {
        // Harbour: days first+1..=last against the day before. cs-demand-model: days
        // first..=last, the first against itself.
        let lo = if method.mean_of_daily_ratios {
            first
        } else {
            first + 1
        };
        let entrant_days = f64::from(length);
        let stock = history::daily_stock(&h.spells, first - 1, last);
        let n = (last - lo + 1).max(0) as usize;
        let mut before = Vec::with_capacity(n);
        for d in lo..=last {
            let i = (d - (first - 1)) as usize;
            let prev = if method.mean_of_daily_ratios && d == first {
                stock[i]
            } else {
                stock[i - 1]
            };
            before.push(prev);
        }
        let mut moves = vec![Vec::new(); n];
        for &Move { day, from, to } in &h.moves {
            if day >= lo && day <= last {
                moves[(day - lo) as usize].push((from, to));
            }
        }
        Window {
            before,
            moves,
            entrant_days: entrant_days.max(1.0),
        }
    }

    /// Rates from the days `days` (indices into the window, repeats allowed).
    fn estimate(&self, method: &Method, days: &[usize]) -> Rates {
        let mut counts = vec![[0f64; STATES + 1]; STATES];
        let mut entries = [0f64; STATES];
        let mut exposure = [0f64; STATES];
        for &d in days {
            let before = &self.before[d];
            for k in 0..STATES {
                exposure[k] += f64::from(before[k]);
            }
            for &(from, to) in &self.moves[d] {
                if from as usize == OUT {
                    entries[to as usize] += 1.0;
                } else if method.mean_of_daily_ratios {
                    let b = before[from as usize];
                    if b > 0 {
                        counts[from as usize][to as usize] += 1.0 / f64::from(b);
                    }
                } else {
                    counts[from as usize][to as usize] += 1.0;
                }
            }
        }
        let mut moves = vec![[0f64; STATES + 1]; STATES];
        for s in 0..STATES {
            for t in 0..=STATES {
                moves[s][t] = if method.mean_of_daily_ratios {
                    counts[s][t] / days.len().max(1) as f64
                } else if exposure[s] > 0.0 {
                    counts[s][t] / exposure[s]
                } else {
                    0.0
                };
            }
        }
        if method.age_at == AgeAt::EpisodeStart {
            // Ageing at fixed rates.
            const LENGTHS: [f64; 5] = [365.0, 1460.0, 1825.0, 2190.0, 5110.0];
            for s in 0..STATES {
                let (band, cat) = parts(s);
                let rate = 1.0 / LENGTHS[band.index()];
                let to = match AgeBand::ALL.get(band.index() + 1) {
                    Some(&next) => state(next, cat),
                    None => OUT,
                };
                moves[s][to] += rate;
            }
        }
        let scale = days.len() as f64 / self.before.len().max(1) as f64;
        Rates {
            moves,
            entries: entries.map(|e| e / (self.entrant_days * scale)),
        }
    }
}

/// Fits the model to `dataset` and projects the base and each scenario.
pub fn forecast(
    dataset: &Dataset,
    settings: &Settings,
    costs: Option<&CostTable>,
    scenarios: &[Scenario],
    savings: Option<&[SavingsLine]>,
) -> Result<Forecast, ForecastError> {
    if !(1..=5).contains(&settings.years) {
        return Err(ForecastError::Years(settings.years));
    }
    let start = settings.start;
    let reference_start = match settings.reference_start {
        Some(d) => d,
        None => start
            .checked_sub(1.year())
            .map_err(|e| ForecastError::Date(e.to_string()))?,
    };
    if reference_start >= start {
        return Err(ForecastError::Window {
            reference_start,
            start,
        });
    }
    let end = start
        .checked_add(i64::from(settings.years).years())
        .map_err(|e| ForecastError::Date(e.to_string()))?;
    let method = &settings.method;
    let h = history::observe(dataset, method, costs);
    let (first, mut last) = (day_number(reference_start), day_number(start));
    if method.mean_of_daily_ratios {
        // cs-demand-model's daily series end on the last day an episode starts or ends: its
        // window, and the stock it starts from, stop there.
        if let Some(latest) = h.latest_day {
            last = last.min(latest).max(first + 1);
        }
    }
    let window = Window::build(&h, method, first, last, day_number(start) - first);
    let all_days: Vec<usize> = (0..window.before.len()).collect();
    let exposure: u64 = window
        .before
        .iter()
        .map(|b| b.iter().map(|&v| u64::from(v)).sum::<u64>())
        .sum();
    if exposure == 0 {
        return Err(ForecastError::NoData {
            from: reference_start,
            to: start,
        });
    }
    let base_rates = window.estimate(method, &all_days);
    let initial = history::stock_on(&h.spells, last);

    // Unit costs from the window's priced days.
    let mut priced = [(0f64, 0i64, 0i64); 4];
    for p in &h.priced {
        // The days the rates are set against: the window's first to the day before its last.
        let from = p.from.max(first);
        let to = p.to.min(last);
        if to <= from {
            continue;
        }
        let days = i64::from(to - from);
        let c = &mut priced[p.category as usize];
        match p.weekly {
            Some(w) => {
                c.0 += (w * days) as f64;
                c.1 += days;
            }
            None => c.2 += days,
        }
    }
    let unit_costs: Vec<UnitCost> = Category::ALL
        .into_iter()
        .map(|c| {
            let (sum, days, unpriced) = priced[c.index()];
            UnitCost {
                placement: c,
                weekly_gbp: (costs.is_some() && days > 0).then(|| sum / days as f64),
                priced_days: days,
                unpriced_days: unpriced,
            }
        })
        .collect();
    let weekly: [Option<f64>; 4] = std::array::from_fn(|i| unit_costs[i].weekly_gbp);

    // Monthly points.
    let mut dates = vec![start];
    for k in 1.. {
        let d = start
            .checked_add(k.months())
            .map_err(|e| ForecastError::Date(e.to_string()))?;
        if d > end {
            break;
        }
        dates.push(d);
    }
    let offsets: Vec<usize> = dates
        .iter()
        .map(|&d| (day_number(d) - day_number(start)) as usize)
        .collect();

    // Bootstrap rates, the same for every scenario.
    let mut rng = project::Rng::new(settings.seed);
    let boot: Vec<(Rates, u64)> = (0..settings.replicates)
        .map(|_| {
            let n = all_days.len();
            let days: Vec<usize> = (0..n).map(|_| rng.below(n)).collect();
            (window.estimate(method, &days), rng.next_u64())
        })
        .collect();

    let base = Scenario {
        name: "base".to_string(),
        changes: Vec::new(),
    };
    let mut runs = Vec::new();
    for scenario in std::iter::once(&base).chain(scenarios) {
        let rates = scenario.apply(&base_rates);
        let weekly = scenario.weekly(weekly);
        let central = project::deterministic(&initial, &rates, &offsets, &weekly);
        let sims = boot
            .iter()
            .map(|(r, seed)| {
                project::simulate(&initial, &scenario.apply(r), &offsets, &weekly, *seed)
            })
            .collect();
        runs.push(ScenarioRun {
            name: scenario.name.clone(),
            dates: dates.clone(),
            children: central.children,
            cost: central.cost,
            sims,
            daily_cost: central.daily_cost,
            weekly,
        });
    }

    // Rates for people.
    let mut rates = Vec::new();
    for s in 0..STATES {
        let (fb, fc) = parts(s);
        for t in 0..=STATES {
            let r = base_rates.moves[s][t];
            if r > 0.0 {
                let (tb, tc) = if t == OUT {
                    (None, None)
                } else {
                    let (b, c) = parts(t);
                    (Some(b), Some(c))
                };
                rates.push(RateRow {
                    from_age_band: fb,
                    from_placement: fc,
                    to_age_band: tb,
                    to_placement: tc,
                    daily_rate: r,
                });
            }
        }
    }
    let entrants = (0..STATES)
        .filter(|&s| base_rates.entries[s] > 0.0)
        .map(|s| {
            let (b, c) = parts(s);
            EntrantRow {
                age_band: b,
                placement: c,
                per_day: base_rates.entries[s],
            }
        })
        .collect();

    // Three years of history at the same day of each month.
    let mut history_points = Vec::new();
    for k in (0..=36).rev() {
        let d = start
            .checked_sub(i64::from(k).months())
            .map_err(|e| ForecastError::Date(e.to_string()))?;
        history_points.push(Observed {
            date: d,
            children: history::stock_on(&h.spells, day_number(d)),
        });
    }

    let savings = match savings {
        Some(lines) => savings_rows(&runs, start, lines),
        None => Vec::new(),
    };

    Ok(Forecast {
        settings: settings.clone(),
        reference_start,
        end,
        rates,
        entrants,
        unit_costs,
        history: history_points,
        without_birth_date: h.without_birth_date,
        runs,
        savings,
    })
}

fn savings_rows(runs: &[ScenarioRun], start: Date, lines: &[SavingsLine]) -> Vec<SavingsRow> {
    let Some(base) = runs.first() else {
        return Vec::new();
    };
    let first_day = day_number(start) + 1;
    let days = base.daily_cost.len() as i32;
    let mut quarters: Vec<Quarter> = lines.iter().map(|l| l.quarter).collect();
    quarters.sort();
    quarters.dedup();
    let mut out = Vec::new();
    for run in &runs[1..] {
        for &q in &quarters {
            let (qs, qe) = (day_number(q.start()), day_number(q.end()));
            let from = qs.max(first_day);
            let to = qe.min(first_day + days - 1);
            if to < from {
                continue;
            }
            let saving: f64 = (from..=to)
                .map(|d| {
                    let i = (d - first_day) as usize;
                    base.daily_cost[i] - run.daily_cost[i]
                })
                .sum();
            let target: i64 = lines
                .iter()
                .filter(|l| l.quarter == q)
                .map(|l| l.target_gbp)
                .sum();
            out.push(SavingsRow {
                scenario: run.name.clone(),
                quarter: q,
                target_gbp: target,
                saving_gbp: saving,
                whole_quarter: from == qs && to == qe,
                meets_target: saving >= target as f64,
            });
        }
    }
    out
}

/// The 5th and 95th percentiles (linear between order statistics).
fn band(mut values: Vec<f64>) -> (Option<f64>, Option<f64>) {
    if values.is_empty() {
        return (None, None);
    }
    values.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let x = p * (values.len() - 1) as f64;
        let (i, f) = (x.floor() as usize, x - x.floor());
        let j = (i + 1).min(values.len() - 1);
        values[i] + (values[j] - values[i]) * f
    };
    (Some(at(0.05)), Some(at(0.95)))
}

impl Forecast {
    /// Every row: for each scenario, date, state and total (each band over all placements,
    /// each placement over all bands, and everything).
    pub fn rows(&self) -> Vec<Row> {
        let mut groups: Vec<(Option<AgeBand>, Option<Category>, Vec<usize>)> = Vec::new();
        for b in AgeBand::ALL {
            for c in Category::ALL {
                groups.push((Some(b), Some(c), vec![state(b, c)]));
            }
            groups.push((
                Some(b),
                None,
                Category::ALL.iter().map(|&c| state(b, c)).collect(),
            ));
        }
        for c in Category::ALL {
            groups.push((
                None,
                Some(c),
                AgeBand::ALL.iter().map(|&b| state(b, c)).collect(),
            ));
        }
        groups.push((None, None, (0..STATES).collect()));
        let base = &self.runs[0];
        let mut out = Vec::new();
        for run in &self.runs {
            for (i, &d) in run.dates.iter().enumerate() {
                for (band_, cat, states) in &groups {
                    let priced = states
                        .iter()
                        .any(|&s| run.weekly[s % 4].is_some() || base.weekly[s % 4].is_some());
                    let sum = |v: &[f64; STATES]| states.iter().map(|&s| v[s]).sum::<f64>();
                    let children = sum(&run.children[i]);
                    let cost = sum(&run.cost[i]);
                    let (lo, hi) = band(
                        run.sims
                            .iter()
                            .map(|p| states.iter().map(|&s| f64::from(p[i].0[s])).sum())
                            .collect(),
                    );
                    let (clo, chi) = band(
                        run.sims
                            .iter()
                            .map(|p| states.iter().map(|&s| p[i].1[s]).sum())
                            .collect(),
                    );
                    let with_cost = priced && i > 0;
                    out.push(Row {
                        scenario: run.name.clone(),
                        date: d,
                        age_band: *band_,
                        placement: *cat,
                        children,
                        children_low: lo,
                        children_high: hi,
                        cost_gbp: with_cost.then_some(cost),
                        cost_low_gbp: clo.filter(|_| with_cost),
                        cost_high_gbp: chi.filter(|_| with_cost),
                        vs_base_children: children - sum(&base.children[i]),
                        vs_base_cost_gbp: with_cost.then(|| cost - sum(&base.cost[i])),
                    });
                }
            }
        }
        out
    }

    /// Each scenario's total over each forecast year: children at the year's end and the year's
    /// cost, with the base's beside them.
    pub fn yearly(&self) -> Vec<YearSummary> {
        let mut out = Vec::new();
        let base = &self.runs[0];
        for run in &self.runs {
            for y in 1..=usize::from(self.settings.years) {
                let i = (y * 12).min(run.dates.len() - 1);
                let months = (y - 1) * 12 + 1..=i;
                let total = |r: &ScenarioRun| r.children[i].iter().sum::<f64>();
                let cost = |r: &ScenarioRun| {
                    months
                        .clone()
                        .map(|m| r.cost[m].iter().sum::<f64>())
                        .sum::<f64>()
                };
                let (lo, hi) = band(
                    run.sims
                        .iter()
                        .map(|p| p[i].0.iter().map(|&v| f64::from(v)).sum())
                        .collect(),
                );
                out.push(YearSummary {
                    scenario: run.name.clone(),
                    year: y as u8,
                    date: run.dates[i],
                    children: total(run),
                    children_low: lo,
                    children_high: hi,
                    cost_gbp: cost(run),
                    base_children: total(base),
                    base_cost_gbp: cost(base),
                });
            }
        }
        out
    }
}

/// A scenario's year, against the base.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct YearSummary {
    pub scenario: String,
    pub year: u8,
    pub date: Date,
    pub children: f64,
    pub children_low: Option<f64>,
    pub children_high: Option<f64>,
    pub cost_gbp: f64,
    pub base_children: f64,
    pub base_cost_gbp: f64,
}

#[cfg(test)]
mod tests;

/// The output columns of [`Forecast::csv`].
pub const CSV_HEADER: &str = "scenario,date,age_band,placement,children,children_low,children_high,cost_gbp,cost_low_gbp,cost_high_gbp,vs_base_children,vs_base_cost_gbp";

fn csv_text(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

impl Row {
    pub fn age_band_key(&self) -> &'static str {
        self.age_band.map_or("all", AgeBand::key)
    }
    pub fn placement_key(&self) -> &'static str {
        self.placement.map_or("all", Category::key)
    }
}

impl Forecast {
    /// The rows as CSV ([`CSV_HEADER`]): children to three decimal places, pounds to two;
    /// `age_band` and `placement` are `all` for totals; empty cells where there is no figure.
    pub fn csv(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::from(CSV_HEADER);
        out.push('\n');
        let f3 = |v: Option<f64>| v.map(|v| format!("{v:.3}")).unwrap_or_default();
        let f2 = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_default();
        for r in self.rows() {
            let _ = writeln!(
                out,
                "{},{},{},{},{:.3},{},{},{},{},{},{:.3},{}",
                csv_text(&r.scenario),
                r.date,
                r.age_band_key(),
                r.placement_key(),
                r.children,
                f3(r.children_low),
                f3(r.children_high),
                f2(r.cost_gbp),
                f2(r.cost_low_gbp),
                f2(r.cost_high_gbp),
                r.vs_base_children,
                f2(r.vs_base_cost_gbp),
            );
        }
        out
    }

    /// The savings rows as CSV: `scenario,quarter,target_gbp,saving_gbp,whole_quarter,meets_target`.
    pub fn savings_csv(&self) -> String {
        use std::fmt::Write as _;
        let mut out =
            String::from("scenario,quarter,target_gbp,saving_gbp,whole_quarter,meets_target\n");
        for s in &self.savings {
            let _ = writeln!(
                out,
                "{},{},{},{:.2},{},{}",
                csv_text(&s.scenario),
                s.quarter,
                s.target_gbp,
                s.saving_gbp,
                s.whole_quarter,
                s.meets_target
            );
        }
        out
    }

    /// Everything, for `--format json`.
    pub fn report(&self) -> Report {
        Report {
            settings: self.settings.clone(),
            reference_start: self.reference_start,
            reference_end: self.settings.start,
            end: self.end,
            children_without_birth_date: self.without_birth_date,
            unit_costs: self.unit_costs.clone(),
            rates: self.rates.clone(),
            entrants: self.entrants.clone(),
            history: self.history.clone(),
            yearly: self.yearly(),
            rows: self.rows(),
            savings: self.savings.clone(),
        }
    }
}

/// A forecast as data (`--format json`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    pub settings: Settings,
    pub reference_start: Date,
    pub reference_end: Date,
    pub end: Date,
    pub children_without_birth_date: usize,
    pub unit_costs: Vec<UnitCost>,
    pub rates: Vec<RateRow>,
    pub entrants: Vec<EntrantRow>,
    pub history: Vec<Observed>,
    pub yearly: Vec<YearSummary>,
    pub rows: Vec<Row>,
    pub savings: Vec<SavingsRow>,
}
