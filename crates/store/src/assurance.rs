//! Practice-assurance records: audit cycles, audits and their moderation, dip samples, actions,
//! workforce posts and family voice ([`assurance::AssuranceData`]).
//!
//! They are edited by people, not loaded from returns, so each edit is a *change* (who, when,
//! by which command or page, from which file) and each record a JSON document with one row per
//! version, as for the model's records: a change that alters a record supersedes its current
//! version; a change that alters nothing is not recorded. The database refuses to delete a
//! version or alter one beyond marking it superseded.
//!
//! Audits and actions are about a child: every read of them goes through a function that
//! takes the [`Reader`] and writes the access log in the same transaction, one entry per child.

use crate::backend::{Fail, Pool, corrupt, on_pool, timestamp_text};
use crate::{Channel, StoreError};
use assurance::AssuranceData;
use sqlx::{QueryBuilder, Row};
use std::collections::{BTreeMap, BTreeSet};

/// The kinds of assurance record, as stored in `assurance_records.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AssuranceKind {
    Cycle,
    Audit,
    Action,
    Post,
    Feedback,
    Event,
    Nomination,
    /// A milestone of the improvement plan (a tracker record, not in [`AssuranceData`]).
    PlanMilestone,
    /// A dated update of a plan milestone (a tracker record).
    PlanUpdate,
    /// A scrutiny panel recommendation as it now stands (a tracker record).
    Recommendation,
}

impl AssuranceKind {
    /// The kinds held in [`AssuranceData`] (practice assurance).
    pub const ALL: [AssuranceKind; 7] = [
        AssuranceKind::Cycle,
        AssuranceKind::Audit,
        AssuranceKind::Action,
        AssuranceKind::Post,
        AssuranceKind::Feedback,
        AssuranceKind::Event,
        AssuranceKind::Nomination,
    ];

    /// The trackers' kinds: the improvement plan and the scrutiny recommendations, which are
    /// about no child and are edited as documents ([`crate::Store::edit_tracker`]).
    pub const TRACKER: [AssuranceKind; 3] = [
        AssuranceKind::PlanMilestone,
        AssuranceKind::PlanUpdate,
        AssuranceKind::Recommendation,
    ];

    /// Every kind.
    pub const EVERY: [AssuranceKind; 10] = [
        AssuranceKind::Cycle,
        AssuranceKind::Audit,
        AssuranceKind::Action,
        AssuranceKind::Post,
        AssuranceKind::Feedback,
        AssuranceKind::Event,
        AssuranceKind::Nomination,
        AssuranceKind::PlanMilestone,
        AssuranceKind::PlanUpdate,
        AssuranceKind::Recommendation,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AssuranceKind::Cycle => "audit_cycle",
            AssuranceKind::Audit => "audit",
            AssuranceKind::Action => "audit_action",
            AssuranceKind::Post => "workforce_post",
            AssuranceKind::Feedback => "voice_feedback",
            AssuranceKind::Event => "voice_event",
            AssuranceKind::Nomination => "voice_nomination",
            AssuranceKind::PlanMilestone => "plan_milestone",
            AssuranceKind::PlanUpdate => "plan_update",
            AssuranceKind::Recommendation => "recommendation",
        }
    }

    pub fn parse(s: &str) -> Option<AssuranceKind> {
        Self::EVERY.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether records of this kind are about a child (reading them is logged).
    pub fn is_child_level(self) -> bool {
        matches!(self, AssuranceKind::Audit | AssuranceKind::Action)
    }
}

/// The file an edit came from, for its lineage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditSource {
    pub name: String,
    /// SHA-256 of the file's bytes, lower-case hex.
    pub sha256: String,
}

/// One edit: records to add or replace (by id), with who made it and how.
#[derive(Debug, Clone, PartialEq)]
pub struct AssuranceEdit {
    pub actor: String,
    pub channel: Channel,
    /// The command or route (`harbour audit import`, `POST /audits/A1`).
    pub action: String,
    pub source: Option<EditSource>,
    pub data: AssuranceData,
}

/// What an edit did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOutcome {
    /// Every record was already stored as given: nothing was recorded.
    Unchanged,
    /// A change was recorded: how many records got a new version, by kind.
    Changed {
        change_id: i64,
        records: BTreeMap<AssuranceKind, usize>,
    },
}

/// One tracker document: a record of one of [`AssuranceKind::TRACKER`], its id and its JSON
/// (the `pack` crate's plan and recommendation types).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackerDoc {
    pub kind: AssuranceKind,
    pub key: String,
    pub doc: String,
}

/// An edit of the trackers: documents to add or replace (by kind and id), with who made it and
/// how, recorded as practice-assurance edits are (a change, one version per record).
#[derive(Debug, Clone, PartialEq)]
pub struct TrackerEdit {
    pub actor: String,
    pub channel: Channel,
    /// The command or route (`harbour tracker import`, `POST /plan/update`).
    pub action: String,
    pub source: Option<EditSource>,
    pub docs: Vec<TrackerDoc>,
}

/// A tracker document as stored, with the change that made its current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackerRecord {
    pub kind: AssuranceKind,
    pub key: String,
    pub doc: String,
    /// When the version was made, RFC 3339 UTC.
    pub at: String,
    pub actor: String,
}

/// Who is reading child-level assurance records, and how (written to the access log).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub actor: String,
    pub channel: Channel,
    /// The command or route.
    pub action: String,
}

/// One stored version of a record.
#[derive(Debug, Clone, PartialEq)]
pub struct AssuranceVersion {
    pub change_id: i64,
    /// When the change was made, RFC 3339 UTC.
    pub at: String,
    pub actor: String,
    pub action: String,
    pub source_name: Option<String>,
    /// The change that replaced this version, if any.
    pub superseded_by: Option<i64>,
    /// The record as it was: one record, in the list of its kind.
    pub record: AssuranceData,
}

pub(crate) struct Doc {
    pub(crate) kind: AssuranceKind,
    pub(crate) key: String,
    pub(crate) child_id: Option<String>,
    pub(crate) doc: String,
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // Assurance records hold strings, numbers, dates, codes, lists and maps with string keys.
    serde_json::to_string(v).expect("assurance records serialise to JSON")
}

fn split(data: &AssuranceData) -> Vec<Doc> {
    let mut out = Vec::with_capacity(data.len());
    let mut push = |kind, key: &str, child: Option<&str>, doc| {
        out.push(Doc {
            kind,
            key: key.to_owned(),
            child_id: child.map(str::to_owned),
            doc,
        })
    };
    for x in &data.cycles {
        push(AssuranceKind::Cycle, &x.id, None, to_json(x));
    }
    for x in &data.audits {
        push(AssuranceKind::Audit, &x.id, Some(&x.child.0), to_json(x));
    }
    for x in &data.actions {
        push(AssuranceKind::Action, &x.id, Some(&x.child.0), to_json(x));
    }
    for x in &data.posts {
        push(AssuranceKind::Post, &x.id, None, to_json(x));
    }
    for x in &data.feedback {
        push(AssuranceKind::Feedback, &x.id, None, to_json(x));
    }
    for x in &data.events {
        push(AssuranceKind::Event, &x.id, None, to_json(x));
    }
    for x in &data.nominations {
        push(AssuranceKind::Nomination, &x.id, None, to_json(x));
    }
    out
}

/// Adds a stored document to `data`.
fn add(data: &mut AssuranceData, kind: AssuranceKind, doc: &str) -> Result<(), Fail> {
    let bad = |_| corrupt("assurance_records", "doc");
    match kind {
        AssuranceKind::Cycle => data.cycles.push(serde_json::from_str(doc).map_err(bad)?),
        AssuranceKind::Audit => data.audits.push(serde_json::from_str(doc).map_err(bad)?),
        AssuranceKind::Action => data.actions.push(serde_json::from_str(doc).map_err(bad)?),
        AssuranceKind::Post => data.posts.push(serde_json::from_str(doc).map_err(bad)?),
        AssuranceKind::Feedback => data.feedback.push(serde_json::from_str(doc).map_err(bad)?),
        AssuranceKind::Event => data.events.push(serde_json::from_str(doc).map_err(bad)?),
        AssuranceKind::Nomination => data
            .nominations
            .push(serde_json::from_str(doc).map_err(bad)?),
        // Tracker documents are read as documents, never into practice-assurance data.
        AssuranceKind::PlanMilestone
        | AssuranceKind::PlanUpdate
        | AssuranceKind::Recommendation => return Err(corrupt("assurance_records", "kind")),
    }
    Ok(())
}

/// Rows per statement: five columns each, far under either backend's bound parameters.
pub(crate) const ROWS: usize = 1_000;

/// The documents of an edit's records, refused if two records of one kind share an id.
pub(crate) fn prepare(data: &AssuranceData) -> Result<Vec<Doc>, Fail> {
    let docs = split(data);
    let mut seen = BTreeSet::new();
    for d in &docs {
        if !seen.insert((d.kind, d.key.as_str())) {
            return Err(Fail::Refused(format!(
                "two {} records share the id {}",
                d.kind.as_str(),
                d.key
            )));
        }
    }
    Ok(docs)
}

/// Postgres: serialises writers of assurance records (SQLite's `BEGIN IMMEDIATE` already does).
pub(crate) const LOCK_ASSURANCE: &str = "LOCK TABLE assurance_changes IN SHARE ROW EXCLUSIVE MODE";

impl crate::Store {
    /// Records an edit in one transaction: each record whose document differs from its current
    /// version (or is new) gets a new version; if none does, nothing is recorded. Two records
    /// of one kind with the same id are refused. (A `harbour load` brings its assurance records
    /// in its own transaction instead: [`crate::LoadBatch::assurance`].)
    pub async fn edit_assurance(&self, edit: AssuranceEdit) -> Result<EditOutcome, StoreError> {
        self.pool
            .edit_assurance(edit)
            .await
            .map_err(|e| self.fail("recording an assurance edit", e))
    }

    /// Every current assurance record. Audits and actions are child-level: the access log gets
    /// one entry per child whose audits or actions were read, in the same transaction.
    pub async fn read_assurance(&self, reader: &Reader) -> Result<AssuranceData, StoreError> {
        self.read_assurance_as_at(reader, crate::AsAt::Latest).await
    }

    /// The assurance records as they stood at a moment ([`crate::AsAt::Time`]: every change
    /// made at or before it), or just after a load ([`crate::AsAt::Load`]: every change made
    /// before the next load; the records a load brought are recorded in its transaction at its
    /// time, so they are included, and those of the next load are not), logged as
    /// [`Store::read_assurance`] is.
    pub async fn read_assurance_as_at(
        &self,
        reader: &Reader,
        as_at: crate::AsAt,
    ) -> Result<AssuranceData, StoreError> {
        self.pool
            .read_assurance(Some(reader), &AssuranceKind::ALL, as_at, None)
            .await
            .map_err(|e| self.fail("reading the assurance records", e))
    }

    /// The assurance records as at `as_at`, read by the program in bulk and shown to no one
    /// record by record (aggregate figures, checks of an import): the access log gets one entry
    /// naming how many children's audits or actions were read and why (`purpose`, e.g. "for
    /// aggregate figures"), rather than one per child.
    pub async fn read_assurance_in_bulk(
        &self,
        reader: &Reader,
        as_at: crate::AsAt,
        purpose: &str,
    ) -> Result<AssuranceData, StoreError> {
        self.pool
            .read_assurance(Some(reader), &AssuranceKind::ALL, as_at, Some(purpose))
            .await
            .map_err(|e| self.fail("reading the assurance records", e))
    }

    /// Records an edit of the trackers in one transaction, as [`Store::edit_assurance`] does:
    /// only documents that differ from their current version (or are new) get a version; a
    /// kind outside [`AssuranceKind::TRACKER`], or two documents of one kind with one id, are
    /// refused.
    pub async fn edit_tracker(&self, edit: TrackerEdit) -> Result<EditOutcome, StoreError> {
        self.pool
            .edit_tracker(edit)
            .await
            .map_err(|e| self.fail("recording a tracker edit", e))
    }

    /// The tracker documents of `kinds` as they stood at `as_at`, by kind then id. They are
    /// about no child, so nothing is logged.
    pub async fn read_tracker(
        &self,
        kinds: &[AssuranceKind],
        as_at: crate::AsAt,
    ) -> Result<Vec<TrackerRecord>, StoreError> {
        self.pool
            .read_tracker(kinds, as_at)
            .await
            .map_err(|e| self.fail("reading the trackers", e))
    }

    /// The latest assurance change (0 before any): it grows with every edit and every load that
    /// brings assurance records, so a cache of figures that uses them can tell when it is stale.
    /// Nothing is read but the number, and nothing is logged.
    pub async fn assurance_revision(&self) -> Result<i64, StoreError> {
        self.pool
            .assurance_revision()
            .await
            .map_err(|e| self.fail("reading the latest assurance change", e))
    }

    /// The ids of the current cycles and audits (with each audit's child), to check what is
    /// imported against what is stored. Nothing of an audit but its id and child is read, and
    /// nothing is shown, so nothing is written to the access log: an import that is refused
    /// leaves the store exactly as it was.
    pub async fn assurance_references(&self) -> Result<assurance::References, StoreError> {
        self.pool
            .assurance_references()
            .await
            .map_err(|e| self.fail("reading the assurance records' ids", e))
    }

    /// The current records that are not about a child (cycles, posts, family voice); no access
    /// log entry is needed.
    pub async fn read_workforce_and_voice(&self) -> Result<AssuranceData, StoreError> {
        self.pool
            .read_assurance(
                None,
                &[
                    AssuranceKind::Cycle,
                    AssuranceKind::Post,
                    AssuranceKind::Feedback,
                    AssuranceKind::Event,
                    AssuranceKind::Nomination,
                ],
                crate::AsAt::Latest,
                None,
            )
            .await
            .map_err(|e| self.fail("reading the assurance records", e))
    }

    /// Every version of one record, oldest first, with who made each and when. Reading an
    /// audit's or action's history is written to the access log.
    pub async fn assurance_history(
        &self,
        reader: &Reader,
        kind: AssuranceKind,
        key: &str,
    ) -> Result<Vec<AssuranceVersion>, StoreError> {
        self.pool
            .assurance_history(reader, kind, key)
            .await
            .map_err(|e| self.fail("reading an assurance record's history", e))
    }
}

impl Pool {
    async fn edit_assurance(&self, edit: AssuranceEdit) -> Result<EditOutcome, Fail> {
        let docs = prepare(&edit.data)?;
        self.write_docs(&edit, &docs).await
    }

    /// Records the documents `docs` as one change made by `edit`'s author, under the write lock
    /// on assurance records, in a transaction of their own (nothing when nothing differs).
    async fn write_docs(&self, edit: &AssuranceEdit, docs: &[Doc]) -> Result<EditOutcome, Fail> {
        on_pool!(self, p, Db => {
            let mut tx = if IS_POSTGRES {
                let mut tx = p.begin().await?;
                sqlx::query(LOCK_ASSURANCE).execute(&mut *tx).await?;
                tx
            } else {
                p.begin_with("BEGIN IMMEDIATE").await?
            };
            let at = timestamp_text(jiff::Timestamp::now());
            let outcome = write_assurance!(Db, tx, edit, docs, at);
            if outcome == EditOutcome::Unchanged {
                tx.rollback().await?;
            } else {
                tx.commit().await?;
            }
            Ok(outcome)
        })
    }

    async fn read_assurance(
        &self,
        reader: Option<&Reader>,
        kinds: &[AssuranceKind],
        as_at: crate::AsAt,
        bulk: Option<&str>,
    ) -> Result<AssuranceData, Fail> {
        on_pool!(self, p, Db => {
            let mut tx = if IS_POSTGRES {
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ").await?
            } else {
                p.begin().await?
            };
            let cutoff = cutoff!(tx, as_at);
            let mut data = AssuranceData::default();
            let mut children: BTreeSet<String> = BTreeSet::new();
            for kind in kinds {
                let rows = match &cutoff {
                    None => {
                        sqlx::query(
                            "SELECT doc, child_id FROM assurance_records \
                             WHERE superseded_by IS NULL AND kind = $1 ORDER BY key",
                        )
                        .bind(kind.as_str())
                        .fetch_all(&mut *tx)
                        .await?
                    }
                    Some(cut) => {
                        sqlx::query(
                            "SELECT r.doc, r.child_id FROM assurance_records r \
                             JOIN assurance_changes c ON c.change_id = r.change_id \
                             LEFT JOIN assurance_changes s ON s.change_id = r.superseded_by \
                             WHERE r.kind = $1 AND c.at < $2 \
                             AND (r.superseded_by IS NULL OR s.at >= $2) ORDER BY r.key",
                        )
                        .bind(kind.as_str())
                        .bind(cut.clone())
                        .fetch_all(&mut *tx)
                        .await?
                    }
                };
                for row in &rows {
                    add(&mut data, *kind, row.try_get("doc")?)?;
                    if let Some(c) = row.try_get::<Option<String>, _>("child_id")? {
                        children.insert(c);
                    }
                }
            }
            match reader {
                Some(r) if bulk.is_some() => {
                    if children.is_empty() {
                        tx.commit().await?;
                        data.normalise();
                        return Ok(data);
                    }
                    sqlx::query(
                        "INSERT INTO access_log (at, actor, channel, action, subject, child_id) \
                         VALUES ($1, $2, $3, $4, $5, NULL)",
                    )
                    .bind(timestamp_text(jiff::Timestamp::now()))
                    .bind(r.actor.clone())
                    .bind(r.channel.as_str())
                    .bind(r.action.clone())
                    .bind(format!(
                        "audit records of {} children, {}",
                        children.len(),
                        bulk.unwrap_or_default()
                    ))
                    .execute(&mut *tx)
                    .await?;
                }
                Some(r) => log_children!(Db, tx, r, &children, "audit records"),
                None => {}
            }
            tx.commit().await?;
            data.normalise();
            Ok(data)
        })
    }

    async fn edit_tracker(&self, edit: TrackerEdit) -> Result<EditOutcome, Fail> {
        let mut seen = BTreeSet::new();
        let mut docs = Vec::with_capacity(edit.docs.len());
        for d in &edit.docs {
            if !AssuranceKind::TRACKER.contains(&d.kind) {
                return Err(Fail::Refused(format!(
                    "{} records are not tracker documents",
                    d.kind.as_str()
                )));
            }
            if !seen.insert((d.kind, d.key.as_str())) {
                return Err(Fail::Refused(format!(
                    "two {} records share the id {}",
                    d.kind.as_str(),
                    d.key
                )));
            }
            docs.push(Doc {
                kind: d.kind,
                key: d.key.clone(),
                child_id: None,
                doc: d.doc.clone(),
            });
        }
        let wrapped = AssuranceEdit {
            actor: edit.actor,
            channel: edit.channel,
            action: edit.action,
            source: edit.source,
            data: AssuranceData::default(),
        };
        self.write_docs(&wrapped, &docs).await
    }

    async fn read_tracker(
        &self,
        kinds: &[AssuranceKind],
        as_at: crate::AsAt,
    ) -> Result<Vec<TrackerRecord>, Fail> {
        on_pool!(self, p, Db => {
            let mut tx = if IS_POSTGRES {
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ").await?
            } else {
                p.begin().await?
            };
            let cutoff = cutoff!(tx, as_at);
            let mut out = Vec::new();
            for kind in kinds {
                let rows = match &cutoff {
                    None => {
                        sqlx::query(
                            "SELECT r.key, r.doc, c.at, c.actor FROM assurance_records r \
                             JOIN assurance_changes c ON c.change_id = r.change_id \
                             WHERE r.superseded_by IS NULL AND r.kind = $1 ORDER BY r.key",
                        )
                        .bind(kind.as_str())
                        .fetch_all(&mut *tx)
                        .await?
                    }
                    Some(cut) => {
                        sqlx::query(
                            "SELECT r.key, r.doc, c.at, c.actor FROM assurance_records r \
                             JOIN assurance_changes c ON c.change_id = r.change_id \
                             LEFT JOIN assurance_changes s ON s.change_id = r.superseded_by \
                             WHERE r.kind = $1 AND c.at < $2 \
                             AND (r.superseded_by IS NULL OR s.at >= $2) ORDER BY r.key",
                        )
                        .bind(kind.as_str())
                        .bind(cut.clone())
                        .fetch_all(&mut *tx)
                        .await?
                    }
                };
                for row in &rows {
                    out.push(TrackerRecord {
                        kind: *kind,
                        key: row.try_get("key")?,
                        doc: row.try_get("doc")?,
                        at: row.try_get("at")?,
                        actor: row.try_get("actor")?,
                    });
                }
            }
            tx.commit().await?;
            Ok(out)
        })
    }

    async fn assurance_revision(&self) -> Result<i64, Fail> {
        on_pool!(self, p, Db => {
            let row = sqlx::query(
                "SELECT COALESCE(MAX(change_id), 0) AS latest FROM assurance_changes",
            )
            .fetch_one(p)
            .await?;
            Ok(row.try_get::<i64, _>("latest")?)
        })
    }

    async fn assurance_references(&self) -> Result<assurance::References, Fail> {
        on_pool!(self, p, Db => {
            let rows = sqlx::query(
                "SELECT kind, key, child_id FROM assurance_records \
                 WHERE superseded_by IS NULL AND kind IN ('audit_cycle', 'audit')",
            )
            .fetch_all(p)
            .await?;
            let mut refs = assurance::References::default();
            for row in &rows {
                let kind: &str = row.try_get("kind")?;
                let key: String = row.try_get("key")?;
                if kind == "audit" {
                    let child: Option<String> = row.try_get("child_id")?;
                    let child = child.ok_or(corrupt("assurance_records", "child_id"))?;
                    refs.audits.insert(key, model::ChildId(child));
                } else {
                    refs.cycles.insert(key);
                }
            }
            Ok(refs)
        })
    }

    async fn assurance_history(
        &self,
        reader: &Reader,
        kind: AssuranceKind,
        key: &str,
    ) -> Result<Vec<AssuranceVersion>, Fail> {
        on_pool!(self, p, Db => {
            let mut tx = p.begin().await?;
            let rows = sqlx::query(
                "SELECT r.change_id, c.at, c.actor, c.action, c.source_name, r.superseded_by, \
                 r.child_id, r.doc FROM assurance_records r \
                 JOIN assurance_changes c ON c.change_id = r.change_id \
                 WHERE r.kind = $1 AND r.key = $2 ORDER BY r.change_id",
            )
            .bind(kind.as_str())
            .bind(key)
            .fetch_all(&mut *tx)
            .await?;
            let mut out = Vec::with_capacity(rows.len());
            let mut children = BTreeSet::new();
            for row in &rows {
                let mut record = AssuranceData::default();
                add(&mut record, kind, row.try_get("doc")?)?;
                if let Some(c) = row.try_get::<Option<String>, _>("child_id")? {
                    children.insert(c);
                }
                out.push(AssuranceVersion {
                    change_id: row.try_get("change_id")?,
                    at: row.try_get("at")?,
                    actor: row.try_get("actor")?,
                    action: row.try_get("action")?,
                    source_name: row.try_get("source_name")?,
                    superseded_by: row.try_get("superseded_by")?,
                    record,
                });
            }
            let what = format!("history of {} {key}", kind.as_str());
            log_children!(Db, tx, reader, &children, &what);
            tx.commit().await?;
            Ok(out)
        })
    }
}

/// The cutoff of a read as at [`crate::AsAt`], as timestamp text (`None`: the current versions),
/// inside the reading transaction `$tx`: the versions current at the cutoff were made before it
/// and not superseded by a change made before it.
macro_rules! cutoff {
    ($tx:expr, $as_at:expr) => {{
        let cutoff: Option<String> = match $as_at {
            crate::AsAt::Latest => None,
            crate::AsAt::Time(t) => Some(timestamp_text(
                t.checked_add(jiff::SignedDuration::from_micros(1))
                    .unwrap_or(t),
            )),
            crate::AsAt::Load(n) => {
                let exists: i64 = sqlx::query("SELECT count(*) FROM loads WHERE load_id = $1")
                    .bind(n)
                    .fetch_one(&mut *$tx)
                    .await?
                    .try_get(0)?;
                if exists == 0 {
                    return Err(Fail::NoSuchLoad(n));
                }
                sqlx::query(
                    "SELECT loaded_at FROM loads WHERE load_id > $1 ORDER BY load_id LIMIT 1",
                )
                .bind(n)
                .fetch_optional(&mut *$tx)
                .await?
                .map(|row| row.try_get::<String, _>(0))
                .transpose()?
            }
        };
        cutoff
    }};
}
use cutoff;

/// Writes one access-log entry per child, inside the reading transaction `$tx` (of database
/// type `$db`).
macro_rules! log_children {
    ($db:ty, $tx:expr, $reader:expr, $children:expr, $what:expr) => {{
        let reader: &Reader = $reader;
        let children: &BTreeSet<String> = $children;
        let what: &str = $what;
        let at = timestamp_text(jiff::Timestamp::now());
        let list: Vec<&String> = children.iter().collect();
        for chunk in list.chunks(ROWS) {
            let mut q = QueryBuilder::<$db>::new(
                "INSERT INTO access_log (at, actor, channel, action, subject, child_id) ",
            );
            q.push_values(chunk, |mut s, c| {
                s.push_bind(at.clone())
                    .push_bind(reader.actor.clone())
                    .push_bind(reader.channel.as_str())
                    .push_bind(reader.action.clone())
                    .push_bind(format!("{what} of child {c}"))
                    .push_bind(Some((*c).clone()));
            });
            q.build().execute(&mut *$tx).await?;
        }
    }};
}
use log_children;

/// Writes an edit's changed records inside the writing transaction `$tx` (of database type
/// `$db`), which holds the write lock on assurance records: reads the current document of each
/// record named, and if any differs (or is new) records one change made `$at` (timestamp text)
/// and a new version of each such record, superseding the old. Evaluates to the
/// [`EditOutcome`]; the caller commits, or rolls back when nothing changed. Shared by
/// [`crate::Store::edit_assurance`] and the load's transaction.
macro_rules! write_assurance {
    ($db:ty, $tx:expr, $edit:expr, $docs:expr, $at:expr) => {{
        use $crate::assurance::{AssuranceKind, Doc, EditOutcome, ROWS};
        let edit: &$crate::assurance::AssuranceEdit = $edit;
        let docs: &[Doc] = $docs;
        let at: String = $at;
        // The current document of each record named.
        let mut current: std::collections::BTreeMap<(AssuranceKind, String), String> =
            std::collections::BTreeMap::new();
        for kind in AssuranceKind::EVERY {
            let keys: Vec<&str> = docs
                .iter()
                .filter(|d| d.kind == kind)
                .map(|d| d.key.as_str())
                .collect();
            $crate::backend::current_docs!($db, $tx, "assurance_records", kind, keys, |row| {
                current.insert((kind, row.try_get("key")?), row.try_get("doc")?)
            });
        }
        let changed: Vec<&Doc> = docs
            .iter()
            .filter(|d| current.get(&(d.kind, d.key.clone())) != Some(&d.doc))
            .collect();
        if changed.is_empty() {
            EditOutcome::Unchanged
        } else {
            let change_id: i64 = sqlx::query(
                "INSERT INTO assurance_changes (at, actor, channel, action, source_name, source_sha256) \
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING change_id",
            )
            .bind(at)
            .bind(&edit.actor)
            .bind(edit.channel.as_str())
            .bind(&edit.action)
            .bind(edit.source.as_ref().map(|s| s.name.clone()))
            .bind(edit.source.as_ref().map(|s| s.sha256.clone()))
            .fetch_one(&mut *$tx)
            .await?
            .try_get(0)?;
            let mut records = std::collections::BTreeMap::new();
            for kind in AssuranceKind::EVERY {
                let replaced: Vec<&str> = changed
                    .iter()
                    .filter(|d| d.kind == kind && current.contains_key(&(kind, d.key.clone())))
                    .map(|d| d.key.as_str())
                    .collect();
                $crate::backend::supersede!($db, $tx, "assurance_records", kind, replaced, change_id);
                let n = changed.iter().filter(|d| d.kind == kind).count();
                if n > 0 {
                    records.insert(kind, n);
                }
            }
            for chunk in changed.chunks(ROWS) {
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "INSERT INTO assurance_records (kind, key, change_id, child_id, doc) ",
                );
                q.push_values(chunk, |mut s, d| {
                    s.push_bind(d.kind.as_str())
                        .push_bind(d.key.clone())
                        .push_bind(change_id)
                        .push_bind(d.child_id.clone())
                        .push_bind(d.doc.clone());
                });
                q.build().execute(&mut *$tx).await?;
            }
            EditOutcome::Changed { change_id, records }
        }
    }};
}
pub(crate) use write_assurance;
