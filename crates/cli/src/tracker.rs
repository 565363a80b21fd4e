//! `harbour tracker`: the improvement plan and the scrutiny recommendations in the store.
//!
//! `import` reads `plan.csv`, `plan_updates.csv` and `recommendations.csv` (told apart by their
//! header rows; layouts in the `pack` crate's `plan` and `recommendations` docs), checks them
//! all, and stores them as one change: a milestone or recommendation no longer in the file is
//! withdrawn (kept in the history, shown no more); updates are added, and an update already
//! stored is not stored twice. `show` prints them as they stood on a date (JSON). The web app's
//! `/plan` and `/recommendations` pages show and update the same records, and `harbour report`
//! uses them when its inputs do not give the files.

use crate::{Database, Failure, open_store};
use anyhow::{Context, anyhow};
use jiff::civil::Date;
use pack::plan::Plan;
use pack::recommendations::Recommendation;
use pack::tracker::{self, Stored};
use std::path::PathBuf;
use store::{
    AsAt, AssuranceKind, Channel, EditOutcome, EditSource, Store, TrackerDoc, TrackerEdit,
};

#[derive(clap::Subcommand)]
pub(crate) enum TrackerCommand {
    /// Import plan.csv (with or without plan_updates.csv; plan_updates.csv alone adds updates to
    /// the stored plan) and recommendations.csv, recognised by their header rows, all or nothing.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        db: Database,
    },
    /// Print the plan (each milestone's status and RAG) and the recommendations as they stood on
    /// a date (today by default), as JSON.
    Show {
        #[arg(long)]
        as_at: Option<Date>,
        /// The stored records as they stood after a load, at a date or a timestamp.
        #[arg(long, default_value = "latest")]
        store_as_at: AsAt,
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        db: Database,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Plan,
    Updates,
    Recommendations,
}

fn kind_of(text: &str) -> Option<FileKind> {
    let header = text.trim_start_matches('\u{feff}').lines().next()?;
    let cols: Vec<String> = header
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |c: &str| cols.iter().any(|x| x == c);
    if has("id") && has("meeting_date") && has("recommendation") {
        Some(FileKind::Recommendations)
    } else if has("workstream") && has("milestone") {
        Some(FileKind::Plan)
    } else if has("workstream") && has("date") && has("status") {
        Some(FileKind::Updates)
    } else {
        None
    }
}

/// The stored records, read.
pub(crate) async fn stored(store: &Store, as_at: AsAt) -> Result<Stored, Failure> {
    let docs = store
        .read_tracker(&AssuranceKind::TRACKER, as_at)
        .await
        .context("cannot read the trackers")?;
    tracker::from_docs(
        docs.iter()
            .map(|d| (d.kind.as_str(), d.key.as_str(), d.doc.as_str())),
    )
    .map_err(|e| anyhow!(e).into())
}

fn to_store(docs: Vec<tracker::Doc>) -> Vec<TrackerDoc> {
    docs.into_iter()
        .filter_map(|d| {
            Some(TrackerDoc {
                kind: AssuranceKind::parse(d.kind)?,
                key: d.key,
                doc: d.doc,
            })
        })
        .collect()
}

/// The documents of an import: checked against each other and against what is stored.
pub(crate) fn import_docs(
    stored: &Stored,
    plan: Option<(&str, &str)>,
    updates: Option<(&str, &str)>,
    recommendations: Option<(&str, &str)>,
) -> Result<Vec<tracker::Doc>, pack::PackError> {
    let mut docs = Vec::new();
    match (plan, updates) {
        (Some(p), u) => {
            let plan = Plan::read(p, u)?;
            let mut new = tracker::plan_docs(&plan, &stored.updates);
            // Milestones stored but not in the file are withdrawn.
            if let Some(old) = &stored.plan {
                for m in &old.milestones {
                    if plan.milestone(&m.workstream, &m.item, m.from).is_none() {
                        new.push(tracker::withdrawn(
                            tracker::MILESTONE,
                            tracker::milestone_key(&m.workstream, &m.item, m.from),
                        ));
                    }
                }
            }
            docs.extend(new);
        }
        (None, Some(u)) => {
            let plan = stored.plan.as_ref().ok_or_else(|| pack::PackError::Row {
                file: u.0.to_string(),
                line: 1,
                rule: "no plan is stored: import plan.csv with it".to_string(),
            })?;
            let updates = plan.read_updates(u.0, u.1)?;
            docs.extend(tracker::update_docs(&updates, &stored.updates));
        }
        (None, None) => {}
    }
    if let Some(r) = recommendations {
        let recs = pack::recommendations::read(r.0, r.1)?;
        docs.extend(tracker::recommendation_docs(&recs));
        for (_, old) in stored.recommendations.iter().flatten() {
            if !recs.iter().any(|n: &Recommendation| n.id == old.id) {
                docs.push(tracker::withdrawn(tracker::RECOMMENDATION, old.id.clone()));
            }
        }
    }
    Ok(docs)
}

/// Stores the documents as one change; prints what changed.
pub(crate) async fn record(
    store: &Store,
    actor: &str,
    action: &str,
    source: Option<EditSource>,
    docs: Vec<tracker::Doc>,
) -> Result<(), Failure> {
    let outcome = store
        .edit_tracker(TrackerEdit {
            actor: actor.to_owned(),
            channel: Channel::Cli,
            action: action.to_owned(),
            source,
            docs: to_store(docs),
        })
        .await
        .context("cannot store the trackers")?;
    match outcome {
        EditOutcome::Unchanged => {
            eprintln!("the trackers are already stored as given: nothing changed")
        }
        EditOutcome::Changed { change_id, records } => {
            let parts: Vec<String> = records
                .iter()
                .map(|(k, n)| format!("{n} {}", k.as_str()))
                .collect();
            eprintln!("change {change_id}: {}", parts.join(", "));
        }
    }
    Ok(())
}

pub(crate) async fn run(command: TrackerCommand) -> Result<(), Failure> {
    match command {
        TrackerCommand::Import { files, db } => {
            let mut plan = None;
            let mut updates = None;
            let mut recs = None;
            let mut bytes_all = Vec::new();
            let mut names = Vec::new();
            for path in &files {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let name = path.display().to_string();
                let text = String::from_utf8(bytes.clone()).map_err(|e| Failure {
                    code: 1,
                    error: anyhow!(
                        "{name}: byte {}: not UTF-8 (save the file as CSV UTF-8)",
                        e.utf8_error().valid_up_to()
                    ),
                })?;
                let slot = match kind_of(&text) {
                    Some(FileKind::Plan) => &mut plan,
                    Some(FileKind::Updates) => &mut updates,
                    Some(FileKind::Recommendations) => &mut recs,
                    None => {
                        return Err(Failure {
                            code: 1,
                            error: anyhow!(
                                "{name}: line 1: the header row is not that of plan.csv \
                                 (workstream, item, quarter, milestone, status), \
                                 plan_updates.csv (workstream, item, quarter, date, status) or \
                                 recommendations.csv (id, meeting_date, recommendation, status)"
                            ),
                        });
                    }
                };
                if slot.is_some() {
                    return Err(Failure {
                        code: 1,
                        error: anyhow!("{name}: a second file of the same layout in one import"),
                    });
                }
                *slot = Some((name.clone(), text));
                names.push(name);
                bytes_all.extend_from_slice(&bytes);
            }
            let store = open_store(&db.database).await?;
            let stored = stored(&store, AsAt::Latest).await?;
            fn pair(f: &Option<(String, String)>) -> Option<(&str, &str)> {
                f.as_ref().map(|(n, t)| (n.as_str(), t.as_str()))
            }
            let docs =
                import_docs(&stored, pair(&plan), pair(&updates), pair(&recs)).map_err(|e| {
                    Failure {
                        code: 1,
                        error: e.into(),
                    }
                })?;
            let source = EditSource {
                name: names.join(" + "),
                sha256: store::sha256_hex(&bytes_all),
            };
            record(
                &store,
                &crate::load::loaded_by(),
                "harbour tracker import",
                Some(source),
                docs,
            )
            .await
        }
        TrackerCommand::Show {
            as_at,
            store_as_at,
            out,
            db,
        } => {
            let store = open_store(&db.database).await?;
            let stored = stored(&store, store_as_at).await?;
            let on = as_at.unwrap_or_else(|| jiff::Zoned::now().date());
            let recs: Vec<Recommendation> = stored
                .recommendations
                .iter()
                .flatten()
                .map(|(_, r)| r.clone())
                .collect();
            let json = serde_json::json!({
                "as_at": on.to_string(),
                "plan": stored.plan.as_ref().map(|p| p.as_at(on)),
                "plan_progress": stored.plan.as_ref().map(|p| p.progress(on)),
                "recommendations": pack::recommendations::as_at(&recs, on),
                "recommendations_summary": pack::recommendations::summary(&recs, on),
            });
            let mut text = serde_json::to_string_pretty(&json).context("cannot write JSON")?;
            text.push('\n');
            crate::write_out(out.as_deref(), &text)?;
            Ok(())
        }
    }
}

/// Stores the demo plan, its updates and the demo recommendations (`harbour demo`).
pub(crate) async fn import_demo(store: &Store) -> Result<(), Failure> {
    let file = |n: &str| {
        pack::demo::FILES
            .iter()
            .find(|(name, _)| *name == n)
            .map(|(name, text)| (*name, *text))
    };
    let stored = stored(store, AsAt::Latest).await?;
    let docs = import_docs(
        &stored,
        file("plan.csv"),
        file("plan_updates.csv"),
        file("recommendations.csv"),
    )
    .map_err(|e| anyhow!(e))?;
    record(
        store,
        &crate::load::loaded_by(),
        "harbour demo",
        Some(EditSource {
            name: "plan.csv + plan_updates.csv + recommendations.csv (demo)".to_owned(),
            sha256: store::sha256_hex(
                [
                    file("plan.csv"),
                    file("plan_updates.csv"),
                    file("recommendations.csv"),
                ]
                .iter()
                .flatten()
                .flat_map(|(_, t)| t.bytes())
                .collect::<Vec<u8>>()
                .as_slice(),
            ),
        }),
        docs,
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_headers() {
        assert_eq!(
            kind_of("workstream,item,quarter,until,milestone,owner,status,evidence\n"),
            Some(FileKind::Plan)
        );
        assert_eq!(
            kind_of("\u{feff}workstream,item,quarter,date,status,note,by\n"),
            Some(FileKind::Updates)
        );
        assert_eq!(
            kind_of("id,meeting_date,recommendation,owner,response,status,due_date\n"),
            Some(FileKind::Recommendations)
        );
        assert_eq!(kind_of("CHILD,SEX,DOB\n"), None);
    }
}
