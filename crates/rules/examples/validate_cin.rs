//! Validates a CIN census and prints the number of findings per rule: the rules crate alone, for
//! measuring speed and memory (`cargo run --release -p rules --example validate_cin -- FILE`).

use formats::cin::raw::RawReader;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: validate_cin FILE.xml [YEAR]");
        return std::process::ExitCode::from(2);
    };
    let year = std::env::args().nth(2).and_then(|y| y.parse().ok());
    let census = RawReader::open(&path)
        .map_err(|e| e.to_string())
        .and_then(|r| rules::cin::validate_census(r, year, |_| true).map_err(|e| e.to_string()));
    match census {
        Ok(census) => {
            let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &census.findings {
                *per_rule.entry(f.rule_code).or_default() += 1;
            }
            println!(
                "{} children, {} findings",
                census.children,
                census.findings.len()
            );
            for (code, n) in per_rule {
                println!("{code}\t{n}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
