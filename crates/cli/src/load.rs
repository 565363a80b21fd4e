//! `harbour load`: finds the returns and extracts among the given paths, reads them, and hands
//! them to the store as one all-or-nothing batch.

use crate::Failure;
use anyhow::{Context as _, anyhow};
use model::{CollectionYear, Dataset, Date};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use store::{LoadBatch, LoadOutcome, ReturnKind, SourceFile};

/// How many problems are printed before the rest are counted.
const PROBLEMS_SHOWN: usize = 50;

/// What a file is, found from its content.
enum Kind {
    Cin,
    Ssda903,
    Extract,
}

pub(crate) async fn run(
    store: &store::Store,
    paths: &[PathBuf],
    year: Option<CollectionYear>,
) -> Result<(), Failure> {
    let files = discover(paths)?;
    if files.is_empty() {
        return Err(anyhow!("no CIN census XML or CSV files found in the given paths").into());
    }
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    // Each return with its collection year, so that older years are folded in first.
    let mut parts: Vec<(i16, Dataset)> = Vec::new();
    // SSDA903 files by folder (one folder, one return) and extract files, each with its lineage
    // taken from the bytes read here, so that no file is read again to be hashed.
    let mut ssda903_groups: BTreeMap<PathBuf, Vec<(PathBuf, SourceFile)>> = BTreeMap::new();
    let mut extract_files: Vec<(PathBuf, SourceFile)> = Vec::new();

    let bar = crate::counter(files.len() as u64, "reading");
    for path in &files {
        bar.inc(1);
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        match classify(path, &bytes)? {
            Kind::Cin => {
                let read = formats::cin::read_census_from(bytes.as_slice(), path).map_err(|e| {
                    Failure {
                        code: 1,
                        error: e.into(),
                    }
                })?;
                let census_year = read
                    .data
                    .header
                    .as_ref()
                    .map(|h| h.year)
                    .or(year)
                    .ok_or_else(|| Failure {
                        code: 1,
                        error: anyhow!(
                            "{}: the census has no Header/CollectionDetails/Year; pass --year",
                            path.display()
                        ),
                    })?;
                problems.extend(read.problems);
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
        }
    }

    for (folder, group) in ssda903_groups {
        let (paths, group_sources): (Vec<PathBuf>, Vec<SourceFile>) = group.into_iter().unzip();
        // The return's year is given, or found from its latest event: every event in a return
        // falls on or before its reference date, 31 March.
        let provisional = year.unwrap_or(CollectionYear(2000));
        let mut read = formats::ssda903::read_files(&paths, provisional).map_err(|e| Failure {
            code: 1,
            error: e.into(),
        })?;
        let return_year = match year {
            Some(y) => y,
            None => latest_event(&read.data).map(CollectionYear::containing).ok_or_else(|| Failure {
                code: 1,
                error: anyhow!(
                    "{}: the SSDA903 files hold no dates to tell their collection year from; pass --year",
                    folder.display()
                ),
            })?,
        };
        for child in &mut read.data {
            for r in &mut child.care_leaver_records {
                r.year = return_year;
            }
            for o in &mut child.outcomes {
                o.year = return_year;
            }
        }
        if year.is_none() {
            eprintln!("{}: SSDA903 return for {return_year}", folder.display());
        }
        problems.extend(read.problems);
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
        let read = formats::extract::read_files(&paths).map_err(|e| Failure {
            code: 1,
            error: e.into(),
        })?;
        problems.extend(read.problems);
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
                ..Dataset::default()
            },
        ));
    }

    bar.finish_and_clear();
    if !problems.is_empty() {
        for p in problems.iter().take(PROBLEMS_SHOWN) {
            eprintln!("{p}");
        }
        if problems.len() > PROBLEMS_SHOWN {
            eprintln!("… and {} more", problems.len() - PROBLEMS_SHOWN);
        }
        return Err(Failure {
            code: 1,
            error: anyhow!(
                "load refused: {} problem(s) in the input; nothing was stored. Fix the files and load again.",
                problems.len()
            ),
        });
    }

    parts.sort_by_key(|(y, _)| *y);
    let mut dataset = Dataset::default();
    for (_, part) in parts {
        dataset.merge(part);
    }
    let children = dataset.children.len();
    let batch = LoadBatch {
        files: sources,
        dataset,
        loaded_by: loaded_by(),
    };
    let file_count = batch.files.len();
    eprintln!(
        "storing {children} children from {file_count} file(s) in {} (all or nothing)",
        store.name()
    );
    match store
        .load(batch)
        .await
        .context("the load failed; nothing was stored")?
    {
        LoadOutcome::AlreadyLoaded => {
            eprintln!(
                "already loaded: these {file_count} file(s) are in the store; nothing changed"
            );
        }
        LoadOutcome::Loaded { load_id, rows } => {
            eprintln!("load {load_id}: {file_count} file(s), {children} children");
            for (table, n) in rows {
                eprintln!("  {table:<28} {n:>9}");
            }
        }
    }
    Ok(())
}

/// The lineage of a file whose year is not known yet (set once its return has been read).
fn source_file(path: &Path, bytes: &[u8], kind: ReturnKind) -> SourceFile {
    SourceFile::from_bytes(&path.display().to_string(), bytes, kind, None)
}

/// Who is loading: the operating-system user.
pub(crate) fn loaded_by() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_owned())
}

/// Expands folders (recursively, in name order) into the files inside that look like returns.
fn discover(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read the folder {}", dir.display()))?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .with_context(|| format!("cannot read the folder {}", dir.display()))?;
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
            anyhow::bail!("{}: no such file or folder", path.display());
        }
    }
    Ok(out)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// Tells a CIN census from SSDA903 and extract CSVs by content, not by name.
fn classify(path: &Path, bytes: &[u8]) -> Result<Kind, Failure> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| text[i]);
    if first == Some(b'<') {
        return Ok(Kind::Cin);
    }
    let header_line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let header_line = String::from_utf8_lossy(header_line);
    let headers: Vec<&str> = header_line
        .trim_end_matches('\r')
        .split(',')
        .map(str::trim)
        .collect();
    if formats::ssda903::identify(&headers).is_some() {
        Ok(Kind::Ssda903)
    } else if formats::extract::identify(&headers).is_some() {
        Ok(Kind::Extract)
    } else if text.is_empty() {
        Err(Failure {
            code: 1,
            error: anyhow!("{}: the file is empty", path.display()),
        })
    } else {
        Err(Failure {
            code: 1,
            error: anyhow!(
                "{}:1: not a CIN census, SSDA903 table or extract: the header row matches none of them",
                path.display()
            ),
        })
    }
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
