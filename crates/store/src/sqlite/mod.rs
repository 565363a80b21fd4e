//! The SQLite backend.
//!
//! Loads merge in Rust: the stored records of the children a batch mentions are read, merged with
//! the batch by [`model::Dataset::merge`], deleted and written back, all in one `BEGIN IMMEDIATE`
//! transaction. Writes are multi-row `INSERT`s kept under SQLite's bound-parameter limit; reads
//! are one query per table, assembled in memory.

mod read;
mod write;

use crate::lineage::{LoadBatch, LoadOutcome, LoadRecord, ReturnKind, SourceFile};
use crate::tables::{DATA_TABLES, row_counts};
use crate::{StoreError, error::BoxError};
use model::Dataset;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{QueryBuilder, Row};
use std::collections::BTreeSet;
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An error inside the backend, before it is given the database's name.
#[derive(Debug)]
pub(crate) enum Fail {
    Sql(sqlx::Error),
    /// A stored value that does not read back into the model.
    Corrupt {
        table: &'static str,
        column: &'static str,
    },
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

#[derive(Clone)]
pub(crate) struct Sqlite {
    pool: SqlitePool,
}

impl Sqlite {
    pub(crate) async fn open(path_or_url: &str, db: &str) -> Result<Self, StoreError> {
        let open_err = |source: BoxError| StoreError::Open {
            db: db.to_owned(),
            source,
        };
        let is_url = path_or_url.starts_with("sqlite:");
        if !is_url && path_or_url.contains("://") {
            return Err(StoreError::Unsupported {
                db: db.to_owned(),
                reason: "only SQLite files (a path or a sqlite:// URL) are supported so far",
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
            .pragma("temp_store", "memory");
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
            SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(
                    options
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal),
                )
                .await
        }
        .map_err(|e| open_err(Box::new(e)))?;
        MIGRATOR.run(&pool).await.map_err(|e| StoreError::Migrate {
            db: db.to_owned(),
            source: Box::new(e),
        })?;
        Ok(Self { pool })
    }

    pub(crate) async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) async fn load(&self, batch: LoadBatch) -> Result<LoadOutcome, Fail> {
        let LoadBatch {
            files,
            dataset,
            loaded_by,
        } = batch;
        let mut seen = BTreeSet::new();
        let files: Vec<SourceFile> = files
            .into_iter()
            .filter(|f| seen.insert(f.sha256.clone()))
            .collect();
        // A file once loaded stays loaded, so a batch found fully loaded here needs no lock.
        if known_hashes(&mut *self.pool.acquire().await?, &files)
            .await?
            .len()
            == files.len()
        {
            return Ok(LoadOutcome::AlreadyLoaded);
        }
        // Normalise the batch outside the write lock: fold repeated children, sort.
        let mut batch_ds = Dataset::default();
        batch_ds.merge(dataset);
        let rows = row_counts(&batch_ds);

        // IMMEDIATE takes the write lock now, so the already-loaded check cannot race another load.
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let known = known_hashes(&mut tx, &files).await?;
        let new_files: Vec<&SourceFile> = files
            .iter()
            .filter(|f| !known.contains(&f.sha256))
            .collect();
        if new_files.is_empty() {
            tx.rollback().await?;
            return Ok(LoadOutcome::AlreadyLoaded);
        }

        let loaded_at = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let load_id: i64 = sqlx::query(
            "INSERT INTO loads (loaded_at, loaded_by) VALUES ($1, $2) RETURNING load_id",
        )
        .bind(loaded_at)
        .bind(loaded_by)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        write::insert_rows(
            &mut tx,
            "load_files",
            &[
                "load_id",
                "name",
                "sha256",
                "size",
                "return_kind",
                "collection_year",
            ],
            &new_files,
            |s, f| {
                s.push_bind(load_id)
                    .push_bind(f.name.clone())
                    .push_bind(f.sha256.clone())
                    .push_bind(i64::try_from(f.size).unwrap_or(i64::MAX))
                    .push_bind(f.kind.as_str())
                    .push_bind(f.collection_year.map(i64::from));
            },
        )
        .await?;
        write::insert_rows(
            &mut tx,
            "load_rows",
            &["load_id", "table_name", "row_count"],
            &rows,
            |s, (table, n)| {
                s.push_bind(load_id)
                    .push_bind(table.clone())
                    .push_bind(i64::try_from(*n).unwrap_or(i64::MAX));
            },
        )
        .await?;

        let Dataset {
            children,
            teams,
            workers,
            allocations,
            family_safeguarding,
        } = batch_ds;
        merge_children(&mut tx, children).await?;
        write::replace_workforce(
            &mut tx,
            &teams,
            &workers,
            &allocations,
            &family_safeguarding,
        )
        .await?;
        tx.commit().await?;
        Ok(LoadOutcome::Loaded { load_id, rows })
    }

    pub(crate) async fn dataset(&self) -> Result<Dataset, Fail> {
        // One read transaction: every query sees the same snapshot.
        let mut tx = self.pool.begin().await?;
        let children = read::children(&mut tx, read::Scope::All).await?;
        let mut ds = read::workforce(&mut tx).await?;
        tx.commit().await?;
        ds.children = children;
        ds.normalise();
        Ok(ds)
    }

    pub(crate) async fn loads(&self) -> Result<Vec<LoadRecord>, Fail> {
        let mut tx = self.pool.begin().await?;
        let mut loads: Vec<LoadRecord> =
            sqlx::query("SELECT load_id, loaded_at, loaded_by FROM loads ORDER BY load_id")
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|row| {
                    let g = read::Get::new(row, "loads");
                    Ok(LoadRecord {
                        load_id: g.int("load_id")?,
                        loaded_at: g.text("loaded_at")?,
                        loaded_by: g.text("loaded_by")?,
                        files: Vec::new(),
                        rows: Vec::new(),
                    })
                })
                .collect::<Result<_, Fail>>()?;
        let ids: Vec<i64> = loads.iter().map(|l| l.load_id).collect();
        let index = |load_id: i64, table: &'static str| {
            ids.binary_search(&load_id).map_err(|_| Fail::Corrupt {
                table,
                column: "load_id",
            })
        };
        let files = sqlx::query(
            "SELECT load_id, name, sha256, size, return_kind, collection_year \
             FROM load_files ORDER BY load_id, file_id",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut files_of = Vec::with_capacity(files.len());
        for row in &files {
            let g = read::Get::new(row, "load_files");
            let kind = g.text("return_kind")?;
            let file = SourceFile {
                name: g.text("name")?,
                sha256: g.text("sha256")?,
                size: g.int("size")?,
                kind: ReturnKind::parse(&kind).ok_or(Fail::Corrupt {
                    table: "load_files",
                    column: "return_kind",
                })?,
                collection_year: g.opt_int("collection_year")?,
            };
            files_of.push((index(g.int("load_id")?, "load_files")?, file));
        }
        for (i, file) in files_of {
            loads[i].files.push(file);
        }
        let counts = sqlx::query("SELECT load_id, table_name, row_count FROM load_rows")
            .fetch_all(&mut *tx)
            .await?;
        let mut counts_of = Vec::with_capacity(counts.len());
        for row in &counts {
            let g = read::Get::new(row, "load_rows");
            let i = index(g.int("load_id")?, "load_rows")?;
            counts_of.push((i, g.text("table_name")?, g.int::<u64>("row_count")?));
        }
        tx.commit().await?;
        // Schema order, as the load returned them.
        let position = |t: &str| {
            DATA_TABLES
                .iter()
                .position(|d| *d == t)
                .unwrap_or(usize::MAX)
        };
        counts_of.sort_by(|a, b| (a.0, position(&a.1), &a.1).cmp(&(b.0, position(&b.1), &b.1)));
        for (i, table, n) in counts_of {
            loads[i].rows.push((table, n));
        }
        Ok(loads)
    }
}

/// The hashes among `files` that an earlier load recorded.
async fn known_hashes(
    conn: &mut SqliteConnection,
    files: &[SourceFile],
) -> Result<BTreeSet<String>, Fail> {
    let mut known = BTreeSet::new();
    for chunk in files.chunks(write::MAX_PARAMS) {
        let mut q = QueryBuilder::new("SELECT sha256 FROM load_files WHERE sha256 IN (");
        let mut list = q.separated(", ");
        for f in chunk {
            list.push_bind(f.sha256.clone());
        }
        q.push(")");
        for row in q.build().fetch_all(&mut *conn).await? {
            known.insert(row.try_get::<String, _>(0)?);
        }
    }
    Ok(known)
}

/// Merges the batch's children (normalised, one per id) into the stored ones: reads the stored
/// records of those children, merges each with [`model::Child::merge`], and rewrites the children
/// that changed (a child whose merged record equals the stored one is left alone).
async fn merge_children(conn: &mut SqliteConnection, batch: Vec<model::Child>) -> Result<(), Fail> {
    if batch.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "CREATE TEMP TABLE IF NOT EXISTS load_children (child_id TEXT PRIMARY KEY NOT NULL)",
    )
    .execute(&mut *conn)
    .await?;
    set_load_children(conn, &batch).await?;
    let stored = read::children(conn, read::Scope::Batch).await?;
    if stored.is_empty() {
        write::insert_children(conn, &batch).await?;
    } else {
        // Both lists are sorted by id, and every stored child is in the batch.
        let mut stored = stored.into_iter().peekable();
        let mut changed = Vec::new();
        let mut replaced = Vec::new();
        for new in batch {
            match stored.next_if(|s| s.id == new.id) {
                Some(old) => {
                    let mut merged = old.clone();
                    merged.merge(new);
                    if merged != old {
                        replaced.push(merged.id.clone());
                        changed.push(merged);
                    }
                }
                None => changed.push(new),
            }
        }
        debug_assert!(
            stored.next().is_none(),
            "stored children are a subset of the batch"
        );
        set_load_children(conn, &replaced).await?;
        write::delete_children(conn).await?;
        write::insert_children(conn, &changed).await?;
    }
    sqlx::query("DELETE FROM temp.load_children")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Makes `temp.load_children` list exactly these children.
async fn set_load_children(
    conn: &mut SqliteConnection,
    ids: &[impl HasChildId],
) -> Result<(), Fail> {
    sqlx::query("DELETE FROM temp.load_children")
        .execute(&mut *conn)
        .await?;
    write::insert_rows(conn, "temp.load_children", &["child_id"], ids, |s, c| {
        s.push_bind(c.child_id().0.clone());
    })
    .await
}

trait HasChildId {
    fn child_id(&self) -> &model::ChildId;
}

impl HasChildId for model::Child {
    fn child_id(&self) -> &model::ChildId {
        &self.id
    }
}

impl HasChildId for model::ChildId {
    fn child_id(&self) -> &model::ChildId {
        self
    }
}
