//! The same seed gives the same files, byte for byte; another seed gives others.

use std::collections::BTreeMap;
use std::path::Path;

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn write(config: &synth::SynthConfig) -> (tempfile::TempDir, BTreeMap<String, Vec<u8>>) {
    let dir = tempfile::tempdir().unwrap();
    let council = synth::generate(config);
    synth::write(&council, config, dir.path()).unwrap();
    let f = files(dir.path());
    (dir, f)
}

#[test]
fn same_seed_same_bytes() {
    let config = synth::SynthConfig {
        children: 400,
        seed: 7,
        ..synth::SynthConfig::default()
    };
    let (_a, first) = write(&config);
    let (_b, second) = write(&config);
    let names: Vec<&String> = first.keys().collect();
    for expected in [
        "cin/cin_census.xml",
        "cin_prev/cin_census.xml",
        "903/header.csv",
        "903_prev/episodes.csv",
        "extract/allocations.csv",
    ] {
        assert!(
            first.contains_key(expected),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(first.len(), second.len());
    for (name, bytes) in &first {
        assert!(
            bytes == &second[name],
            "{name} differs between two runs with the same seed"
        );
    }
    let other = synth::SynthConfig { seed: 8, ..config };
    let (_c, third) = write(&other);
    assert_ne!(first["cin/cin_census.xml"], third["cin/cin_census.xml"]);
}

#[test]
fn the_header_time_comes_from_the_year() {
    let config = synth::SynthConfig {
        children: 50,
        ..synth::SynthConfig::default()
    };
    let (_d, f) = write(&config);
    let xml = String::from_utf8(f["cin/cin_census.xml"].clone()).unwrap();
    assert!(
        xml.contains("<DateTime>2026-04-20T09:00:00</DateTime>"),
        "{}",
        &xml[..600.min(xml.len())]
    );
    assert!(xml.contains("<ReferenceDate>2026-03-31</ReferenceDate>"));
    let prev = String::from_utf8(f["cin_prev/cin_census.xml"].clone()).unwrap();
    assert!(prev.contains("<ReferenceDate>2025-03-31</ReferenceDate>"));
}
