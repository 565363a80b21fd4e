//! Back-test and benchmark on a synthetic council (`synth::generate`, the history as known on
//! 31 March 2026).
//!
//! ```text
//! cargo run --release -p forecast --example backtest -- backtest [CHILDREN] [SEED]
//! cargo run --release -p forecast --example backtest -- bench [CHILDREN] [SEED]
//! ```
//!
//! `backtest` fits on the year to 31 March 2025 (and, for two years ahead, the year to 31 March
//! 2024), forecasts to 31 March 2026 and sets the forecast against the children actually in
//! care then, by placement and in total, with both methods. `bench` times the whole forecast
//! (five years, 200 simulations, the demo scenarios and costs) on the full history.

use forecast::{AgeBand, Category, Method, Settings};
use jiff::civil::date;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("backtest", String::as_str);
    let children: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let seed: u64 = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(1);
    let t = Instant::now();
    let council = synth::generate(&synth::SynthConfig {
        children,
        seed,
        year: 2026,
        ..synth::SynthConfig::default()
    });
    let ds = &council.dataset;
    let episodes: usize = ds.children.iter().map(|c| c.cla_episodes.len()).sum();
    let in_care = ds
        .children
        .iter()
        .filter(|c| !c.cla_episodes.is_empty())
        .count();
    eprintln!(
        "{children} children (seed {seed}): {in_care} ever in care, {episodes} episodes; generated in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    match what {
        "bench" => bench(ds),
        _ => backtest(ds),
    }
}

fn bench(ds: &model::Dataset) {
    let costs = pack::demo::placement_costs();
    let savings = pack::demo::savings();
    let scenarios = forecast::scenario::demo();
    for method in [Method::harbour(), Method::cs_demand_model()] {
        let settings = Settings {
            method,
            ..Settings::new(date(2026, 3, 31), 5)
        };
        let t = Instant::now();
        let f =
            forecast::forecast(ds, &settings, Some(&costs), &scenarios, Some(&savings)).unwrap();
        let fit = t.elapsed().as_secs_f64();
        let rows = f.rows().len();
        println!(
            "{}: 5 years, {} scenarios + base, {} simulations each: {:.2} s ({} output rows; {:.2} s with the rows)",
            method.name,
            scenarios.len(),
            settings.replicates,
            fit,
            rows,
            t.elapsed().as_secs_f64()
        );
    }
}

fn backtest(ds: &model::Dataset) {
    let actual_end = date(2026, 3, 31);
    let by_cat = |v: &dyn Fn(usize) -> f64, c: Category| -> f64 {
        AgeBand::ALL
            .iter()
            .map(|&b| v(b.index() * 4 + c.index()))
            .sum()
    };
    println!("| method | fitted on | ahead | placement | forecast | 90% band | actual | error |");
    println!("|---|---|---|---|---:|---:|---:|---:|");
    for method in [Method::harbour(), Method::cs_demand_model()] {
        // Observed on 31 March 2026 by category (as this method reads the episodes), from a
        // forecast that starts there.
        let observed = forecast::forecast(
            ds,
            &Settings {
                method,
                replicates: 0,
                ..Settings::new(actual_end, 1)
            },
            None,
            &[],
            None,
        )
        .unwrap();
        let now = observed.history.last().unwrap().children;
        for (years, start) in [(1u8, date(2025, 3, 31)), (2, date(2024, 3, 31))] {
            let settings = Settings {
                method,
                replicates: 200,
                ..Settings::new(start, years)
            };
            let f = forecast::forecast(ds, &settings, None, &[], None).unwrap();
            let rows = f.rows();
            let fitted = format!("{} to {}", f.reference_start, start);
            let report = |label: &str, cat: Option<Category>| {
                let r = rows
                    .iter()
                    .find(|r| r.date == actual_end && r.age_band.is_none() && r.placement == cat)
                    .unwrap();
                let actual: f64 = match cat {
                    Some(c) => by_cat(&|s| f64::from(now[s]), c),
                    None => now.iter().map(|&v| f64::from(v)).sum(),
                };
                println!(
                    "| {} | {fitted} | {years} | {label} | {:.1} | {:.0}–{:.0} | {actual:.0} | {:+.1}% |",
                    method.name,
                    r.children,
                    r.children_low.unwrap_or(f64::NAN),
                    r.children_high.unwrap_or(f64::NAN),
                    (r.children - actual) / actual * 100.0
                );
            };
            for c in Category::ALL {
                report(c.key(), Some(c));
            }
            report("all", None);
        }
    }
}
