//! The two backends, SQLite and PostgreSQL, behind one set of operations.
//!
//! Each operation is written once and compiled for both drivers by [`on_pool!`], which expands its
//! body once per backend with that backend's pool and database type. The SQL is the common subset
//! of the two (`$1` placeholders, `RETURNING`, partial indexes, row values); where the backends
//! must differ (taking the write lock, a read snapshot) the body asks [`IS_POSTGRES`].

use crate::access::{AccessEntry, AccessRecord, Channel};
use crate::assurance::{EditOutcome, write_assurance};
use crate::lineage::{LoadBatch, LoadOutcome, LoadRecord, ReturnKind, SourceFile};
use crate::records::{self, Kind, Record, Value};
use crate::tables::{DATA_TABLES, row_counts};
use crate::{AsAt, ChildVersion, StoreError, error::BoxError};
use futures_util::TryStreamExt as _;
use model::Dataset;
use sha2::{Digest, Sha256};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::{QueryBuilder, Row};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// How long a connection waits for another writer (or a free connection) before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// Rows per multi-row statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters
/// for every statement here (at most six columns).
pub(crate) const ROWS_PER_STATEMENT: usize = 1_000;
/// Records read per page when reading a snapshot, to bound the memory of one read.
const PAGE: i64 = 5_000;

/// An error inside a backend, before it is given the database's name.
#[derive(Debug)]
pub(crate) enum Fail {
    Sql(sqlx::Error),
    /// A stored value that does not read back into the model.
    Corrupt {
        table: &'static str,
        column: &'static str,
    },
    /// A load id that no load has.
    NoSuchLoad(i64),
    /// Two records of a batch share a natural key (`table.column, …`).
    DuplicateKey(&'static str),
    /// A write refused before it began, and why (two assurance records share an id).
    Refused(String),
}

impl From<sqlx::Error> for Fail {
    fn from(e: sqlx::Error) -> Self {
        Self::Sql(e)
    }
}

impl Fail {
    pub(crate) fn into_store_error(self, db: &str, operation: &'static str) -> StoreError {
        use sqlx::error::ErrorKind;
        let db = db.to_owned();
        match self {
            Fail::Corrupt { table, column } => StoreError::Corrupt { db, table, column },
            Fail::NoSuchLoad(load_id) => StoreError::NoSuchLoad { db, load_id },
            Fail::DuplicateKey(key) => StoreError::Constraint {
                db,
                operation,
                constraint: format!("two records of one load share the key {key}"),
            },
            Fail::Refused(constraint) => StoreError::Constraint {
                db,
                operation,
                constraint,
            },
            Fail::Sql(sqlx::Error::Database(e))
                if matches!(
                    e.kind(),
                    ErrorKind::UniqueViolation
                        | ErrorKind::ForeignKeyViolation
                        | ErrorKind::NotNullViolation
                        | ErrorKind::CheckViolation
                ) =>
            {
                StoreError::Constraint {
                    db,
                    operation,
                    constraint: e.message().to_owned(),
                }
            }
            Fail::Sql(e) => StoreError::Database {
                db,
                operation,
                source: Box::new(e),
            },
        }
    }
}

pub(crate) fn corrupt(table: &'static str, column: &'static str) -> Fail {
    Fail::Corrupt { table, column }
}

/// A connection pool to one of the two backends.
#[derive(Clone)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs `$body` with `$p` bound to the pool, `$db` naming the driver's database type and
/// `IS_POSTGRES` telling the backends apart.
macro_rules! on_pool {
    ($pool:expr, $p:ident, $db:ident => $body:expr) => {
        match $pool {
            Pool::Sqlite($p) => {
                #[allow(dead_code)]
                type $db = sqlx::Sqlite;
                #[allow(dead_code)]
                const IS_POSTGRES: bool = false;
                $body
            }
            Pool::Postgres($p) => {
                #[allow(dead_code)]
                type $db = sqlx::Postgres;
                #[allow(dead_code)]
                const IS_POSTGRES: bool = true;
                $body
            }
        }
    };
}

pub(crate) use on_pool;

/// Runs one multi-row `INSERT` per [`ROWS_PER_STATEMENT`] rows: `$head` is `INSERT INTO t (a, b) `
/// and `$bind` binds one row's values in column order.
macro_rules! insert_rows {
    ($db:ty, $conn:expr, $head:expr, $rows:expr, |$b:ident, $row:ident| $bind:expr) => {
        for chunk in $rows.chunks(ROWS_PER_STATEMENT) {
            let mut q = QueryBuilder::<$db>::new($head);
            q.push_values(chunk, |mut $b, $row| {
                $bind;
            });
            q.build().execute(&mut *$conn).await?;
        }
    };
}

/// Runs `$each` on each row (`key`, `doc`) of the current versions in `$table` (`records` or
/// `assurance_records`) of the records of kind `$kind` whose keys are `$keys`.
macro_rules! current_docs {
    ($db:ty, $tx:expr, $table:literal, $kind:expr, $keys:expr, |$row:ident| $each:expr) => {
        for chunk in $keys.chunks($crate::backend::ROWS_PER_STATEMENT) {
            let mut q = sqlx::QueryBuilder::<$db>::new(concat!(
                "SELECT key, doc FROM ",
                $table,
                " WHERE superseded_by IS NULL AND kind = "
            ));
            q.push_bind($kind.as_str()).push(" AND key IN (");
            let mut list = q.separated(", ");
            for k in chunk {
                list.push_bind(k.to_string());
            }
            q.push(")");
            for $row in q.build().fetch_all(&mut *$tx).await? {
                $each;
            }
        }
    };
}

pub(crate) use current_docs;

/// Marks the current versions in `$table` of the records of kind `$kind` whose keys are `$keys`
/// superseded by `$by` (a load or a change).
macro_rules! supersede {
    ($db:ty, $tx:expr, $table:literal, $kind:expr, $keys:expr, $by:expr) => {
        for chunk in $keys.chunks($crate::backend::ROWS_PER_STATEMENT) {
            let mut q =
                sqlx::QueryBuilder::<$db>::new(concat!("UPDATE ", $table, " SET superseded_by = "));
            q.push_bind($by)
                .push(" WHERE superseded_by IS NULL AND kind = ")
                .push_bind($kind.as_str())
                .push(" AND key IN (");
            let mut list = q.separated(", ");
            for k in chunk {
                list.push_bind(k.to_string());
            }
            q.push(")");
            q.build().execute(&mut *$tx).await?;
        }
    };
}

pub(crate) use supersede;

/// RFC 3339 UTC with microseconds, fixed width, so that stored timestamps sort as text.
pub(crate) fn timestamp_text(t: jiff::Timestamp) -> String {
    format!("{t:.6}")
}

impl Pool {
    pub(crate) async fn open(path_or_url: &str, db: &str) -> Result<Pool, StoreError> {
        let open_err = |source: BoxError| StoreError::Open {
            db: db.to_owned(),
            source,
        };
        let migrate_err = |source: sqlx::migrate::MigrateError| StoreError::Migrate {
            db: db.to_owned(),
            source: Box::new(source),
        };
        if path_or_url.starts_with("postgres://") || path_or_url.starts_with("postgresql://") {
            let options =
                PgConnectOptions::from_str(path_or_url).map_err(|e| open_err(Box::new(e)))?;
            let pool = PgPoolOptions::new()
                .max_connections(8)
                .acquire_timeout(BUSY_TIMEOUT)
                .connect_with(options)
                .await
                .map_err(|e| open_err(Box::new(e)))?;
            POSTGRES_MIGRATIONS.run(&pool).await.map_err(migrate_err)?;
            return Ok(Pool::Postgres(pool));
        }
        let is_url = path_or_url.starts_with("sqlite:");
        if !is_url && path_or_url.contains("://") {
            return Err(StoreError::Unsupported {
                db: db.to_owned(),
                reason: "the database must be a SQLite file (a path or sqlite:// URL) \
                         or a PostgreSQL URL (postgres://…)",
            });
        }
        let options = if is_url {
            SqliteConnectOptions::from_str(path_or_url).map_err(|e| open_err(Box::new(e)))?
        } else {
            SqliteConnectOptions::new().filename(path_or_url)
        };
        let in_memory =
            is_url && (path_or_url.contains(":memory:") || path_or_url.contains("mode=memory"));
        let options = options
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .pragma("temp_store", "memory")
            // A 64 MB page cache (the default is 2 MB): a big load's transaction then stays in
            // memory until it commits instead of spilling pages to the WAL on the way.
            .pragma("cache_size", "-65536");
        let pool = if in_memory {
            // One connection that never closes: the database lives exactly as long as the pool.
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_with(options)
                .await
        } else {
            // WAL: readers never block the writer. `synchronous = FULL` makes each commit durable
            // across power loss, not only across a crash of the process.
            SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(BUSY_TIMEOUT)
                .connect_with(
                    options
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(sqlx::sqlite::SqliteSynchronous::Full),
                )
                .await
        }
        .map_err(|e| open_err(Box::new(e)))?;
        SQLITE_MIGRATIONS.run(&pool).await.map_err(migrate_err)?;
        Ok(Pool::Sqlite(pool))
    }

    pub(crate) fn backend_name(&self) -> &'static str {
        match self {
            Pool::Sqlite(_) => "sqlite",
            Pool::Postgres(_) => "postgres",
        }
    }

    pub(crate) async fn close(&self) {
        on_pool!(self, p, Db => p.close().await)
    }

    /// See [`crate::Store::load`].
    pub(crate) async fn load(&self, batch: LoadBatch) -> Result<LoadOutcome, Fail> {
        let LoadBatch {
            files,
            dataset,
            loaded_by,
            assurance,
        } = batch;
        let assurance = match assurance {
            Some(edit) => {
                let docs = crate::assurance::prepare(&edit.data)?;
                Some((edit, docs))
            }
            None => None,
        };
        let mut seen = BTreeSet::new();
        let files: Vec<SourceFile> = files
            .into_iter()
            .filter(|f| seen.insert(f.sha256.clone()))
            .collect();
        // A file once loaded stays loaded, so a batch found fully loaded here needs no lock
        // (unless its assurance records are to be compared with those stored).
        if assurance.is_none() && self.known_hashes(&files).await?.len() == files.len() {
            return Ok(LoadOutcome::AlreadyLoaded);
        }
        // Normalise the batch outside the write lock: fold repeated children, sort.
        let mut batch_ds = Dataset::default();
        batch_ds.merge(dataset);
        if let Some(key) = crate::tables::duplicate_key(&batch_ds) {
            return Err(Fail::DuplicateKey(key));
        }
        let rows = row_counts(&batch_ds);
        let batch = records::split(batch_ds);

        on_pool!(self, p, Db => {
            // Take the write lock first, so that the already-loaded check below cannot race
            // another load, and loads are numbered in the order they commit; and the lock on
            // assurance records too if the batch brings some, so that their change is timed and
            // numbered in the order changes commit.
            let mut tx = if IS_POSTGRES {
                let mut tx = p.begin().await?;
                sqlx::query("LOCK TABLE loads IN SHARE ROW EXCLUSIVE MODE")
                    .execute(&mut *tx)
                    .await?;
                if assurance.is_some() {
                    sqlx::query(crate::assurance::LOCK_ASSURANCE)
                        .execute(&mut *tx)
                        .await?;
                }
                tx
            } else {
                p.begin_with("BEGIN IMMEDIATE").await?
            };
            let mut known = BTreeSet::new();
            for chunk in files.chunks(ROWS_PER_STATEMENT) {
                let mut q = QueryBuilder::<Db>::new("SELECT sha256 FROM load_files WHERE sha256 IN (");
                let mut list = q.separated(", ");
                for f in chunk {
                    list.push_bind(f.sha256.clone());
                }
                q.push(")");
                for row in q.build().fetch_all(&mut *tx).await? {
                    known.insert(row.try_get::<String, _>(0)?);
                }
            }
            let new_files: Vec<&SourceFile> =
                files.iter().filter(|f| !known.contains(&f.sha256)).collect();
            if new_files.is_empty() && assurance.is_none() {
                tx.rollback().await?;
                return Ok(LoadOutcome::AlreadyLoaded);
            }
            let loaded_at = timestamp_text(jiff::Timestamp::now());
            // The assurance records first: they do not depend on the returns, and a load whose
            // return files are all stored already may still bring changed ones. Their change
            // is made at the load's time, so that reads as at the load include it.
            let edited = match &assurance {
                Some((edit, docs)) => write_assurance!(Db, tx, edit, docs, loaded_at.clone()),
                None => EditOutcome::Unchanged,
            };
            if new_files.is_empty() {
                return match edited {
                    EditOutcome::Unchanged => {
                        tx.rollback().await?;
                        Ok(LoadOutcome::AlreadyLoaded)
                    }
                    EditOutcome::Changed { change_id, records } => {
                        tx.commit().await?;
                        Ok(LoadOutcome::AssuranceOnly { change_id, records })
                    }
                };
            }

            let load_id: i64 = sqlx::query(
                "INSERT INTO loads (loaded_at, loaded_by) VALUES ($1, $2) RETURNING load_id",
            )
            .bind(loaded_at)
            .bind(loaded_by)
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?;
            insert_rows!(Db, tx,
                "INSERT INTO load_files (load_id, name, sha256, size, return_kind, collection_year) ",
                new_files, |s, f| s
                    .push_bind(load_id)
                    .push_bind(f.name.clone())
                    .push_bind(f.sha256.clone())
                    .push_bind(i64::try_from(f.size).unwrap_or(i64::MAX))
                    .push_bind(f.kind.as_str())
                    .push_bind(f.collection_year.map(i64::from)));
            insert_rows!(Db, tx, "INSERT INTO load_rows (load_id, table_name, row_count) ",
                rows, |s, r| s
                    .push_bind(load_id)
                    .push_bind(r.0.clone())
                    .push_bind(i64::try_from(r.1).unwrap_or(i64::MAX)));

            // The current version of each record the batch mentions: none to look up when the
            // store holds no record of the kind; one scan of the kind when the batch names many
            // of its records; otherwise by key.
            let mut stored: HashMap<(Kind, String), String> = HashMap::new();
            for kind in Kind::ALL {
                let keys: Vec<&str> = batch
                    .iter()
                    .filter(|r| r.kind == kind)
                    .map(|r| r.key.as_str())
                    .collect();
                if keys.is_empty() {
                    continue;
                }
                let current: i64 = sqlx::query(
                    "SELECT count(*) FROM records WHERE kind = $1 AND superseded_by IS NULL",
                )
                .bind(kind.as_str())
                .fetch_one(&mut *tx)
                .await?
                .try_get(0)?;
                if current == 0 {
                    continue;
                }
                if keys.len() as i64 * 4 > current {
                    let wanted: HashSet<&str> = keys.iter().copied().collect();
                    let mut rows = sqlx::query(
                        "SELECT key, doc FROM records WHERE kind = $1 AND superseded_by IS NULL",
                    )
                    .bind(kind.as_str())
                    .fetch(&mut *tx);
                    while let Some(row) = rows.try_next().await? {
                        let key: &str = row.try_get("key")?;
                        if wanted.contains(key) {
                            stored.insert((kind, key.to_owned()), row.try_get("doc")?);
                        }
                    }
                    continue;
                }
                current_docs!(Db, tx, "records", kind, keys, |row| {
                    stored.insert((kind, row.try_get("key")?), row.try_get("doc")?)
                });
            }
            let plan = plan_versions(batch, stored)?;
            for kind in Kind::ALL {
                let keys: Vec<&str> = plan
                    .superseded
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, key)| key.as_str())
                    .collect();
                supersede!(Db, tx, "records", kind, keys, load_id);
            }
            BulkInsert::insert_versions(&mut *tx, load_id, plan.versions).await?;
            tx.commit().await?;
            Ok(LoadOutcome::Loaded {
                load_id,
                rows,
                assurance: edited,
            })
        })
    }

    /// The hashes among `files` that an earlier load recorded.
    async fn known_hashes(&self, files: &[SourceFile]) -> Result<BTreeSet<String>, Fail> {
        let mut known = BTreeSet::new();
        on_pool!(self, p, Db => {
            for chunk in files.chunks(ROWS_PER_STATEMENT) {
                let mut q = QueryBuilder::<Db>::new("SELECT sha256 FROM load_files WHERE sha256 IN (");
                let mut list = q.separated(", ");
                for f in chunk {
                    list.push_bind(f.sha256.clone());
                }
                q.push(")");
                for row in q.build().fetch_all(p).await? {
                    known.insert(row.try_get::<String, _>(0)?);
                }
            }
        });
        Ok(known)
    }

    /// The dataset as it stood after the load `as_at` names, with that load's id (`None` when no
    /// load had been made by then, and the dataset is empty).
    pub(crate) async fn dataset(&self, as_at: AsAt) -> Result<(Option<i64>, Dataset), Fail> {
        on_pool!(self, p, Db => {
            let mut tx = if IS_POSTGRES {
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?
            } else {
                p.begin().await?
            };
            let load_id: Option<i64> = match as_at {
                AsAt::Latest => sqlx::query("SELECT max(load_id) FROM loads")
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?,
                AsAt::Load(id) => {
                    let found: Option<i64> =
                        sqlx::query("SELECT load_id FROM loads WHERE load_id = $1")
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await?
                            .map(|r| r.try_get(0))
                            .transpose()?;
                    Some(found.ok_or(Fail::NoSuchLoad(id))?)
                }
                AsAt::Time(t) => {
                    sqlx::query("SELECT max(load_id) FROM loads WHERE loaded_at <= $1")
                        .bind(timestamp_text(t))
                        .fetch_one(&mut *tx)
                        .await?
                        .try_get(0)?
                }
            };
            let Some(load_id) = load_id else {
                tx.commit().await?;
                return Ok((None, Dataset::default()));
            };
            // Keyset pages over the primary key, so that no read holds more than a page of text.
            let mut values = Vec::new();
            let mut after = (String::new(), String::new());
            loop {
                let rows = sqlx::query(
                    "SELECT kind, key, doc FROM records \
                     WHERE load_id <= $1 AND (superseded_by IS NULL OR superseded_by > $1) \
                     AND (kind, key) > ($2, $3) ORDER BY kind, key LIMIT $4",
                )
                .bind(load_id)
                .bind(after.0.clone())
                .bind(after.1.clone())
                .bind(PAGE)
                .fetch_all(&mut *tx)
                .await?;
                let Some(last) = rows.last() else { break };
                after = (last.try_get("kind")?, last.try_get("key")?);
                for row in &rows {
                    let kind: String = row.try_get("kind")?;
                    let kind = Kind::parse(&kind).ok_or(corrupt("records", "kind"))?;
                    let doc: &str = row.try_get("doc")?;
                    values.push(
                        Value::from_doc(kind, doc).map_err(|_| corrupt("records", "doc"))?,
                    );
                }
                if (rows.len() as i64) < PAGE {
                    break;
                }
            }
            tx.commit().await?;
            Ok((Some(load_id), records::assemble(values)))
        })
    }

    /// Every stored version of one child, oldest first.
    pub(crate) async fn child_history(&self, child_id: &str) -> Result<Vec<ChildVersion>, Fail> {
        on_pool!(self, p, Db => {
            let rows = sqlx::query(
                "SELECT r.load_id, l.loaded_at, r.superseded_by, r.doc \
                 FROM records r JOIN loads l ON l.load_id = r.load_id \
                 WHERE r.kind = 'child' AND r.key = $1 ORDER BY r.load_id",
            )
            .bind(child_id)
            .fetch_all(p)
            .await?;
            rows.iter()
                .map(|row| {
                    let doc: &str = row.try_get("doc")?;
                    let Value::Child(child) = Value::from_doc(Kind::Child, doc)
                        .map_err(|_| corrupt("records", "doc"))?
                    else {
                        return Err(corrupt("records", "doc"));
                    };
                    Ok(ChildVersion {
                        load_id: row.try_get("load_id")?,
                        loaded_at: row.try_get("loaded_at")?,
                        superseded_by: row.try_get("superseded_by")?,
                        child: *child,
                    })
                })
                .collect()
        })
    }

    pub(crate) async fn loads(&self) -> Result<Vec<LoadRecord>, Fail> {
        on_pool!(self, p, Db => {
            let mut tx = if IS_POSTGRES {
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?
            } else {
                p.begin().await?
            };
            let mut loads: Vec<LoadRecord> =
                sqlx::query("SELECT load_id, loaded_at, loaded_by FROM loads ORDER BY load_id")
                    .fetch_all(&mut *tx)
                    .await?
                    .iter()
                    .map(|row| {
                        Ok(LoadRecord {
                            load_id: row.try_get("load_id")?,
                            loaded_at: row.try_get("loaded_at")?,
                            loaded_by: row.try_get("loaded_by")?,
                            files: Vec::new(),
                            rows: Vec::new(),
                        })
                    })
                    .collect::<Result<_, Fail>>()?;
            let index = |load_id: i64, table: &'static str| {
                loads
                    .binary_search_by_key(&load_id, |l| l.load_id)
                    .map_err(|_| corrupt(table, "load_id"))
            };
            let files = sqlx::query(
                "SELECT load_id, name, sha256, size, return_kind, collection_year \
                 FROM load_files ORDER BY load_id, file_id",
            )
            .fetch_all(&mut *tx)
            .await?;
            let mut files_of = Vec::with_capacity(files.len());
            for row in &files {
                let kind: String = row.try_get("return_kind")?;
                let size: i64 = row.try_get("size")?;
                let year: Option<i64> = row.try_get("collection_year")?;
                let file = SourceFile {
                    name: row.try_get("name")?,
                    sha256: row.try_get("sha256")?,
                    size: u64::try_from(size).map_err(|_| corrupt("load_files", "size"))?,
                    kind: ReturnKind::parse(&kind).ok_or(corrupt("load_files", "return_kind"))?,
                    collection_year: year
                        .map(i16::try_from)
                        .transpose()
                        .map_err(|_| corrupt("load_files", "collection_year"))?,
                };
                files_of.push((index(row.try_get("load_id")?, "load_files")?, file));
            }
            let counts = sqlx::query("SELECT load_id, table_name, row_count FROM load_rows")
                .fetch_all(&mut *tx)
                .await?;
            let mut counts_of = Vec::with_capacity(counts.len());
            for row in &counts {
                let i = index(row.try_get("load_id")?, "load_rows")?;
                let n: i64 = row.try_get("row_count")?;
                let n = u64::try_from(n).map_err(|_| corrupt("load_rows", "row_count"))?;
                counts_of.push((i, row.try_get::<String, _>("table_name")?, n));
            }
            tx.commit().await?;
            for (i, file) in files_of {
                loads[i].files.push(file);
            }
            // Schema order, as the load returned them.
            let position = |t: &str| {
                DATA_TABLES
                    .iter()
                    .position(|d| *d == t)
                    .unwrap_or(usize::MAX)
            };
            counts_of
                .sort_by(|a, b| (a.0, position(&a.1), &a.1).cmp(&(b.0, position(&b.1), &b.1)));
            for (i, table, n) in counts_of {
                loads[i].rows.push((table, n));
            }
            Ok(loads)
        })
    }

    pub(crate) async fn log_access(&self, entries: &[AccessEntry]) -> Result<(), Fail> {
        if entries.is_empty() {
            return Ok(());
        }
        let at = timestamp_text(jiff::Timestamp::now());
        on_pool!(self, p, Db => {
            let mut tx = p.begin().await?;
            insert_rows!(Db, tx,
                "INSERT INTO access_log (at, actor, channel, action, subject, child_id) ",
                entries, |s, e| s
                    .push_bind(at.clone())
                    .push_bind(e.actor.clone())
                    .push_bind(e.channel.as_str())
                    .push_bind(e.action.clone())
                    .push_bind(e.subject.clone())
                    .push_bind(e.child_id.clone()));
            tx.commit().await?;
            Ok(())
        })
    }

    pub(crate) async fn access_log(&self, limit: i64) -> Result<Vec<AccessRecord>, Fail> {
        on_pool!(self, p, Db => {
            let rows = sqlx::query(
                "SELECT entry_id, at, actor, channel, action, subject, child_id \
                 FROM access_log ORDER BY entry_id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(p)
            .await?;
            rows.iter()
                .map(|row| {
                    let channel: String = row.try_get("channel")?;
                    Ok(AccessRecord {
                        entry_id: row.try_get("entry_id")?,
                        at: row.try_get("at")?,
                        entry: AccessEntry {
                            actor: row.try_get("actor")?,
                            channel: Channel::parse(&channel)
                                .ok_or(corrupt("access_log", "channel"))?,
                            action: row.try_get("action")?,
                            subject: row.try_get("subject")?,
                            child_id: row.try_get("child_id")?,
                        },
                    })
                })
                .collect()
        })
    }

    /// SHA-256 over every stored row of every table, in key order, with each value's text.
    pub(crate) async fn fingerprint(&self) -> Result<String, Fail> {
        const TABLES: [(&str, &str); 7] = [
            (
                "SELECT load_id, loaded_at, loaded_by FROM loads ORDER BY load_id",
                "loads",
            ),
            (
                "SELECT load_id, name, sha256, size, return_kind, \
                 coalesce(collection_year, -1) AS collection_year FROM load_files ORDER BY sha256",
                "load_files",
            ),
            (
                "SELECT load_id, table_name, row_count FROM load_rows ORDER BY load_id, table_name",
                "load_rows",
            ),
            (
                "SELECT kind, key, load_id, coalesce(superseded_by, 0) AS superseded_by, \
                 coalesce(child_id, '') AS child_id, doc FROM records ORDER BY kind, key, load_id",
                "records",
            ),
            (
                "SELECT entry_id, at, actor, channel, action, subject, \
                 coalesce(child_id, '') AS child_id FROM access_log ORDER BY entry_id",
                "access_log",
            ),
            (
                "SELECT change_id, at, actor, channel, action, coalesce(source_name, '') AS source_name, \
                 coalesce(source_sha256, '') AS source_sha256 FROM assurance_changes ORDER BY change_id",
                "assurance_changes",
            ),
            (
                "SELECT kind, key, change_id, coalesce(superseded_by, 0) AS superseded_by, \
                 coalesce(child_id, '') AS child_id, doc FROM assurance_records \
                 ORDER BY kind, key, change_id",
                "assurance_records",
            ),
        ];
        let mut hash = Sha256::new();
        on_pool!(self, p, Db => {
            let mut tx = if IS_POSTGRES {
                p.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await?
            } else {
                p.begin().await?
            };
            for (sql, table) in TABLES {
                hash.update(table.as_bytes());
                hash.update([0]);
                let mut rows = sqlx::query(sql).fetch(&mut *tx);
                while let Some(row) = rows.try_next().await? {
                    for i in 0..row.len() {
                        // Integers and text are the only types stored.
                        let text = match row.try_get::<i64, _>(i) {
                            Ok(n) => n.to_string(),
                            Err(_) => row.try_get::<String, _>(i)?,
                        };
                        hash.update(text.as_bytes());
                        hash.update([0x1f]);
                    }
                    hash.update([0x1e]);
                }
            }
            tx.commit().await?;
        });
        Ok(crate::lineage::hex(&hash.finalize()))
    }
}

/// Writing a load's new versions, the bulk of every load, each backend its fastest way.
trait BulkInsert {
    async fn insert_versions(
        &mut self,
        load_id: i64,
        versions: Vec<NewVersion>,
    ) -> Result<(), Fail>;
}

impl BulkInsert for sqlx::SqliteConnection {
    /// Multi-row `INSERT`s; the documents are moved into the statements, not copied.
    async fn insert_versions(
        &mut self,
        load_id: i64,
        versions: Vec<NewVersion>,
    ) -> Result<(), Fail> {
        let mut versions = versions.into_iter().peekable();
        while versions.peek().is_some() {
            let mut q = QueryBuilder::<sqlx::Sqlite>::new(
                "INSERT INTO records (kind, key, load_id, child_id, doc) ",
            );
            q.push_values(versions.by_ref().take(ROWS_PER_STATEMENT), |mut s, v| {
                s.push_bind(v.kind.as_str())
                    .push_bind(v.key)
                    .push_bind(load_id)
                    .push_bind(v.child_id)
                    .push_bind(v.doc);
            });
            q.build().execute(&mut *self).await?;
        }
        Ok(())
    }
}

impl BulkInsert for sqlx::PgConnection {
    /// `COPY … FROM STDIN` in PostgreSQL's text format, sent in blocks of about a megabyte.
    async fn insert_versions(
        &mut self,
        load_id: i64,
        versions: Vec<NewVersion>,
    ) -> Result<(), Fail> {
        /// Appends a value escaped for the text format (backslash, tab, newline and return).
        fn field(buf: &mut Vec<u8>, value: &str) {
            for b in value.bytes() {
                match b {
                    b'\\' => buf.extend_from_slice(b"\\\\"),
                    b'\t' => buf.extend_from_slice(b"\\t"),
                    b'\n' => buf.extend_from_slice(b"\\n"),
                    b'\r' => buf.extend_from_slice(b"\\r"),
                    _ => buf.push(b),
                }
            }
        }
        let mut copy = self
            .copy_in_raw("COPY records (kind, key, load_id, child_id, doc) FROM STDIN")
            .await?;
        let load = load_id.to_string();
        let mut buf = Vec::with_capacity(1 << 20);
        for v in versions {
            field(&mut buf, v.kind.as_str());
            buf.push(b'\t');
            field(&mut buf, &v.key);
            buf.push(b'\t');
            buf.extend_from_slice(load.as_bytes());
            buf.push(b'\t');
            match &v.child_id {
                Some(c) => field(&mut buf, c),
                None => buf.extend_from_slice(b"\\N"),
            }
            buf.push(b'\t');
            field(&mut buf, &v.doc);
            buf.push(b'\n');
            if buf.len() >= 1 << 20 {
                copy.send(std::mem::take(&mut buf)).await?;
                buf.reserve(1 << 20);
            }
        }
        if !buf.is_empty() {
            copy.send(buf).await?;
        }
        copy.finish().await?;
        Ok(())
    }
}

/// The versions a load writes.
struct Plan {
    /// Records whose current version the load replaces.
    superseded: Vec<(Kind, String)>,
    versions: Vec<NewVersion>,
}

struct NewVersion {
    kind: Kind,
    key: String,
    child_id: Option<String>,
    doc: String,
}

/// Merges each record of the batch into its stored current version (if any) and keeps those that
/// change: a record whose merged document equals the stored one gets no new version.
fn plan_versions(
    batch: Vec<Record>,
    mut stored: HashMap<(Kind, String), String>,
) -> Result<Plan, Fail> {
    let mut plan = Plan {
        superseded: Vec::new(),
        versions: Vec::new(),
    };
    for record in batch {
        let Record {
            kind,
            key,
            child_id,
            value,
        } = record;
        let doc = match stored.remove(&(kind, key.clone())) {
            Some(old_doc) => {
                let mut merged =
                    Value::from_doc(kind, &old_doc).map_err(|_| corrupt("records", "doc"))?;
                merged.merge(value);
                let doc = merged.to_doc();
                if doc == old_doc {
                    continue;
                }
                plan.superseded.push((kind, key.clone()));
                doc
            }
            None => value.to_doc(),
        };
        plan.versions.push(NewVersion {
            kind,
            key,
            child_id,
            doc,
        });
    }
    // In key order, so that the inserts append to the primary key's B-tree.
    plan.versions
        .sort_unstable_by(|a, b| (a.kind.as_str(), &a.key).cmp(&(b.kind.as_str(), &b.key)));
    Ok(plan)
}

// After `on_pool!`, so that the macro is in scope there.
mod web_sql;
