//! Reads a postcode directory CSV and says how many postcodes it holds and how long reading took:
//! for measuring [`formats::postcodes`] on the full ONS Postcode Directory (peak memory with
//! `/usr/bin/time -v`). `cargo run --release -p formats --example postcode_directory -- FILE
//! [POSTCODE...]`.

use formats::postcodes::PostcodeDirectory;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next().map(PathBuf::from) else {
        eprintln!("usage: postcode_directory FILE [POSTCODE...]");
        return std::process::ExitCode::from(2);
    };
    let start = Instant::now();
    let dir = match PostcodeDirectory::read(&file) {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!(
        "{}: {} postcodes read in {:.1} s",
        file.display(),
        dir.len(),
        start.elapsed().as_secs_f64()
    );
    for pc in args {
        match dir.get(&pc) {
            Some(p) => println!("{pc}: {} ({}), {:?}", p.pl_la(), p.lower_tier, p.grid),
            None => println!("{pc}: not in the directory"),
        }
    }
    std::process::ExitCode::SUCCESS
}
