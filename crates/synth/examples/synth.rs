//! Generates a synthetic council and writes its files.
//!
//!     cargo run --release -p synth --example synth -- CHILDREN OUT_DIR [SEED] [YEAR]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: synth CHILDREN OUT_DIR [SEED] [YEAR]");
        std::process::exit(2);
    }
    let config = synth::SynthConfig {
        children: args[0].parse().expect("CHILDREN is a number"),
        seed: args
            .get(2)
            .map_or(1, |s| s.parse().expect("SEED is a number")),
        year: args
            .get(3)
            .map_or(2026, |s| s.parse().expect("YEAR is a number")),
        ..synth::SynthConfig::default()
    };
    let out = std::path::Path::new(&args[1]);
    let t0 = Instant::now();
    let council = synth::generate(&config);
    let t1 = Instant::now();
    eprintln!("after generate: {}", peak_memory());
    let files = synth::write(&council, &config, out).expect("files written");
    let t2 = Instant::now();
    eprintln!(
        "{} children, population 0-17 {}; generated in {:.2?}, written in {:.2?}; children per file (CIN, CIN prev, 903, 903 prev): {:?}",
        council.dataset.children.len(),
        council.population_0_17,
        t1 - t0,
        t2 - t1,
        files.children
    );
    for y in [config.year - 2, config.year - 1, config.year] {
        eprintln!("{}", synth::stats::rates(&council, y));
    }
}

/// Peak resident memory so far, from /proc (Linux); empty elsewhere.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_default()
}
