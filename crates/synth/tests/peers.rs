//! 1,000 children written to disk pass the CIN schema (xmllint) and the Data to Insight
//! validators with no findings at all.
//!
//! The peers live in `../shared/peers` next to the repository (see shared/peers/README.md). When
//! they or `xmllint` are missing, the test fails under CI (env `CI` set) and otherwise prints a
//! note and passes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    // crates/synth -> crates -> repository root -> ../shared
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Whether the tool is there; if not, fails under CI and otherwise says why the test is skipped.
fn available(what: &str, ok: bool) -> bool {
    if ok {
        return true;
    }
    let message = format!("{what} is not available, so the synthetic files were not validated");
    if std::env::var_os("CI").is_some() {
        panic!("{message} (CI is set, so this is a failure)");
    }
    eprintln!(
        "note: {message}; skipping (set up ../shared/peers and install libxml2-utils to run it)"
    );
    false
}

/// Runs a command; returns its stdout, failing on a non-zero exit.
fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The peers print a CSV header and one line per finding: there must be none.
fn assert_no_findings(what: &str, stdout: &str) {
    let findings: Vec<&str> = stdout
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(
        findings.is_empty(),
        "{what}: {} finding(s), e.g.\n{}",
        findings.len(),
        findings
            .iter()
            .take(20)
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_thousand_children_pass_the_schema_and_the_peers() {
    let shared = shared();
    let peers = shared.join("peers");
    let xsd = shared.join("spec/cin/CIN_schema_2026.xsd");
    let xmllint = Command::new("xmllint").arg("--version").output().is_ok();
    if !available("xmllint", xmllint)
        || !available(&format!("the CIN schema {}", xsd.display()), xsd.exists())
        || !available(
            &format!("the peer validators in {}", peers.display()),
            peers.join("run_cin.sh").exists(),
        )
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    let config = synth::SynthConfig {
        children: 1_000,
        seed: 2026,
        ..synth::SynthConfig::default()
    };
    let council = synth::generate(&config);
    let files = synth::write(&council, &config, out).unwrap();
    assert!(
        files.children.iter().all(|&n| n > 0),
        "{:?}",
        files.children
    );

    for xml in [&files.cin, &files.cin_prev] {
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&xsd)
            .arg(xml)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{} fails the schema:\n{}",
            xml.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let cin = run(Command::new(peers.join("run_cin.sh"))
        .arg(&files.cin)
        .args(["--ruleset", "cin2025_26"]));
    assert_no_findings("CIN census 2025-26", &cin);
    let cin_prev = run(Command::new(peers.join("run_cin.sh"))
        .arg(&files.cin_prev)
        .args(["--ruleset", "cin2024_25"]));
    assert_no_findings("CIN census 2024-25", &cin_prev);
    let la = run(Command::new(peers.join("run_903.sh"))
        .arg(&files.ssda903)
        .args(["--year", "2026", "--la", council.area.ons_code, "--prev"])
        .arg(&files.ssda903_prev));
    assert_no_findings("SSDA903 2025-26 with the 2024-25 return", &la);
}
