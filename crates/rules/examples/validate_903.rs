//! Validates an SSDA903 return (with the previous year's) and prints the time each rule takes,
//! slowest first: the rules crate alone, for finding where the time goes
//! (`cargo run --release -p rules --example validate_903 -- DIR PREV_DIR [YEAR]`).

use formats::ssda903::raw::RawReturn;
use rules::ssda903::Return;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: validate_903 DIR PREV_DIR [YEAR]");
        return std::process::ExitCode::from(2);
    }
    let year: i16 = args.get(2).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let t = Instant::now();
    let read = |p: &str| RawReturn::read(&[PathBuf::from(p)]).map_err(|e| e.to_string());
    let (current, previous) = match (read(&args[0]), read(&args[1])) {
        (Ok(c), Ok(p)) => (c, p),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    eprintln!("read both years in {:.3} s", t.elapsed().as_secs_f64());
    let ret = Return {
        current,
        previous: Some(previous),
        ..Return::default()
    };
    let t = Instant::now();
    let ctx = rules::ssda903::Ctx::new(year);
    eprintln!("context in {:.3} s", t.elapsed().as_secs_f64());
    let mut times = Vec::new();
    let all = Instant::now();
    for rule in rules::ssda903::rules_for(year) {
        let t = Instant::now();
        let mut out = Vec::new();
        rules::ssda903::run_rule(rule, &ctx, &ret, &mut out);
        times.push((t.elapsed().as_secs_f64(), rule.code, out.len()));
    }
    let total = all.elapsed().as_secs_f64();
    let t = Instant::now();
    let validated = rules::ssda903::validate_return(&ret, year, |_| true);
    let findings = validated.map_or(0, |v| v.findings.len());
    println!(
        "validate_return (every core): {:.3} s, {findings} findings",
        t.elapsed().as_secs_f64()
    );
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("all rules one by one: {total:.3} s");
    for (secs, code, n) in times.iter().take(40) {
        println!("{code}\t{:.1} ms\t{n} findings", secs * 1000.0);
    }
    std::process::ExitCode::SUCCESS
}
