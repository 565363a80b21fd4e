//! Every rule has its docs and a fixture, every rule file is in the table, and each fixture gives
//! exactly the findings it lists.
//!
//! Fixture conventions: `rule_CODE.fixture.xml` (or `rule_CODE.YEAR.fixture.xml` for another
//! year's version) beside the rule file; its first comment holds `expect:` and then one expected
//! finding a line, `table,row,child_id`, or `return` for a return-level finding. Children meant
//! to pass have ids starting `pass`; there is at least one, and at least one finding.

use super::{FILES, RULES, Validator, year_of};
use formats::cin::raw::RawReader;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cin")
}

#[test]
fn every_rule_file_is_in_the_table_and_every_code_is_listed_once_per_year() {
    crate::check_rule_table(&dir(), FILES, RULES, super::YEARS);
}

#[test]
fn every_rule_has_its_docs_with_the_dfe_message_verbatim() {
    crate::check_rule_docs(FILES);
}

/// The fixtures of a rule file: (path, collection year, expected findings).
fn fixtures_of(module: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.ends_with(".fixture.xml") && name.split('.').next() == Some(module)
        })
        .collect();
    found.sort();
    found
}

fn expected_of(xml: &str, path: &Path) -> BTreeSet<String> {
    let start = xml.find("<!--").expect("the fixture has a comment") + 4;
    let end = start + xml[start..].find("-->").unwrap();
    let comment = &xml[start..end];
    let list = comment
        .split_once("expect:")
        .unwrap_or_else(|| panic!("{}: no `expect:` in the first comment", path.display()))
        .1;
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_rule_has_a_fixture_and_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for file in FILES {
        let fixtures = fixtures_of(file.module);
        assert!(!fixtures.is_empty(), "{} has no fixture", file.module);
        let mut exercised = BTreeSet::new();
        for path in fixtures {
            let xml = std::fs::read_to_string(&path).unwrap();
            let expected = expected_of(&xml, &path);
            assert!(
                !expected.is_empty(),
                "{}: expects no finding",
                path.display()
            );
            let reader = RawReader::new(xml.as_bytes(), &path).unwrap();
            let year = year_of(reader.header()).expect("the fixture has a ReferenceDate");
            let in_file = |r: &super::Rule| file.rules.iter().any(|x| x.code == r.code);
            for r in file.rules.iter().filter(|r| r.years.contains(&year)) {
                exercised.insert((r.code, year));
            }
            let mut validator = Validator::new(year, in_file);
            validator.header(reader.header());
            let mut passing = 0;
            for child in reader {
                let child = child.unwrap();
                if child.id().starts_with("pass") {
                    passing += 1;
                }
                validator.child(&child);
            }
            assert!(
                passing > 0,
                "{}: no child with an id starting `pass`",
                path.display()
            );
            let found: BTreeSet<String> = validator
                .finish()
                .findings
                .iter()
                .map(|f| match f.row {
                    Some(row) => format!("{},{},{}", f.table, row, f.child_id),
                    None => "return".to_owned(),
                })
                .collect();
            if found != expected {
                failures.push(format!(
                    "{}: expected {:?}\n  found {:?}",
                    path.display(),
                    expected,
                    found
                ));
            }
        }
        for rule in file.rules {
            assert!(
                rule.years
                    .iter()
                    .any(|y| exercised.contains(&(rule.code, *y))),
                "{}: no fixture runs the {} rule of years {:?}",
                file.module,
                rule.code,
                rule.years
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_code_of_the_table_has_an_explanation() {
    for rule in RULES {
        let text = super::explanation(rule.code).unwrap();
        assert!(text.contains("# DfE wording"), "{}", rule.code);
    }
}
