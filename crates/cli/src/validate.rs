//! `harbour validate` and `harbour rule`: the DfE rules over returns, found by content.
//!
//! CIN census XML files are told by their `<Message>` root; SSDA903 CSV files by their header
//! row (all the 903 tables given make one return, `--prev DIR` the previous year's). Other files
//! are named and passed over. Findings go to stdout (or `--out`) as text, CSV, JSON or a
//! workbook; the summary goes to stderr. Exit code 1 when any finding is an error (queries alone
//! do not fail) or a file cannot be read; 2 when a file given is neither return, or a return's
//! year cannot be told (a 903 return needs `--year`) or has no rule set.

use crate::Failure;
use anyhow::anyhow;
use formats::cin::raw::RawReader;
use formats::ssda903::raw::RawReturn;
use rules::Severity;
use rules::cin::{Census, ValidateError};
use std::io::{BufReader, Read as _, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct ValidateArgs {
    /// Returns to check: CIN census XML files, SSDA903 CSV tables, or folders holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The previous year's SSDA903 return (a folder of its CSV tables), for the 903 rules that
    /// compare the two years; its tables are reported with the suffix `_last`.
    #[arg(long)]
    prev: Option<PathBuf>,
    /// An Ofsted provider list (CSV; repeat for several, e.g. the children's homes list and the
    /// social care providers list), for the 903 rules that look placements' URNs up (219, 221,
    /// 224, 227, 228, 1008); without it those rules are skipped, and the output says so.
    #[arg(long = "providers", value_name = "FILE")]
    providers: Vec<PathBuf>,
    /// The ONS postcode directory (CSV: the ONS Postcode Directory or National Statistics
    /// Postcode Lookup as downloaded, or a cut of either), from which the Episodes fields the DfE
    /// derives (PL_LA, PL_LOCATION, PL_DISTANCE) are filled in where the file lacks them, and for
    /// the 903 rules that look postcodes up (392c, 229); without it the rules on those fields
    /// are skipped unless the file carries them, and the output says so.
    #[arg(long = "postcodes", value_name = "FILE")]
    postcodes: Option<PathBuf>,
    /// The council's ONS local authority code (e.g. E09000027), for PL_LOCATION (in or out of
    /// the council's area) and the 903 rule 229.
    #[arg(long = "la", value_name = "CODE")]
    la: Option<String>,
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
    /// The rule's code, e.g. 8500 or 8525Q (CIN) or 101 (SSDA903; CIN first when both have it,
    /// `--return 903` for the 903 rule).
    code: String,
    /// Which return's rule: cin or 903.
    #[arg(long = "return", value_name = "RETURN")]
    return_kind: Option<ReturnKind>,
    /// Show the version of this collection year (named by the year it ends).
    #[arg(long)]
    year: Option<i16>,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum ReturnKind {
    Cin,
    #[value(name = "903")]
    Ssda903,
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
    let found = return_files(&args.paths)?;
    let mut results: Vec<(PathBuf, Census)> = Vec::new();
    for file in found.cin {
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
    let ssda903 = if found.ssda903.is_empty() {
        if args.prev.is_some() {
            return Err(anyhow!("--prev is for an SSDA903 return, and none was given").into());
        }
        if !args.providers.is_empty() {
            return Err(anyhow!("--providers is for an SSDA903 return, and none was given").into());
        }
        if args.postcodes.is_some() {
            return Err(anyhow!("--postcodes is for an SSDA903 return, and none was given").into());
        }
        if args.la.is_some() {
            return Err(anyhow!("--la is for an SSDA903 return, and none was given").into());
        }
        None
    } else {
        Some(validate_903(
            &found.ssda903,
            Extras {
                prev: args.prev.as_deref(),
                providers: &args.providers,
                postcodes: args.postcodes.as_deref(),
                la: args.la.as_deref(),
            },
            args.year,
        )?)
    };
    let mut rows: Vec<Row> = results
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
    if let Some((_, validated, files, _)) = &ssda903 {
        for finding in &validated.findings {
            let rule = rules::ssda903::rule(finding.rule_code, Some(validated.year));
            rows.push(Row {
                file: files
                    .get(finding.table)
                    .map_or(Path::new(""), PathBuf::as_path),
                finding,
                severity: rule.map_or(Severity::Error, |r| r.severity),
                message: rule.map_or("", |r| r.message),
            });
        }
    }
    let skipped: &[rules::ssda903::Skipped] =
        ssda903.as_ref().map_or(&[], |(_, v, _, _)| &v.skipped);
    let text = match args.format {
        Format::Text => text(&rows),
        Format::Csv => csv(&rows),
        Format::Json => json(&rows, skipped),
        Format::Xlsx => {
            let mut years: Vec<i16> = results.iter().map(|(_, c)| c.year).collect();
            years.sort_unstable();
            years.dedup();
            let mut in_force: Vec<(&'static str, Severity, &'static str)> = years
                .iter()
                .flat_map(|year| rules::cin::rules_for(*year))
                .map(|r| (r.code, r.severity, r.message))
                .collect();
            if let Some((_, validated, _, _)) = &ssda903 {
                in_force.extend(
                    rules::ssda903::rules_for(validated.year)
                        .map(|r| (r.code, r.severity, r.message)),
                );
            }
            let mut workbook = crate::xlsx::findings(&rows, &in_force)?;
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
    if let Some((ret, validated, _, derived)) = &ssda903 {
        eprintln!(
            "SSDA903 return: {} children, rules of {}-{:02}{}",
            validated.children,
            validated.year - 1,
            validated.year % 100,
            if ret.previous.is_some() {
                ", with the previous year's return"
            } else {
                ", without the previous year's return (--prev): the rules that compare the two years see only this year"
            }
        );
        if let (Some(dir), false) = (&ret.postcodes, derived.is_empty()) {
            eprintln!(
                "SSDA903 Episodes: {} derived from the postcodes of {}",
                derived.join(", "),
                dir.file.display()
            );
        }
    }
    // One line for each reason, in the order the rules were skipped.
    let mut reasons: Vec<&str> = Vec::new();
    for s in skipped {
        if !reasons.contains(&s.reason) {
            reasons.push(s.reason);
        }
    }
    for reason in reasons {
        let codes: Vec<&str> = skipped
            .iter()
            .filter(|s| s.reason == reason)
            .map(|s| s.code)
            .collect();
        eprintln!("SSDA903 rules skipped: {} ({reason})", codes.join(", "));
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
    let cin = || {
        rules::cin::rule(&args.code, args.year).map(|r| {
            (
                "CIN",
                r.code,
                r.severity,
                r.years,
                r.message,
                rules::cin::explanation(r.code),
            )
        })
    };
    let ssda903 = || {
        rules::ssda903::rule(&args.code, args.year).map(|r| {
            (
                "SSDA903",
                r.code,
                r.severity,
                r.years,
                r.message,
                rules::ssda903::explanation(r.code),
            )
        })
    };
    let found = match args.return_kind {
        Some(ReturnKind::Cin) => cin(),
        Some(ReturnKind::Ssda903) => ssda903(),
        None => cin().or_else(ssda903),
    };
    let Some((kind, code, severity, years, message, explanation)) = found else {
        return Err(anyhow!(
            "no rule {}{}; `harbour validate` lists the codes it finds",
            args.code,
            args.year.map(|y| format!(" in {y}")).unwrap_or_default()
        )
        .into());
    };
    let years: Vec<String> = years
        .iter()
        .map(|y| format!("{}-{:02}", y - 1, y % 100))
        .collect();
    let mut out = format!(
        "{kind} rule {code} ({severity}; {})\n{message}\n\n",
        years.join(", "),
    );
    out.push_str(&explanation.unwrap_or_default());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| anyhow!("cannot write: {e}"))?;
    Ok(())
}

/// An SSDA903 return read and validated, with the file behind each table name (`_last` for the
/// previous year's) and the Episodes columns derived from the postcodes.
type Validated903 = (
    rules::ssda903::Return,
    rules::ssda903::Validated,
    std::collections::HashMap<&'static str, PathBuf>,
    Vec<&'static str>,
);

/// What a 903 return may come with: the previous year's return, Ofsted's provider lists, the ONS
/// postcode directory and the council's LA code.
struct Extras<'a> {
    prev: Option<&'a Path>,
    providers: &'a [PathBuf],
    postcodes: Option<&'a Path>,
    la: Option<&'a str>,
}

/// The council's LA code as `--la` gives it: an ONS local authority code, a letter and eight
/// digits (`E09000027`).
fn ons_la_code(code: &str) -> Result<String, Failure> {
    let code = code.trim().to_ascii_uppercase();
    let ok = code.len() == 9
        && code.as_bytes()[0].is_ascii_alphabetic()
        && code.bytes().skip(1).all(|b| b.is_ascii_digit());
    if ok {
        Ok(code)
    } else {
        Err(Failure {
            code: 2,
            error: anyhow!(
                "--la {code:?}: give the council's ONS local authority code, a letter and eight \
                 digits such as E09000027 (Richmond upon Thames); the three-digit DfE LA codes \
                 are not accepted"
            ),
        })
    }
}

fn validate_903(
    files: &[PathBuf],
    extras: Extras,
    year: Option<i16>,
) -> Result<Validated903, Failure> {
    let Extras {
        prev,
        providers,
        postcodes,
        la,
    } = extras;
    let la = la.map(ons_la_code).transpose()?;
    let Some(year) = year else {
        return Err(Failure {
            code: 2,
            error: anyhow!(
                "an SSDA903 return does not say its year: give it with --year (2026 for 2025-26)"
            ),
        });
    };
    let read = |paths: &[PathBuf]| {
        RawReturn::read(paths).map_err(|e| Failure {
            code: 1,
            error: anyhow!(e),
        })
    };
    // The two years are read side by side: each is a few MB of CSV.
    let (current, previous) = std::thread::scope(|scope| {
        let previous = prev.map(|dir| scope.spawn(move || read(&[dir.to_owned()])));
        let current = read(files);
        let previous = previous.map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        (current, previous)
    });
    let current = current?;
    let previous = match previous {
        Some(ret) => {
            let ret = ret?;
            if ret.tables().is_empty() {
                return Err(Failure {
                    code: 2,
                    error: anyhow!(
                        "{}: no SSDA903 table in the previous year's return",
                        prev.map_or_else(String::new, |d| d.display().to_string())
                    ),
                });
            }
            Some(ret)
        }
        None => None,
    };
    let mut names = std::collections::HashMap::new();
    for (ret, last) in [(Some(&current), false), (previous.as_ref(), true)] {
        for t in ret.map_or(&[][..], |r| r.tables()) {
            names.insert(rules::ssda903::table_name(t.table, last), t.file.clone());
        }
    }
    let providers = if providers.is_empty() {
        None
    } else {
        Some(
            rules::ssda903::ProviderList::read(providers).map_err(|e| Failure {
                code: 1,
                error: anyhow!(e),
            })?,
        )
    };
    let postcodes = postcodes
        .map(|path| {
            rules::ssda903::PostcodeDirectory::read(path).map_err(|e| Failure {
                code: 1,
                error: anyhow!(e),
            })
        })
        .transpose()?;
    let mut ret = rules::ssda903::Return {
        current,
        previous,
        providers,
        postcodes,
        la,
    };
    let derived = ret.derive_postcode_fields();
    let validated = rules::ssda903::validate_return(&ret, year, |_| true).map_err(|e| Failure {
        code: 2,
        error: anyhow!(e),
    })?;
    Ok((ret, validated, names, derived))
}

/// The returns' files among `paths` (folders are searched, and below), told by content.
#[derive(Default)]
struct Found {
    cin: Vec<PathBuf>,
    ssda903: Vec<PathBuf>,
}

fn return_files(paths: &[PathBuf]) -> Result<Found, Failure> {
    let mut found = Found::default();
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
            found.cin.push(path);
        } else if is_903_table(&path)? || is_903_xml(&path)? {
            found.ssda903.push(path);
        } else if paths.contains(&path) {
            return Err(anyhow!(
                "{}: neither a CIN census (no <Message> root) nor an SSDA903 return (not a table \
                 whose header row is one, nor XML with an <EXPSSDA903> root)",
                path.display()
            )
            .into());
        } else {
            eprintln!(
                "{}: not a CIN census or an SSDA903 table or XML return, passed over",
                path.display()
            );
        }
    }
    if found.cin.is_empty() && found.ssda903.is_empty() {
        return Err(anyhow!("no CIN census or SSDA903 table found").into());
    }
    Ok(found)
}

/// Whether the file's first line is the header row of an SSDA903 table (the 2026-27 DoLo table
/// among them).
fn is_903_table(path: &Path) -> Result<bool, Failure> {
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return Ok(false);
    }
    let file =
        std::fs::File::open(path).map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let mut head = Vec::with_capacity(4096);
    BufReader::new(file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head));
    let first = text.lines().next().unwrap_or("");
    let names: Vec<&str> = first
        .split(',')
        .map(|h| h.trim().trim_matches('"'))
        .collect();
    Ok(formats::ssda903::raw::identify(&names).is_some())
}

/// Whether the file is an SSDA903 return in XML: its root element is `<EXPSSDA903>`.
fn is_903_xml(path: &Path) -> Result<bool, Failure> {
    let file =
        std::fs::File::open(path).map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    let mut head = Vec::with_capacity(4096);
    BufReader::new(file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(|e| anyhow!("cannot read {}: {e}", path.display()))?;
    Ok(formats::ssda903::xml::is_ssda903_xml(&head))
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
            (Some(line), None) => format!("{}:{line}", r.file.display()),
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

/// `{"findings": [...], "skipped": [{"rule_code", "reason"}]}`: the findings, and the rules of
/// the year that were not run (those that need Ofsted's provider lists, the postcode directory,
/// the LA code or the fields derived from the postcodes, when the return came without them).
fn json(rows: &[Row], skipped: &[rules::ssda903::Skipped]) -> String {
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
    let skipped: Vec<serde_json::Value> = skipped
        .iter()
        .map(|s| {
            serde_json::json!({
                "rule_code": s.code,
                "reason": s.reason,
            })
        })
        .collect();
    let doc = serde_json::json!({ "findings": list, "skipped": skipped });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
