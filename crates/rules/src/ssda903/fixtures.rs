//! Every SSDA903 rule has its docs and a fixture, every rule file is in the table, and each
//! fixture gives exactly the findings it lists (see the module docs for the fixture layout).

use super::{FILES, PostcodeDirectory, ProviderList, RULES, Return, validate_return};
use formats::ssda903::raw::RawReturn;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The fixture table holding an Ofsted provider list (`== Providers`), for the rules that need one.
const PROVIDERS: &str = "Providers";

/// The fixture table holding a postcode directory (`== Postcodes`), for the rules on postcodes.
const POSTCODES: &str = "Postcodes";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ssda903")
}

#[test]
fn every_rule_file_is_in_the_table_and_every_code_is_listed_once_per_year() {
    crate::check_rule_table(&dir(), FILES, RULES, super::YEARS);
}

#[test]
fn every_rule_has_its_docs_with_the_dfe_message_verbatim() {
    crate::check_rule_docs(FILES);
}

/// A fixture: its year, the findings expected, and its tables (name, CSV).
struct Fixture {
    year: i16,
    /// The council's ONS code (`# la: E09000027`).
    la: Option<String>,
    expected: BTreeSet<String>,
    tables: Vec<(String, String)>,
}

fn parse(text: &str, path: &Path) -> Fixture {
    let mut year = None;
    let mut la = None;
    let mut expected = BTreeSet::new();
    let mut tables: Vec<(String, String)> = Vec::new();
    let mut in_expect = false;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            tables.push((name.trim().to_owned(), String::new()));
        } else if let Some((_, csv)) = tables.last_mut() {
            csv.push_str(line);
            csv.push('\n');
        } else if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if let Some(y) = comment.strip_prefix("year:") {
                year = Some(y.trim().parse().expect("a year"));
            } else if let Some(code) = comment.strip_prefix("la:") {
                la = Some(code.trim().to_owned());
            } else if comment == "expect:" {
                in_expect = true;
            } else if in_expect && !comment.is_empty() {
                expected.insert(comment.to_owned());
            }
        }
    }
    Fixture {
        year: year.unwrap_or_else(|| panic!("{}: no `# year:`", path.display())),
        la,
        expected,
        tables,
    }
}

fn fixtures_of(module: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            name.ends_with(".fixture.txt") && name.split('.').next() == Some(module)
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_rule_has_a_fixture_and_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    for file in FILES {
        let fixtures = fixtures_of(file.module);
        assert!(!fixtures.is_empty(), "{} has no fixture", file.module);
        let mut exercised = BTreeSet::new();
        for path in fixtures {
            let text = std::fs::read_to_string(&path).unwrap();
            let fixture = parse(&text, &path);
            assert!(
                !fixture.expected.is_empty(),
                "{}: expects no finding",
                path.display()
            );
            let read = |last: bool| {
                let texts: Vec<(PathBuf, &str)> = fixture
                    .tables
                    .iter()
                    .filter(|(name, _)| {
                        name != PROVIDERS && name != POSTCODES && name.ends_with("_last") == last
                    })
                    .map(|(name, csv)| (PathBuf::from(name), csv.as_str()))
                    .collect();
                let ret = RawReturn::from_texts(texts.iter().map(|(p, t)| (p.as_path(), *t)))
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                for t in ret.tables() {
                    let name = t.file.to_str().unwrap();
                    assert_eq!(
                        name.trim_end_matches("_last"),
                        t.table.name(),
                        "{}: the columns of `== {name}` are those of {}",
                        path.display(),
                        t.table
                    );
                }
                ret
            };
            let current = read(false);
            let passing = current
                .tables()
                .iter()
                .flat_map(|t| &t.rows)
                .filter(|r| r.child().starts_with("pass"))
                .count();
            assert!(passing > 0, "{}: no row of a `pass` child", path.display());
            let has_last = fixture.tables.iter().any(|(n, _)| n.ends_with("_last"));
            let providers = fixture
                .tables
                .iter()
                .find(|(name, _)| name == PROVIDERS)
                .map(|(name, csv)| {
                    ProviderList::from_text(Path::new(name), csv)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                });
            let postcodes = fixture
                .tables
                .iter()
                .find(|(name, _)| name == POSTCODES)
                .map(|(name, csv)| {
                    PostcodeDirectory::from_text(Path::new(name), csv)
                        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                });
            let mut ret = Return {
                current,
                previous: has_last.then(|| read(true)),
                providers,
                postcodes,
                la: fixture.la.clone(),
            };
            ret.derive_postcode_fields();
            for r in file
                .rules
                .iter()
                .filter(|r| r.years.contains(&fixture.year))
            {
                exercised.insert((r.code, fixture.year));
            }
            let in_file = |r: &super::Rule| file.rules.iter().any(|x| x.code == r.code);
            let found: BTreeSet<String> = validate_return(&ret, fixture.year, in_file)
                .unwrap()
                .findings
                .iter()
                .map(|f| format!("{},{}", f.table, f.row.unwrap_or(0)))
                .collect();
            if found != fixture.expected {
                failures.push(format!(
                    "{}: expected {:?}\n  found {:?}",
                    path.display(),
                    fixture.expected,
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
