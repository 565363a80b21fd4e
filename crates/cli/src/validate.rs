//! `harbour validate` and `harbour rule`: the DfE rules over returns, found by content.
//!
//! Only the CIN census has rules so far; other returns are named and passed over. Findings go to
//! stdout (or `--out`) as text, CSV or JSON; the summary goes to stderr. Exit code 1 when any
//! finding is an error (queries alone do not fail) or a census is not well-formed XML; 2 when a
//! file given is not a census, or a census's year cannot be told or has no rule set.

use crate::Failure;
use anyhow::anyhow;
use formats::cin::raw::RawReader;
use rules::Severity;
use rules::cin::{Census, ValidateError};
use std::io::{BufReader, Read as _, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct ValidateArgs {
    /// Returns to check: CIN census XML files, or folders holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Collection year, named by the year it ends (2026 = 2025-26); by default the year of each
    /// census's ReferenceDate.
    #[arg(long)]
    year: Option<i16>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the findings to this file instead of stdout.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct RuleArgs {
    /// The rule's code, e.g. 8500 or 8525Q.
    code: String,
    /// Show the version of this collection year (named by the year it ends).
    #[arg(long)]
    year: Option<i16>,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// One finding a line: file:line:column, severity and rule, child, value, message.
    Text,
    /// `rule_code,child_id,table,field,row,line,column,severity,value,message,file`.
    Csv,
    /// An array of findings.
    Json,
    /// An Excel workbook (needs --out): the findings as in the CSV, and the rules with their counts.
    Xlsx,
}

/// A finding with what the output needs beside it.
pub(crate) struct Row<'a> {
    pub(crate) file: &'a Path,
    pub(crate) finding: &'a rules::Finding,
    pub(crate) severity: Severity,
    pub(crate) message: &'static str,
}

pub fn run(args: ValidateArgs) -> Result<(), Failure> {
    if args.format == Format::Xlsx {
        crate::xlsx::out_path(args.out.as_deref())?;
    }
    let files = census_files(&args.paths)?;
    let mut results: Vec<(PathBuf, Census)> = Vec::new();
    for file in files {
        // A census that is not well-formed XML has errors (exit 1); one whose year cannot be told
        // or has no rule set needs --year (exit 2).
        let reader = RawReader::open(&file).map_err(|e| Failure {
            code: 1,
            error: anyhow!(e),
        })?;
        let census = rules::cin::validate_census(reader, args.year, |_| true).map_err(|e| {
            let code = match e {
                ValidateError::Format(_) => 1,
                ValidateError::Year(_) => 2,
            };
            Failure {
                code,
                error: anyhow!("{}: {e}", file.display()),
            }
        })?;
        results.push((file, census));
    }
    let rows: Vec<Row> = results
        .iter()
        .flat_map(|(file, census)| {
            census.findings.iter().map(move |finding| {
                let rule = rules::cin::rule(finding.rule_code, Some(census.year));
                Row {
                    file,
                    finding,
                    severity: rule.map_or(Severity::Error, |r| r.severity),
                    message: rule.map_or("", |r| r.message),
                }
            })
        })
        .collect();
    let text = match args.format {
        Format::Text => text(&rows),
        Format::Csv => csv(&rows),
        Format::Json => json(&rows),
        Format::Xlsx => {
            let mut years: Vec<i16> = results.iter().map(|(_, c)| c.year).collect();
            years.sort_unstable();
            years.dedup();
            let mut workbook = crate::xlsx::findings(&rows, &years)?;
            crate::xlsx::save(&mut workbook, crate::xlsx::out_path(args.out.as_deref())?)?;
            String::new()
        }
    };
    match &args.out {
        _ if args.format == Format::Xlsx => {}
        Some(path) => std::fs::write(path, text)
            .map_err(|e| anyhow!("cannot write {}: {e}", path.display()))?,
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| anyhow!("cannot write the findings: {e}"))?,
    }
    let errors = rows
        .iter()
        .filter(|r| r.severity == Severity::Error)
        .count();
    let queries = rows.len() - errors;
    for (file, census) in &results {
        eprintln!(
            "{}: {} children, rules of {}-{:02}",
            file.display(),
            census.children,
            census.year - 1,
            census.year % 100
        );
    }
    eprintln!("{errors} errors, {queries} queries");
    if errors > 0 {
        return Err(Failure {
            code: 1,
            error: anyhow!("the return has {errors} errors"),
        });
    }
    Ok(())
}

pub fn rule(args: RuleArgs) -> Result<(), Failure> {
    let Some(rule) = rules::cin::rule(&args.code, args.year) else {
        return Err(anyhow!(
            "no CIN rule {}{}; `harbour validate` lists the codes it finds",
            args.code,
            args.year.map(|y| format!(" in {y}")).unwrap_or_default()
        )
        .into());
    };
    let years: Vec<String> = rule
        .years
        .iter()
        .map(|y| format!("{}-{:02}", y - 1, y % 100))
        .collect();
    let mut out = format!(
        "CIN rule {} ({}; {})\n{}\n\n",
        rule.code,
        rule.severity,
        years.join(", "),
        rule.message
    );
    out.push_str(&rules::cin::explanation(rule.code).unwrap_or_default());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| anyhow!("cannot write: {e}"))?;
    Ok(())
}

/// The CIN census files among `paths` (folders are searched, one level deep and below), told by
/// content: an XML file whose root element is `Message`. Other files are named on stderr.
fn census_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut found = Vec::new();
    let mut stack: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(&path)
                .map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            stack.extend(entries.into_iter().rev());
        } else if is_census(&path)? {
            found.push(path);
        } else if paths.contains(&path) {
            return Err(anyhow!(
                "{}: not a CIN census (no <Message> root); only CIN census rules are in this version",
                path.display()
            )
            .into());
        } else {
            eprintln!("{}: not a CIN census, passed over", path.display());
        }
    }
    if found.is_empty() {
        return Err(anyhow!("no CIN census found").into());
    }
    Ok(found)
}

/// Whether the file's first element, after any declaration, comments and byte-order mark, is
/// `<Message`.
fn is_census(path: &Path) -> Result<bool, Failure> {
    let file =
        std::fs::File::open(path).map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let mut head = Vec::with_capacity(4096);
    BufReader::new(file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head));
    let mut rest = text.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix("<?") {
            rest = after.split_once("?>").map_or("", |(_, r)| r).trim_start();
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.split_once("-->").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    Ok(rest.starts_with("<Message") && rest[8..].starts_with(['>', ' ', '\n', '\r', '\t', '/']))
}

fn text(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let f = r.finding;
        let place = match (f.line, f.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", r.file.display()),
            _ => r.file.display().to_string(),
        };
        let who = if f.child_id.is_empty() {
            String::new()
        } else {
            format!(" child {}", f.child_id)
        };
        let what = match f.row {
            Some(row) => format!(" {} row {row}, {}", f.table, f.field),
            None => " the return".to_owned(),
        };
        let value = if f.value.is_empty() {
            " (missing)".to_owned()
        } else {
            format!(" value {:?}", f.value)
        };
        out.push_str(&format!(
            "{place}: {}[{}]{who}{what}{value}: {}\n",
            r.severity, f.rule_code, r.message
        ));
    }
    out
}

fn csv(rows: &[Row]) -> String {
    let mut out = String::from(
        "rule_code,child_id,table,field,row,line,column,severity,value,message,file\n",
    );
    for r in rows {
        let f = r.finding;
        let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let fields = [
            f.rule_code.to_owned(),
            f.child_id.clone(),
            f.table.to_owned(),
            f.field.to_owned(),
            f.row.map(|n| n.to_string()).unwrap_or_default(),
            num(f.line),
            num(f.column),
            r.severity.to_string(),
            f.value.clone(),
            r.message.to_owned(),
            r.file.display().to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|s| crate::csv_field(s)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

fn json(rows: &[Row]) -> String {
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let f = r.finding;
            serde_json::json!({
                "rule_code": f.rule_code,
                "child_id": f.child_id,
                "table": f.table,
                "field": f.field,
                "row": f.row,
                "line": f.line,
                "column": f.column,
                "severity": r.severity.to_string(),
                "value": f.value,
                "message": r.message,
                "file": r.file.display().to_string(),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_default();
    text.push('\n');
    text
}
