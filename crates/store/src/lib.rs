//! The store: Harbour's database.
//!
//! [`Store`] keeps the whole [`model::Dataset`] and the lineage of every load. Today it is an
//! embedded SQLite file; PostgreSQL for shared deployments comes later behind the same API, so no
//! type of the database driver appears here.
//!
//! Every [`Store::load`] is one transaction: it records the load (who, when, each file's SHA-256,
//! return kind and collection year, and the records it brought per table) and merges the batch's
//! dataset into what is stored with the same semantics as [`model::Dataset::merge`]: records are
//! matched on their natural keys and the newer record replaces the older; children the batch does
//! not mention are untouched. A batch whose files have all been loaded before changes nothing.
//!
//! The schema (`migrations/sqlite/`) has one table per record type of the model; see
//! [`DATA_TABLES`].

mod error;
mod lineage;
mod sqlite;
mod tables;

pub use error::{BoxError, StoreError};
pub use lineage::{
    LoadBatch, LoadOutcome, LoadRecord, ReturnKind, SourceFile, latest_collection_year, sha256_hex,
};
pub use tables::{DATA_TABLES, row_counts};

/// The database: an SQLite file (PostgreSQL later).
///
/// Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct Store {
    /// The database as named by the user (path or URL), for messages.
    db: String,
    backend: sqlite::Sqlite,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("db", &self.db)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `path_or_url`, creating it if needed, and brings its schema up to
    /// date. Accepts a file path (`./harbour.db`) or an SQLite URL (`sqlite://harbour.db`,
    /// `sqlite::memory:`). Files are opened in WAL mode with foreign keys enforced and a busy
    /// timeout, so that readers never block the writer and a second writer waits its turn.
    pub async fn open(path_or_url: &str) -> Result<Store, StoreError> {
        let db = display_name(path_or_url);
        let backend = sqlite::Sqlite::open(path_or_url, &db).await?;
        Ok(Store { db, backend })
    }

    /// The database as named when it was opened (any password hidden).
    pub fn name(&self) -> &str {
        &self.db
    }

    /// Loads a batch in one transaction: records the load and merges the batch's dataset into the
    /// stored data (see [`model::Dataset::merge`]). If every file of the batch has been loaded
    /// before (by SHA-256), changes nothing and returns [`LoadOutcome::AlreadyLoaded`]; files
    /// loaded before are otherwise left with their first load. On any error nothing changes.
    ///
    /// Two records of one child with the same natural key in one batch (two referrals on one
    /// date, two episodes of care starting on one day, …) break the schema's keys and fail the
    /// load with [`StoreError::Constraint`].
    pub async fn load(&self, batch: LoadBatch) -> Result<LoadOutcome, StoreError> {
        if batch.files.is_empty() {
            return Err(StoreError::NoFiles {
                db: self.db.clone(),
            });
        }
        self.backend
            .load(batch)
            .await
            .map_err(|e| self.fail("loading a batch", e))
    }

    /// The whole stored dataset, normalised ([`model::Dataset::normalise`]), read from one
    /// consistent snapshot.
    pub async fn dataset(&self) -> Result<model::Dataset, StoreError> {
        self.backend
            .dataset()
            .await
            .map_err(|e| self.fail("reading the dataset", e))
    }

    /// Every load so far, oldest first.
    pub async fn loads(&self) -> Result<Vec<LoadRecord>, StoreError> {
        self.backend
            .loads()
            .await
            .map_err(|e| self.fail("reading the loads", e))
    }

    /// Closes the connections, waiting for them to finish (dropping the store also closes them,
    /// without waiting).
    pub async fn close(&self) {
        self.backend.close().await;
    }

    fn fail(&self, operation: &'static str, e: sqlite::Fail) -> StoreError {
        e.into_store_error(&self.db, operation)
    }
}

/// The database's name for messages: the path or URL with any password hidden.
fn display_name(path_or_url: &str) -> String {
    if let Some((scheme, rest)) = path_or_url.split_once("://")
        && let Some((userinfo, host)) = rest.split_once('@')
        && let Some((user, _password)) = userinfo.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    path_or_url.to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_hidden() {
        assert_eq!(
            super::display_name("postgres://harbour:s3cret@db.local/harbour"),
            "postgres://harbour:***@db.local/harbour"
        );
        assert_eq!(super::display_name("./harbour.db"), "./harbour.db");
    }
}
