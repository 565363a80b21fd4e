//! The DfE validation rules, run over returns as written.
//!
//! Each rule is one file with its code, the DfE message verbatim, a doc comment that explains it
//! (what it checks, why, the DfE wording) and a fixture beside it with failing and passing
//! children. One table per return lists every rule ([`cin::RULES`]); a test fails when a rule
//! lacks its docs or fixture, or when a rule file is missing from the table.
//!
//! Rules see the values as written (through [`formats::cin::raw`]), not the normalised model,
//! because the model leaves a bad code or date empty and a rule must report it. Findings are
//! data: [`Finding`] names the rule, the child, the table and 0-based row the DfE validators use,
//! the field, the place in the file and the offending value.

pub mod cin;
pub mod ssda903;

use std::fmt;

/// A validation rule of one return: its code, the DfE message verbatim, its severity, the
/// collection years whose rule set holds it, and its check (`C`: what the return's rules look
/// at; [`cin::Check`] or [`ssda903::Check`]). Shared by every return so that each has the same
/// structure: one file per rule, one table of all, an explanation from the rule file's docs.
#[derive(Clone, Copy)]
pub struct Rule<C: 'static> {
    pub code: &'static str,
    /// The DfE message, verbatim.
    pub message: &'static str,
    pub severity: Severity,
    /// The collection years (named by the year they end) whose rule set holds this rule.
    pub years: &'static [i16],
    pub(crate) check: C,
}

impl<C> fmt::Debug for Rule<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .field("years", &self.years)
            .finish_non_exhaustive()
    }
}

/// A rule file: its module name, its source (for the explanation) and its rules.
pub(crate) struct RuleFile<C: 'static> {
    #[cfg_attr(not(test), allow(dead_code))]
    pub module: &'static str,
    pub source: &'static str,
    pub rules: &'static [Rule<C>],
}

/// Declares the rule modules of a return and builds `RULES` (every rule, in the order given) and
/// `FILES` (each module with its source and rules). A module may hold more than one version of
/// its rule: `rule_8750 (RULE_2024)`.
macro_rules! rule_table {
    ($check:ty; $($module:ident $(($($extra:ident),+))?),+ $(,)?) => {
        $(mod $module;)+

        /// Every rule of every year, in code order.
        pub static RULES: &[crate::Rule<$check>] = &[$($module::RULE, $($($module::$extra,)+)?)+];

        pub(crate) static FILES: &[crate::RuleFile<$check>] = &[$(crate::RuleFile {
            module: stringify!($module),
            source: include_str!(concat!(stringify!($module), ".rs")),
            rules: &[$module::RULE, $($($module::$extra,)+)?],
        }),+];
    };
}
pub(crate) use rule_table;

/// The rule with this code in this year's set, or in any year's when `year` is `None` (codes are
/// compared without regard to case, so `8525q` finds 8525Q); the newest version first.
pub(crate) fn find_rule<C>(
    rules: &'static [Rule<C>],
    code: &str,
    year: Option<i16>,
) -> Option<&'static Rule<C>> {
    let mut matching = rules
        .iter()
        .filter(|r| r.code.eq_ignore_ascii_case(code))
        .filter(|r| year.is_none_or(|y| r.years.contains(&y)));
    let mut best = matching.next()?;
    for r in matching {
        if r.years.iter().max() > best.years.iter().max() {
            best = r;
        }
    }
    Some(best)
}

/// A rule's explanation: the doc comment of its file (what it checks, why, the DfE wording).
pub(crate) fn explanation_in<C>(files: &[RuleFile<C>], code: &str) -> Option<String> {
    let file = files
        .iter()
        .find(|f| f.rules.iter().any(|r| r.code.eq_ignore_ascii_case(code)))?;
    Some(doc_of(file.source))
}

/// The `//!` lines at the top of a rule file, without the markers.
pub(crate) fn doc_of(source: &str) -> String {
    let mut doc = String::new();
    for line in source.lines() {
        let Some(rest) = line.strip_prefix("//!") else {
            break;
        };
        doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        doc.push('\n');
    }
    doc
}

/// Checks that every rule file has the three headings in order, quotes each rule's message
/// verbatim under `# DfE wording`, gives each rule the severity its code says (Q: query) and
/// at least one year, and says what it checks.
#[cfg(test)]
pub(crate) fn check_rule_docs<C>(files: &[RuleFile<C>]) {
    for file in files {
        let doc = doc_of(file.source);
        let headings = ["# What it checks", "# Why", "# DfE wording"];
        let mut at = 0;
        for h in headings {
            let found = doc[at..].find(&format!("{h}\n"));
            assert!(
                found.is_some(),
                "{}: no `{h}` heading (in this order)",
                file.module
            );
            at += found.unwrap();
        }
        let wording = &doc[at..];
        for rule in file.rules {
            assert!(
                wording.contains(rule.message),
                "{}: the DfE wording section does not quote the message of {} ({:?}) verbatim",
                file.module,
                rule.code,
                rule.message
            );
            let expected_severity = if rule.code.ends_with('Q') {
                Severity::Query
            } else {
                Severity::Error
            };
            assert_eq!(rule.severity, expected_severity, "{}", rule.code);
            assert!(!rule.years.is_empty(), "{} belongs to no year", rule.code);
        }
        let what = &doc[doc.find("# What it checks").unwrap()..doc.find("# Why").unwrap()];
        assert!(
            what.trim().len() > "# What it checks".len() + 20,
            "{}: say what it checks",
            file.module
        );
    }
}

/// Checks that the `rule_*.rs` files of `dir` are the modules of `files`, and that no code is
/// listed twice for one year.
#[cfg(test)]
pub(crate) fn check_rule_table<C>(
    dir: &std::path::Path,
    files: &[RuleFile<C>],
    rules: &[Rule<C>],
    years: &[i16],
) {
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|n| {
            n.strip_suffix(".rs")
                .filter(|m| m.starts_with("rule_"))
                .map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = files.iter().map(|f| f.module.to_owned()).collect();
    listed.sort();
    assert_eq!(
        on_disk,
        listed,
        "{}/rule_*.rs and the rule_table! in mod.rs differ",
        dir.display()
    );
    for year in years {
        let mut codes: Vec<_> = rules
            .iter()
            .filter(|r| r.years.contains(year))
            .map(|r| r.code)
            .collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "a code is listed twice for {year}");
    }
}

/// Whether a finding stops the return (an error) or asks for a check or an explanation (a query,
/// code ending in Q).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Query,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Query => "query",
        })
    }
}

/// One place where a rule fails.
///
/// `table` and `row` follow the DfE validators' flattened tables (see `formats::cin::raw`): the
/// table name (`ChildIdentifiers`, `CINdetails`, …, or `Header`) and the 0-based row in it.
/// Return-level findings (a share of the whole return, a count over it) have no child, table or
/// row.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Finding {
    pub rule_code: &'static str,
    pub child_id: String,
    pub table: &'static str,
    pub field: &'static str,
    pub row: Option<usize>,
    /// 1-based line and byte column of the offending element, or of its block when the element
    /// is missing.
    pub line: Option<u64>,
    pub column: Option<u64>,
    /// The value as written, or empty when missing.
    pub value: String,
}
