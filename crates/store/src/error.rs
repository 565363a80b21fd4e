//! The store's one error type.
//!
//! Messages name the database (its path or URL, with any password hidden) and what failed. They
//! never carry child data: database messages quoted here are the engine's own (which name tables
//! and columns, not values), and stored values that cannot be read are reported by table and
//! column only.

/// A boxed error from the database driver, kept opaque so that no backend type leaks into the API.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database could not be opened or created.
    #[error("cannot open the database {db}")]
    Open {
        db: String,
        #[source]
        source: BoxError,
    },
    /// The address is neither a SQLite file or URL nor a PostgreSQL URL.
    #[error("cannot open the database {db}: {reason}")]
    Unsupported { db: String, reason: &'static str },
    /// Bringing the schema up to date failed.
    #[error("cannot bring the database {db} up to date: migration failed")]
    Migrate {
        db: String,
        #[source]
        source: BoxError,
    },
    /// A statement failed (I/O, locking, a closed pool, …).
    #[error("database {db}: {operation} failed")]
    Database {
        db: String,
        operation: &'static str,
        #[source]
        source: BoxError,
    },
    /// The data broke a rule of the schema, e.g. two referrals of one child on the same date
    /// within one batch. Nothing was changed.
    #[error("database {db}: {operation} failed and changed nothing: {constraint}")]
    Constraint {
        db: String,
        operation: &'static str,
        /// The engine's description, e.g. `UNIQUE constraint failed: referrals.child_id,
        /// referrals.referral_date` (names columns, never values).
        constraint: String,
    },
    /// A stored value could not be read back into the model (a code this build does not know,
    /// a malformed date, a number out of range).
    #[error("database {db}: a value in {table}.{column} cannot be read")]
    Corrupt {
        db: String,
        table: &'static str,
        column: &'static str,
    },
    /// No load has this id.
    #[error("database {db}: there is no load {load_id}")]
    NoSuchLoad { db: String, load_id: i64 },
    /// A load must name at least one source file (lineage is not optional).
    #[error("database {db}: a load must name at least one source file")]
    NoFiles { db: String },
}
