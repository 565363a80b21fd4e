//! The SSDA903 readers (one CSV table, and the XML form) and every year's SSDA903 rules on
//! arbitrary bytes, with and without a previous year's return: an error or findings, never a
//! panic. Run: `cargo +nightly fuzz run ssda903_validate fuzz/corpus/ssda903_validate` from the
//! repository root (the corpus holds the rule fixtures' tables and a trimmed XML return).
#![no_main]

use formats::ssda903::raw::RawReturn;
use libfuzzer_sys::fuzz_target;
use rules::ssda903::{Return, YEARS, validate_return};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(ret) = RawReturn::from_csv(Path::new("fuzz.csv"), bytes.to_vec()) {
        validate(ret);
    }
    let _ = formats::ssda903::xml::is_ssda903_xml(bytes);
    if let Ok(ret) = RawReturn::from_xml(Path::new("fuzz.xml"), bytes) {
        validate(ret);
    }
});

/// Every year's rules on the return alone, then with itself as the previous year's.
fn validate(current: RawReturn) {
    let mut ret = Return {
        current,
        ..Return::default()
    };
    for &year in YEARS {
        let _ = validate_return(&ret, year, |_| true);
    }
    ret.previous = Some(ret.current.clone());
    for &year in YEARS {
        let _ = validate_return(&ret, year, |_| true);
    }
}
