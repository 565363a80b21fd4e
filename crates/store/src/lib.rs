//! The store: Harbour's database, on SQLite (the embedded default) or PostgreSQL (a shared
//! deployment), with the same behaviour on both.
//!
//! [`Store`] keeps the whole [`model::Dataset`], every earlier state of it, the lineage of every
//! load and the access log. No type of the database driver appears in its API.
//!
//! **Loads.** Every [`Store::load`] is one transaction: it records the load (who, when, and each
//! file's name, SHA-256, size, return kind and collection year, and the records it brought per
//! table) and merges the batch's dataset into what is stored with the same semantics as
//! [`model::Dataset::merge`]: records are matched on their natural keys and the newer replaces the
//! older; children the batch does not mention are untouched. A batch whose files have all been
//! loaded before changes nothing. The practice-assurance records read with the returns (see
//! `assurance`) are recorded in the same transaction. A load that fails or is killed part-way
//! leaves no trace: neither its returns nor its assurance records.
//!
//! **History.** Each record of the model (a child with their whole journey, a team, a worker, an
//! allocation, a Family Safeguarding involvement) is stored as a JSON document, one row per
//! version. A load that changes a record marks its current version superseded and adds a new one;
//! nothing is overwritten. So [`Store::dataset_as_at`] can give the data as it stood after any
//! load, or at any moment, and [`Store::child_history`] every version of one child.
//!
//! **Access log.** [`Store::log_access`] appends who saw which child or record, by which route or
//! command; the database refuses to change or delete an entry.
//!
//! **Accounts.** The web app's users (with an argon2id hash and a role), sessions (by the SHA-256
//! of their token), sign-in attempts for rate limiting, and the analysts' notes on each indicator
//! (each edit a new row).
//!
//! The schema is `migrations/sqlite/` and `migrations/postgres/`, run when a store is opened.

mod access;
mod accounts;
mod assurance;
mod backend;
mod error;
mod lineage;
mod records;
mod tables;
#[doc(hidden)]
pub mod testing;

pub use access::{AccessEntry, AccessRecord, Channel};
pub use accounts::{IndicatorNote, LoginAttempt, NewUser, Role, Session, User};
pub use assurance::{
    AssuranceEdit, AssuranceKind, AssuranceVersion, EditOutcome, EditSource, Reader, TrackerDoc,
    TrackerEdit, TrackerRecord,
};
pub use error::{BoxError, StoreError};
pub use lineage::{
    LoadBatch, LoadOutcome, LoadRecord, ReturnKind, SourceFile, latest_collection_year, sha256_hex,
};
pub use tables::{DATA_TABLES, PARTNER_FIGURES, row_counts};

/// Which state of the stored data to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AsAt {
    /// After the latest load.
    #[default]
    Latest,
    /// Just after this load.
    Load(i64),
    /// At this moment: after the last load made at or before it.
    Time(jiff::Timestamp),
}

impl std::str::FromStr for AsAt {
    type Err = String;

    /// Reads `latest`, a load number (`12`), a date (`2026-03-31`, meaning the end of that day,
    /// UTC) or an RFC 3339 timestamp (`2026-03-31T17:00:00Z`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("latest") {
            return Ok(AsAt::Latest);
        }
        if let Ok(id) = s.parse::<i64>() {
            return Ok(AsAt::Load(id));
        }
        if let Ok(t) = s.parse::<jiff::Timestamp>() {
            return Ok(AsAt::Time(t));
        }
        if let Ok(d) = s.parse::<jiff::civil::Date>() {
            let end = d
                .to_datetime(jiff::civil::Time::MAX)
                .to_zoned(jiff::tz::TimeZone::UTC)
                .map_err(|e| e.to_string())?;
            return Ok(AsAt::Time(end.timestamp()));
        }
        Err(format!(
            "{s:?} is not `latest`, a load number, a date (YYYY-MM-DD) or a timestamp \
             (YYYY-MM-DDTHH:MM:SSZ)"
        ))
    }
}

/// The data as it stood after one load.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The load the data is as at (`None`: no load had been made by then, and the data is empty).
    pub load_id: Option<i64>,
    pub dataset: model::Dataset,
}

/// One stored version of a child's record.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildVersion {
    /// The load that wrote this version.
    pub load_id: i64,
    pub loaded_at: String,
    /// The load that replaced it, if any.
    pub superseded_by: Option<i64>,
    pub child: model::Child,
}

/// The database: a SQLite file or a PostgreSQL database.
///
/// Cheap to clone: clones share one connection pool.
#[derive(Clone)]
pub struct Store {
    /// The database as named by the user (path or URL, password hidden), for messages.
    db: String,
    pool: backend::Pool,
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
    /// date. Accepts a file path (`./harbour.db`), an SQLite URL (`sqlite://harbour.db`,
    /// `sqlite::memory:`) or a PostgreSQL URL (`postgres://user:password@host/database`; the
    /// database must exist). SQLite files are opened in WAL mode with foreign keys enforced, full
    /// synchronous commits and a busy timeout, so that readers never block the writer and a
    /// second writer waits its turn.
    pub async fn open(path_or_url: &str) -> Result<Store, StoreError> {
        let db = display_name(path_or_url);
        let pool = backend::Pool::open(path_or_url, &db).await?;
        Ok(Store { db, pool })
    }

    /// The database as named when it was opened (any password hidden).
    pub fn name(&self) -> &str {
        &self.db
    }

    /// `sqlite` or `postgres`.
    pub fn backend(&self) -> &'static str {
        self.pool.backend_name()
    }

    /// Loads a batch in one transaction: records the load and merges the batch's dataset into the
    /// stored data (see [`model::Dataset::merge`]), writing a new version of each record the batch
    /// changes, and records its assurance records ([`LoadBatch::assurance`]) as one change made
    /// at the load's time. If every file of the batch has been loaded before (by SHA-256), its
    /// dataset is not merged again and no load is recorded: then, if its assurance records are
    /// all stored as given, nothing changes ([`LoadOutcome::AlreadyLoaded`]), and otherwise
    /// only they are recorded ([`LoadOutcome::AssuranceOnly`]). Files loaded before are left
    /// with their first load. On any error, or if the process is killed, nothing changes.
    pub async fn load(&self, batch: LoadBatch) -> Result<LoadOutcome, StoreError> {
        if batch.files.is_empty() && batch.assurance.is_none() {
            return Err(StoreError::NoFiles {
                db: self.db.clone(),
            });
        }
        self.pool
            .load(batch)
            .await
            .map_err(|e| self.fail("loading a batch", e))
    }

    /// The stored dataset after the latest load, normalised ([`model::Dataset::normalise`]),
    /// read from one consistent snapshot.
    pub async fn dataset(&self) -> Result<model::Dataset, StoreError> {
        Ok(self.dataset_as_at(AsAt::Latest).await?.dataset)
    }

    /// The dataset as it stood after a given load or at a given moment.
    pub async fn dataset_as_at(&self, as_at: AsAt) -> Result<Snapshot, StoreError> {
        let (load_id, dataset) = self
            .pool
            .dataset(as_at)
            .await
            .map_err(|e| self.fail("reading the dataset", e))?;
        Ok(Snapshot { load_id, dataset })
    }

    /// Every stored version of one child's record, oldest first (empty if the child is unknown).
    pub async fn child_history(
        &self,
        child: &model::ChildId,
    ) -> Result<Vec<ChildVersion>, StoreError> {
        self.pool
            .child_history(&child.0)
            .await
            .map_err(|e| self.fail("reading a child's history", e))
    }

    /// Every load so far, oldest first.
    pub async fn loads(&self) -> Result<Vec<LoadRecord>, StoreError> {
        self.pool
            .loads()
            .await
            .map_err(|e| self.fail("reading the loads", e))
    }

    /// Appends entries to the access log, all or none.
    pub async fn log_access(&self, entries: &[AccessEntry]) -> Result<(), StoreError> {
        self.pool
            .log_access(entries)
            .await
            .map_err(|e| self.fail("writing the access log", e))
    }

    /// The latest `limit` entries of the access log, newest first.
    pub async fn access_log(&self, limit: u32) -> Result<Vec<AccessRecord>, StoreError> {
        self.pool
            .access_log(i64::from(limit))
            .await
            .map_err(|e| self.fail("reading the access log", e))
    }

    /// Adds a user; a name already taken is a [`StoreError::Constraint`]. Returns its id.
    pub async fn add_user(&self, user: &NewUser) -> Result<i64, StoreError> {
        self.pool
            .add_user(user)
            .await
            .map_err(|e| self.fail("adding a user", e))
    }

    /// The user with this name, if any.
    pub async fn user_by_name(&self, name: &str) -> Result<Option<User>, StoreError> {
        self.pool
            .user_by_name(name)
            .await
            .map_err(|e| self.fail("reading a user", e))
    }

    /// Every user, by name.
    pub async fn users(&self) -> Result<Vec<User>, StoreError> {
        self.pool
            .users()
            .await
            .map_err(|e| self.fail("reading the users", e))
    }

    /// Gives a user a new password hash and ends their sessions; `false` when no user has the
    /// name.
    pub async fn set_password(&self, name: &str, password_hash: &str) -> Result<bool, StoreError> {
        self.pool
            .set_password(name, password_hash)
            .await
            .map_err(|e| self.fail("setting a password", e))
    }

    /// Records a new session (by the SHA-256 of its token, as lower-case hex), removing every
    /// expired one.
    pub async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        csrf_token: &str,
        expires_at: jiff::Timestamp,
    ) -> Result<(), StoreError> {
        self.pool
            .create_session(token_hash, user_id, csrf_token, expires_at)
            .await
            .map_err(|e| self.fail("starting a session", e))
    }

    /// The live session whose token has this hash, with its user (`None` if unknown or expired).
    pub async fn session(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        self.pool
            .session(token_hash)
            .await
            .map_err(|e| self.fail("reading a session", e))
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.pool
            .delete_session(token_hash)
            .await
            .map_err(|e| self.fail("ending a session", e))
    }

    /// Records a sign-in attempt.
    pub async fn record_login_attempt(&self, attempt: &LoginAttempt) -> Result<(), StoreError> {
        self.pool
            .record_login_attempt(attempt)
            .await
            .map_err(|e| self.fail("recording a sign-in attempt", e))
    }

    /// How many sign-in attempts have failed since `since`: (for this name, from this client).
    pub async fn failed_logins_since(
        &self,
        user_name: &str,
        client: &str,
        since: jiff::Timestamp,
    ) -> Result<(u32, u32), StoreError> {
        self.pool
            .failed_logins_since(user_name, client, since)
            .await
            .map_err(|e| self.fail("counting sign-in attempts", e))
    }

    /// Writes a new version of an indicator's story behind the curve and actions.
    pub async fn add_indicator_note(
        &self,
        indicator_id: &str,
        story: &str,
        actions: &str,
        written_by: &str,
    ) -> Result<i64, StoreError> {
        self.pool
            .add_indicator_note(indicator_id, story, actions, written_by)
            .await
            .map_err(|e| self.fail("writing an indicator note", e))
    }

    /// Every version of an indicator's note, newest (the one in force) first.
    pub async fn indicator_notes(
        &self,
        indicator_id: &str,
    ) -> Result<Vec<IndicatorNote>, StoreError> {
        self.pool
            .indicator_notes(indicator_id)
            .await
            .map_err(|e| self.fail("reading an indicator's notes", e))
    }

    /// A SHA-256 digest of everything stored (loads, files, row counts, every version of every
    /// record, the access log), for checking that an operation changed nothing.
    pub async fn fingerprint(&self) -> Result<String, StoreError> {
        self.pool
            .fingerprint()
            .await
            .map_err(|e| self.fail("reading the whole store", e))
    }

    /// Closes the connections, waiting for them to finish (dropping the store also closes them,
    /// without waiting).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    fn fail(&self, operation: &'static str, e: backend::Fail) -> StoreError {
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
