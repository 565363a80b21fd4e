//! The CIN census reader and every year's rules on arbitrary bytes: an error or findings, never a
//! panic. Run: `cargo +nightly fuzz run cin_validate fuzz/corpus/cin_validate` from the repository
//! root (the corpus holds the rule fixtures).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    for year in [None, Some(2024), Some(2025), Some(2026)] {
        let Ok(reader) = formats::cin::raw::RawReader::new(bytes, Path::new("fuzz.xml")) else {
            return;
        };
        let _ = rules::cin::validate_census(reader, year, |_| true);
    }
});
