//! Benchmark (BENCHMARKS.md): the whole catalogue, monthly over 36 months, for a synthetic council.
//!
//! `cargo run --release -p metrics --example catalogue -- 1000000`
//!
//! Generates the council in memory (not timed), then times `compute_catalogue` for every period
//! kind, and prints the peak memory of the process (VmHWM).

use metrics::{Inputs, PeriodKind, Population, Settings};
use std::time::Instant;

fn peak_memory_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn main() {
    let children: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let t = Instant::now();
    let council = synth::generate(&synth::SynthConfig {
        children,
        ..synth::SynthConfig::default()
    });
    let dataset = council.dataset;
    println!(
        "generated {children} children ({} in the dataset) in {:.1?}",
        dataset.children.len(),
        t.elapsed()
    );
    let population = Population {
        area: council.la_code,
        vintage: "synthetic".into(),
        children: [(council.year.0 - 1, u64::from(council.population_0_17))].into(),
    };
    let inputs = Inputs {
        dataset: &dataset,
        population: Some(&population),
        active: None,
        assurance: None,
        index: None,
    };
    let as_at = council.year.end();
    let settings = Settings::default();
    let all = Instant::now();
    for (kind, count) in [
        (PeriodKind::Month, 36),
        (PeriodKind::Quarter, 12),
        (PeriodKind::Rolling12Months, 36),
        (PeriodKind::YearToMarch, 3),
    ] {
        let t = Instant::now();
        let series = metrics::compute_catalogue(&inputs, kind, as_at, count, &settings);
        let figures: usize = series.iter().map(|s| s.points.len()).sum();
        println!(
            "{kind}: {} indicators × {count} periods = {figures} figures in {:.2?}",
            series.len(),
            t.elapsed()
        );
    }
    println!("all period kinds: {:.2?}", all.elapsed());
    if std::env::var_os("HARBOUR_BENCH_EACH").is_some() {
        let periods = metrics::periods(PeriodKind::Month, as_at, 36);
        let mut each: Vec<_> = metrics::CATALOGUE
            .iter()
            .map(|d| {
                let t = Instant::now();
                metrics::compute_series(d, &inputs, &periods, &settings);
                (t.elapsed(), d.id)
            })
            .collect();
        each.sort();
        for (t, id) in each.iter().rev() {
            println!("  {id:<40} {t:.2?}");
        }
    }
    if let Some(mb) = peak_memory_mb() {
        println!("peak memory (VmHWM): {mb} MB");
    }
}
