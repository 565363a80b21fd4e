//! Annex A for a synthetic council of N children (default 100,000): the lists built from the
//! model and written as a workbook, then read back, each step timed.
//!
//! `cargo run --release -p annex-a --example bench -- 100000 /tmp/annex_a.xlsx`

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let children: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let out = args.next().unwrap_or_else(|| {
        std::env::temp_dir()
            .join("annex_a_bench.xlsx")
            .display()
            .to_string()
    });
    let t = Instant::now();
    let council = synth::generate(&synth::SynthConfig {
        children,
        seed: 20_260_331,
        ..synth::SynthConfig::default()
    });
    let ds = council.dataset;
    eprintln!(
        "synth: {children} children in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let date = model::Date::constant(2026, 3, 31);

    let t = Instant::now();
    let annex = annex_a::build(&ds, date);
    let built = t.elapsed().as_secs_f64();
    let t = Instant::now();
    annex_a::xlsx::write(&annex, std::path::Path::new(&out)).expect("the workbook is written");
    let written = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let analysis = annex_a::analyse(&annex);
    let analysed = t.elapsed().as_secs_f64();
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    for l in &annex.lists {
        eprintln!("list {:>2}: {:>7} rows", l.number, l.rows.len());
    }
    eprintln!(
        "Annex A: {} rows, {} children; lists {built:.2} s, workbook {written:.2} s ({:.1} MB), together {:.2} s; analysis {analysed:.3} s ({} sections)",
        annex.rows(),
        annex.children(),
        size as f64 / 1e6,
        built + written,
        analysis.sections.len()
    );
    let t = Instant::now();
    let back = annex_a::read_workbook(std::path::Path::new(&out), Some(date));
    eprintln!(
        "read back: {} children, {} findings ({} errors) in {:.2} s",
        back.dataset.children.len(),
        back.findings.len(),
        back.errors(),
        t.elapsed().as_secs_f64()
    );
}
