//! The files of one load, read into one all-or-nothing batch for the store: the code path that
//! `harbour load` and the web app's upload share.
//!
//! Files are recognised by content, not name: a CIN census is XML; SSDA903 tables,
//! case-management extracts, population tables, the Family Safeguarding partnership data set
//! (`partnership.csv`) and practice-assurance files are CSVs told apart by their header rows. SSDA903 files are grouped by folder (one folder, one return) and their
//! collection year is given or found from their latest event. Returns are folded in oldest first,
//! extracts and population tables last. Any problem in any file refuses the whole batch, with
//! every problem naming its file, place and cause.
//!
//! Reading is in two steps: [`prepare`] reads the files (no store needed), then
//! [`attach_assurance`] checks the practice-assurance files among them against the store and puts
//! their records in the batch, so that they are stored in the load's one transaction.

use assurance::AssuranceData;
use assurance::csv::FileKind;
use model::{CollectionYear, Dataset, Date};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use store::{AssuranceEdit, Channel, EditSource, LoadBatch, ReturnKind, SourceFile, Store};

/// Why a batch could not be made.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The input is wrong (exit code 1): `message` says why; `problems` are the problems found
    /// in the files, each with its file, place, field and cause (the first [`PROBLEMS_KEPT`]).
    #[error("{message}")]
    Refused {
        message: String,
        problems: Vec<String>,
        /// How many problems there were in all.
        total: usize,
    },
    /// A file or folder could not be read, or none was given (exit code 2).
    #[error("{0}")]
    Io(String),
    /// The store could not be read to check the input against it (exit code 2).
    #[error("cannot read the store: {0}")]
    Store(#[from] store::StoreError),
}

impl IngestError {
    fn refused(message: String) -> IngestError {
        IngestError::Refused {
            message,
            problems: Vec::new(),
            total: 0,
        }
    }
}

/// How many problems a refusal keeps to show.
pub const PROBLEMS_KEPT: usize = 50;

/// What a file is, found from its content.
enum Kind {
    Cin,
    Ssda903,
    Extract,
    Population,
    /// Practice-assurance records (audits, actions, posts, family voice): see `assurance::csv`.
    Assurance,
    /// An Ofsted Annex A workbook (`.xlsx`): see `annex_a::read`.
    AnnexA,
    /// The Family Safeguarding partnership data set: see `metrics::partnership`.
    Partnership,
}

/// A batch ready for [`store::Store::load`], with what was found on the way.
#[derive(Debug)]
pub struct Prepared {
    pub batch: LoadBatch,
    pub children: usize,
    /// Notes for the person loading, e.g. `DIR: SSDA903 return for 2025-26`.
    pub notes: Vec<String>,
    /// The practice-assurance files among the input (name, bytes), for [`attach_assurance`].
    pub assurance_files: Vec<(String, Vec<u8>)>,
}

/// Reads `files` (paths of files, not folders: see [`discover`]) into one batch loaded by
/// `loaded_by`. `on_file` is called as each file is read (for a progress bar).
pub fn prepare(
    files: &[PathBuf],
    year: Option<CollectionYear>,
    loaded_by: String,
    on_file: &mut dyn FnMut(&Path),
) -> Result<Prepared, IngestError> {
    if files.is_empty() {
        return Err(IngestError::Io(
            "no CIN census XML or CSV files found in the given paths".to_owned(),
        ));
    }
    let input = |e: &dyn std::fmt::Display| IngestError::refused(e.to_string());
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    // Each return with its collection year, so that older years are folded in first.
    let mut parts: Vec<(i16, Dataset)> = Vec::new();
    // SSDA903 files by folder (one folder, one return) and extract files, each with its lineage
    // taken from the bytes read here, so that no file is read again to be hashed.
    let mut ssda903_groups: BTreeMap<PathBuf, Vec<(PathBuf, SourceFile)>> = BTreeMap::new();
    let mut extract_files: Vec<(PathBuf, SourceFile)> = Vec::new();
    let mut assurance_files: Vec<(String, Vec<u8>)> = Vec::new();

    for path in files {
        on_file(path);
        let bytes = std::fs::read(path)
            .map_err(|e| IngestError::Io(format!("cannot read {}: {e}", path.display())))?;
        match classify(path, &bytes)? {
            Kind::Cin => {
                let read = formats::cin::read_census_from(bytes.as_slice(), path)
                    .map_err(|e| input(&e))?;
                let census_year = read.data.header.as_ref().map(|h| h.year).or(year);
                // A census whose year cannot be read has a problem that says why; the problems
                // are shown before anything else is asked of the person loading.
                let census_year = match census_year {
                    Some(y) => y,
                    None if !read.problems.is_empty() => CollectionYear(0),
                    None => {
                        return Err(IngestError::refused(format!(
                            "{}: the census has no Header/CollectionDetails/Year; pass --year",
                            path.display()
                        )));
                    }
                };
                problems.extend(read.problems.iter().map(ToString::to_string));
                sources.push(SourceFile::from_bytes(
                    &path.display().to_string(),
                    &bytes,
                    ReturnKind::CinCensus,
                    Some(census_year.0),
                ));
                parts.push((
                    census_year.0,
                    Dataset {
                        children: read.data.children,
                        ..Dataset::default()
                    },
                ));
            }
            Kind::Ssda903 => {
                let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
                let source = source_file(path, &bytes, ReturnKind::Ssda903);
                ssda903_groups
                    .entry(folder)
                    .or_default()
                    .push((path.clone(), source));
            }
            Kind::Extract => {
                extract_files.push((path.clone(), source_file(path, &bytes, ReturnKind::Extract)));
            }
            Kind::Population => {
                let read = formats::population::read_file(path).map_err(|e| input(&e))?;
                problems.extend(read.problems.iter().map(ToString::to_string));
                sources.push(source_file(path, &bytes, ReturnKind::Population));
                parts.push((
                    i16::MAX,
                    Dataset {
                        population: read.data,
                        ..Dataset::default()
                    },
                ));
            }
            Kind::Assurance => assurance_files.push((path.display().to_string(), bytes)),
            Kind::Partnership => {
                let name = path.display().to_string();
                match metrics::partnership::read_partnership(&name, &bytes) {
                    Ok(partner_figures) => parts.push((
                        i16::MAX,
                        Dataset {
                            partner_figures,
                            ..Dataset::default()
                        },
                    )),
                    Err(found) => problems.extend(found.iter().map(ToString::to_string)),
                }
                sources.push(source_file(path, &bytes, ReturnKind::Partnership));
            }
            Kind::AnnexA => {
                let read = annex_a::read::read_bytes(&bytes, None);
                let mut queries = 0;
                for f in &read.findings {
                    match f.severity {
                        annex_a::read::Severity::Error => {
                            problems.push(format!("{}: {f}", path.display()));
                        }
                        annex_a::read::Severity::Query => queries += 1,
                    }
                }
                if queries > 0 {
                    notes.push(format!(
                        "{}: Annex A read with {queries} queries (blanks the template does not \
                         expect, columns or sheets it lacks): `harbour annex-a --check` lists them",
                        path.display()
                    ));
                }
                let latest = latest_event(&read.dataset.children);
                let year = latest.map(CollectionYear::containing).or(year);
                sources.push(SourceFile::from_bytes(
                    &path.display().to_string(),
                    &bytes,
                    ReturnKind::AnnexA,
                    year.map(|y| y.0),
                ));
                // After the returns of its year, before the extracts.
                parts.push((year.map_or(i16::MAX - 1, |y| y.0), read.dataset));
            }
        }
    }

    for (folder, group) in ssda903_groups {
        let (paths, group_sources): (Vec<PathBuf>, Vec<SourceFile>) = group.into_iter().unzip();
        // The return's year is given, or found from its latest event: every event in a return
        // falls on or before its reference date, 31 March.
        let provisional = year.unwrap_or(CollectionYear(2000));
        let mut read = formats::ssda903::read_files(&paths, provisional).map_err(|e| input(&e))?;
        if read.data.is_empty() && read.problems.is_empty() {
            return Err(IngestError::refused(only_header_rows(&paths, &folder)));
        }
        let return_year = match (year, latest_event(&read.data)) {
            (Some(y), _) => y,
            (None, Some(latest)) => CollectionYear::containing(latest),
            // The problems are shown first; the load is refused for them.
            (None, None) if !read.problems.is_empty() => provisional,
            (None, None) => {
                let place = match paths.as_slice() {
                    [one] => one.display().to_string(),
                    _ => format!("{} (SSDA903 files)", folder.display()),
                };
                return Err(IngestError::refused(format!(
                    "{place}: the SSDA903 rows hold no episode, review, missing or social \
                     worker dates to tell their collection year from; pass --year"
                )));
            }
        };
        for child in &mut read.data {
            for r in &mut child.care_leaver_records {
                r.year = return_year;
            }
            for o in &mut child.outcomes {
                o.year = return_year;
            }
        }
        if year.is_none() && read.problems.is_empty() {
            notes.push(format!(
                "{}: SSDA903 return for {return_year}",
                folder.display()
            ));
        }
        problems.extend(read.problems.iter().map(ToString::to_string));
        sources.extend(group_sources.into_iter().map(|source| SourceFile {
            collection_year: Some(return_year.0),
            ..source
        }));
        parts.push((
            return_year.0,
            Dataset {
                children: read.data,
                ..Dataset::default()
            },
        ));
    }

    if !extract_files.is_empty() {
        let (paths, extract_sources): (Vec<PathBuf>, Vec<SourceFile>) =
            extract_files.into_iter().unzip();
        let read = formats::extract::read_files(&paths).map_err(|e| input(&e))?;
        problems.extend(read.problems.iter().map(ToString::to_string));
        sources.extend(extract_sources);
        let e = read.data;
        // Extracts are the system of record for the workforce: fold them in last.
        parts.push((
            i16::MAX,
            Dataset {
                teams: e.teams,
                workers: e.workers,
                allocations: e.allocations,
                family_safeguarding: e.family_safeguarding,
                contacts: e.contacts,
                strategy_discussions: e.strategy_discussions,
                visits: e.visits,
                supervisions: e.supervisions,
                chronology: e.chronology,
                return_home_interviews: e.return_home_interviews,
                ..Dataset::default()
            },
        ));
    }

    if !problems.is_empty() {
        let total = problems.len();
        problems.truncate(PROBLEMS_KEPT);
        return Err(IngestError::Refused {
            message: format!(
                "load refused: {total} problem(s) in the input; nothing was stored. Fix the files and load again."
            ),
            problems,
            total,
        });
    }

    parts.sort_by_key(|(y, _)| *y);
    let mut dataset = Dataset::default();
    for (_, part) in parts {
        dataset.merge(part);
    }
    let no_returns = store::row_counts(&dataset).iter().all(|(_, n)| *n == 0);
    if no_returns && assurance_files.is_empty() {
        return Err(IngestError::refused(format!(
            "load refused: {} hold(s) no records (only header rows, or a census with no \
             children), so there is nothing to load",
            list_files(files)
        )));
    }
    let children = dataset.children.len();
    Ok(Prepared {
        batch: LoadBatch {
            // Returns that hold no records are not recorded as a load of their own.
            files: if no_returns { Vec::new() } else { sources },
            dataset,
            loaded_by,
            assurance: None,
        },
        children,
        notes,
        assurance_files,
    })
}

/// Checks the practice-assurance files of `prepared` (if any) against the store and puts their
/// records in its batch, to be stored in the load's one transaction as an edit by `actor`
/// through `channel`. Gives how many assurance records there are. A problem in them refuses the
/// whole load.
pub async fn attach_assurance(
    store: &Store,
    prepared: &mut Prepared,
    actor: &str,
    channel: Channel,
    action: &str,
) -> Result<usize, IngestError> {
    if prepared.assurance_files.is_empty() {
        return Ok(0);
    }
    let (data, source) = check_assurance(store, &prepared.assurance_files, &FileKind::ALL).await?;
    let records = data.len();
    prepared.batch.assurance = Some(AssuranceEdit {
        actor: actor.to_owned(),
        channel,
        action: action.to_owned(),
        source,
        data,
    });
    Ok(records)
}

/// Reads practice-assurance CSVs (each recognised by its header) of the `kinds` given, all or
/// nothing, and checks them against the records in the store: a cycle or audit they name may be
/// there already. Gives the records and where they came from (one file's name and hash, or the
/// names and a hash of the hashes).
pub async fn check_assurance(
    store: &Store,
    files: &[(String, Vec<u8>)],
    kinds: &[FileKind],
) -> Result<(AssuranceData, Option<EditSource>), IngestError> {
    let parsed = assurance::csv::read_files(files).map_err(refused_assurance)?;
    let mut wrong = Vec::new();
    for (name, bytes) in files {
        let first =
            String::from_utf8_lossy(bytes.split(|&b| b == b'\n').next().unwrap_or(&[])).to_string();
        let cells: Vec<&str> = first.split(',').collect();
        if let Some(k) = assurance::csv::identify(&cells)
            && !kinds.contains(&k)
        {
            wrong.push(assurance::csv::CsvProblem {
                file: name.clone(),
                line: 1,
                column: 1,
                field: k.columns()[0].to_owned(),
                rule: format!(
                    "this is {}, which this command does not import (it imports {})",
                    k.file_name(),
                    kinds
                        .iter()
                        .map(|k| k.file_name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        }
    }
    if !wrong.is_empty() {
        return Err(refused_assurance(wrong));
    }
    // Only ids are read, so a refused import leaves no trace, not even in the access log.
    let known = store.assurance_references().await?;
    let problems = assurance::csv::locate(parsed.data.cross_check_with(&known), &parsed.places);
    if !problems.is_empty() {
        return Err(refused_assurance(problems));
    }
    let source = match files {
        [(name, bytes)] => Some(EditSource {
            name: name.clone(),
            sha256: store::sha256_hex(bytes),
        }),
        _ => {
            let hashes: String = files.iter().map(|(_, b)| store::sha256_hex(b)).collect();
            Some(EditSource {
                name: files
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                sha256: store::sha256_hex(hashes.as_bytes()),
            })
        }
    };
    Ok((parsed.data, source))
}

fn refused_assurance(problems: Vec<assurance::csv::CsvProblem>) -> IngestError {
    let total = problems.len();
    IngestError::Refused {
        message: format!("import refused: {total} problem(s) in the input; nothing was stored"),
        problems: problems
            .iter()
            .take(PROBLEMS_KEPT)
            .map(ToString::to_string)
            .collect(),
        total,
    }
}

/// Why an SSDA903 file, or a folder of them, whose tables hold only their header rows cannot be
/// loaded: there is nothing in it, and no date to tell its collection year from.
fn only_header_rows(paths: &[PathBuf], folder: &Path) -> String {
    match paths {
        [one] if formats::ssda903::xml::looks_like_xml(&std::fs::read(one).unwrap_or_default()) => {
            format!(
                "{}: the SSDA903 return holds no <CHILD>, so there is nothing to load",
                one.display()
            )
        }
        [one] => format!(
            "{}: the file holds only its header row, no data rows, so there is nothing \
             to load (an empty table is fine beside the other tables of its return)",
            one.display()
        ),
        _ => format!(
            "{}: every SSDA903 table in the folder holds only its header row, so there is \
             nothing to load",
            folder.display()
        ),
    }
}

/// The files of a load, named for a message (the first few, then how many more).
fn list_files(files: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = files
        .iter()
        .take(SHOWN)
        .map(|f| f.display().to_string())
        .collect();
    if files.len() > SHOWN {
        names.push(format!("{} more", files.len() - SHOWN));
    }
    names.join(", ")
}

/// The lineage of a file whose year is not known yet (set once its return has been read).
fn source_file(path: &Path, bytes: &[u8], kind: ReturnKind) -> SourceFile {
    SourceFile::from_bytes(&path.display().to_string(), bytes, kind, None)
}

/// Expands folders (recursively, in name order) into the files inside that look like returns.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
        let cannot = |e: std::io::Error| {
            IngestError::Io(format!("cannot read the folder {}: {e}", dir.display()))
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(cannot)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(cannot)?;
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out)?;
            } else if matches!(extension(&path).as_deref(), Some("xml" | "csv")) {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else if path.exists() {
            out.push(path.clone());
        } else {
            return Err(IngestError::Io(format!(
                "{}: no such file or folder",
                path.display()
            )));
        }
    }
    Ok(out)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Tells a CIN census from an SSDA903 return (CSV tables or XML) and extract CSVs by content,
/// not by name. A file that is none of them is refused with what it seems to be instead, as far
/// as that can be told.
fn classify(path: &Path, bytes: &[u8]) -> Result<Kind, IngestError> {
    let refuse = |message: String| IngestError::refused(message);
    if bytes.is_empty() {
        return Err(refuse(format!(
            "{}: the file is empty (0 bytes)",
            path.display()
        )));
    }
    // An Annex A workbook is read as one; any other spreadsheet is refused below as what it is.
    if bytes.starts_with(b"PK") && annex_a::read::looks_like_annex_a(bytes) {
        return Ok(Kind::AnnexA);
    }
    formats::text::check_text(path, bytes).map_err(|e| refuse(e.to_string()))?;
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| text[i]);
    match first {
        None => {
            return Err(refuse(format!(
                "{}: the file holds only blank space (spaces, tabs or line breaks), no data",
                path.display()
            )));
        }
        // The root element tells the XML returns apart: `<EXPSSDA903>` is an SSDA903 return,
        // anything else is read as a CIN census, whose reader names a root other than
        // `<Message>`.
        Some(b'<') if formats::ssda903::xml::is_ssda903_xml(text) => return Ok(Kind::Ssda903),
        Some(b'<') => return Ok(Kind::Cin),
        Some(b'{' | b'[') => {
            return Err(refuse(format!(
                "{}: line 1: this is JSON, not a CIN census (XML), an SSDA903 table or an extract \
                 (CSV)",
                path.display()
            )));
        }
        Some(_) => {}
    }
    // The header row: the first line that is not blank.
    let header_line = text
        .split(|&b| b == b'\n' || b == b'\r')
        .enumerate()
        .find(|(_, l)| l.iter().any(|b| !b.is_ascii_whitespace()));
    let (index, header_line) = header_line.unwrap_or((0, &[]));
    let line = index_to_line(text, index);
    let header_line = String::from_utf8_lossy(header_line);
    let headers: Vec<&str> = header_line.split(',').map(str::trim).collect();
    if formats::ssda903::identify(&headers).is_some() {
        return Ok(Kind::Ssda903);
    }
    // Before the extract, whose files also have a child_id column.
    if is_partnership(&headers) {
        return Ok(Kind::Partnership);
    }
    // Before the extract: assurance files also have team, worker and child columns.
    if assurance::csv::identify(&headers).is_some() {
        return Ok(Kind::Assurance);
    }
    if formats::extract::identify(&headers).is_some() {
        return Ok(Kind::Extract);
    }
    if formats::population::identify(&headers) {
        return Ok(Kind::Population);
    }
    Err(refuse(format!(
        "{}: line {line}: {}",
        path.display(),
        unrecognised_header(&header_line)
    )))
}

/// Whether a header row is that of `partnership.csv`: it names each of the file's columns
/// (any order, any case; `metrics::partnership::read_partnership` reads them so).
fn is_partnership(headers: &[&str]) -> bool {
    ["child_id", "measure", "month", "value"]
        .iter()
        .all(|c| headers.iter().any(|h| h.eq_ignore_ascii_case(c)))
}

/// The 1-based line on which the `index`-th piece of `text` split at every `\n` and `\r` starts,
/// counting `\r\n` as one line break.
fn index_to_line(text: &[u8], index: usize) -> usize {
    let mut line = 1;
    let mut piece = 0;
    let mut i = 0;
    while piece < index && i < text.len() {
        match text[i] {
            b'\r' if text.get(i + 1) == Some(&b'\n') => {
                piece += 2;
                line += 1;
                i += 1;
            }
            b'\r' | b'\n' => {
                piece += 1;
                line += 1;
            }
            _ => {}
        }
        i += 1;
    }
    line
}

/// Why a header row is none of the files Harbour reads, with what it seems to be where that can
/// be told. Its cells are quoted only when it is surely a header row (it names a column Harbour
/// knows), since the first line of a file without a header row may be a child's details.
fn unrecognised_header(line: &str) -> String {
    const NONE: &str = "this is not a CIN census, an SSDA903 table, an extract or a population table: the header row matches none of them";
    let known = |cell: &str| {
        let cell = cell.trim();
        formats::ssda903::Table::ALL
            .iter()
            .flat_map(|t| t.columns())
            .chain(&["team_id", "worker_id", "child_id", "area", "children_0_17"])
            .any(|c| c.eq_ignore_ascii_case(cell))
    };
    for separator in [';', '\t', '|'] {
        let cells: Vec<&str> = line.split(separator).collect();
        if cells.len() > 1 && cells.iter().any(|c| known(c)) {
            let name = match separator {
                ';' => "semicolons (;)",
                '\t' => "tabs",
                _ => "bars (|)",
            };
            return format!(
                "the header row is separated by {name}, not commas; save the file as \"CSV UTF-8 \
                 (comma delimited)\" and load it again"
            );
        }
    }
    let cells: Vec<&str> = line.split(',').map(str::trim).collect();
    if cells
        .iter()
        .any(|c| c.eq_ignore_ascii_case("Child Unique ID"))
    {
        return format!(
            "{NONE}; it looks like an Ofsted Annex A list, which Harbour writes but does not load"
        );
    }
    if cells.iter().any(|c| known(c)) {
        let shown: Vec<&str> = cells.iter().take(15).copied().collect();
        return format!(
            "the header row ({}) is not that of a table Harbour reads: SSDA903 {}, or extract \
             teams, workers, allocations, family_safeguarding",
            shown.join(","),
            formats::ssda903::Table::ALL.map(|t| t.name()).join(", ")
        );
    }
    NONE.to_owned()
}

/// The latest date of any event in an SSDA903 return.
fn latest_event(children: &[model::Child]) -> Option<Date> {
    children
        .iter()
        .flat_map(|c| {
            c.cla_episodes
                .iter()
                .flat_map(|e| [Some(e.start_date), e.end_date])
                .chain(c.cla_reviews.iter().map(|r| Some(r.date)))
                .chain(
                    c.missing_episodes
                        .iter()
                        .flat_map(|m| [Some(m.start_date), m.end_date]),
                )
                .chain(
                    c.social_worker_episodes
                        .iter()
                        .flat_map(|s| [Some(s.start_date), s.end_date]),
                )
                .flatten()
        })
        .max()
}
#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(bytes: &[u8]) -> String {
        match classify(Path::new("f.csv"), bytes) {
            Ok(_) => "accepted".to_owned(),
            Err(e @ IngestError::Refused { .. }) => e.to_string(),
            Err(e) => panic!("a bad file is an input error, not {e:?}"),
        }
    }

    #[test]
    fn files_that_are_none_of_the_returns_say_what_they_seem_to_be() {
        assert_eq!(refusal(b""), "f.csv: the file is empty (0 bytes)");
        assert!(refusal(b" \r\n\t\n").contains("only blank space"));
        assert!(refusal(b"{\"a\": 1}").contains("line 1: this is JSON"));
        assert!(refusal(b"CHILD;SEX;DOB\n").contains("separated by semicolons"));
        assert!(refusal(b"\n\r\nChild Unique ID,Gender\n").starts_with("f.csv: line 3: "));
        assert!(refusal(b"Child Unique ID,Gender\n").contains("Ofsted Annex A"));
        assert!(refusal(b"\x89PNG\r\n\x1a\n").contains("PNG image"));
        assert_eq!(
            refusal(b"C0001,M,27/03/2015\n"),
            "f.csv: line 1: this is not a CIN census, an SSDA903 table, an extract or a \
             population table: the header row matches none of them",
            "a first line that may be a child's details is not quoted"
        );
        assert!(refusal(b"CHILD,DOB,DOLO_START\n").contains("(CHILD,DOB,DOLO_START)"));
        assert_eq!(refusal(b"CHILD,DECOM,RNE\n"), "accepted");
        assert_eq!(refusal(b"\xEF\xBB\xBF<Message/>"), "accepted");
    }

    #[test]
    fn population_tables_and_assurance_files_are_told_by_their_header_rows() {
        let kind = |bytes: &[u8]| classify(Path::new("f.csv"), bytes).ok();
        assert!(matches!(
            kind(b"area,year,children_0_17,vintage\n"),
            Some(Kind::Population)
        ));
        // Workforce posts name a team and a worker, as extracts do, but are assurance records.
        assert!(matches!(
            kind(b"post_id,team_id,role,from,to,status,worker_id,agency\n"),
            Some(Kind::Assurance)
        ));
        assert!(matches!(
            kind(b"team_id,name,service,family_safeguarding\n"),
            Some(Kind::Extract)
        ));
        assert!(matches!(
            kind(b"child_id,measure,month,value\n"),
            Some(Kind::Partnership)
        ));
        assert!(matches!(
            kind(b"Month,Value,CHILD_ID,Measure\n"),
            Some(Kind::Partnership)
        ));
        assert!(
            refusal(b"child_id,measure,month\n").contains("header row"),
            "a file without the value column is not taken for the partnership data set"
        );
    }

    #[test]
    fn an_ssda903_return_in_xml_is_told_from_a_census_by_its_root_and_loaded() {
        let kind = |bytes: &[u8]| classify(Path::new("f.xml"), bytes).ok();
        assert!(matches!(
            kind(b"\xEF\xBB\xBF<?xml version='1.0'?>\n<EXPSSDA903><CHILD/></EXPSSDA903>"),
            Some(Kind::Ssda903)
        ));
        assert!(matches!(kind(b"<Message/>"), Some(Kind::Cin)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("return.xml");
        std::fs::write(
            &path,
            "<EXPSSDA903><CHILD><HEADER><CHILDID>C1</CHILDID><SEX>F</SEX><DOB>01/02/2012</DOB>\
             <AREVIEW><REVIEW>01/09/2025</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>\
             </HEADER><EPISODE><DECOM>01/04/2025</DECOM><RNE>S</RNE><LS>C2</LS><PL>U1</PL>\
             </EPISODE></CHILD></EXPSSDA903>",
        )
        .unwrap();
        let prepared = prepare(
            std::slice::from_ref(&path),
            None,
            "test".to_owned(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!(prepared.children, 1);
        let child = &prepared.batch.dataset.children[0];
        assert_eq!(child.id.0, "C1");
        assert_eq!(child.birth_date, Some(Date::new(2012, 2, 1).unwrap()));
        assert_eq!(child.cla_episodes.len(), 1);
        assert_eq!(
            child.cla_episodes[0].placement.map(|p| p.code()),
            Some("U1")
        );
        assert_eq!(child.cla_reviews.len(), 1);
        assert_eq!(prepared.batch.files[0].collection_year, Some(2026));
        assert_eq!(prepared.batch.files[0].kind, ReturnKind::Ssda903);
    }

    #[test]
    fn header_lines_count_every_kind_of_line_break() {
        assert_eq!(index_to_line(b"a", 0), 1);
        // Split at every \n and \r, "x" is the fifth piece, after \n, \r\n and a lone \r.
        assert_eq!(index_to_line(b"\n\r\n\rx", 4), 4);
    }
}
