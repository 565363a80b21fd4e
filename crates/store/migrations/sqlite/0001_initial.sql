-- Harbour store, SQLite schema version 1. Kept in step with migrations/postgres/0001_initial.sql:
-- the same tables, columns and rules on both backends.
--
-- The store is versioned. Every record of the model (a child with their whole journey, a team, a
-- worker, a child's case allocations, a child's Family Safeguarding involvements) is kept as a
-- JSON document, one row
-- per version: a load that changes a record supersedes its current version and adds a new one, so
-- the data as it stood after any load can be read back (see the store crate's docs).
-- Conventions: timestamps are TEXT RFC 3339 UTC ('2026-05-07T09:30:00.123456Z', fixed width, so
-- they sort as text); collection years are INTEGER (the year the return ends: 2026 = 2025-26).
-- Never edit this file once released: sqlx checksums applied migrations. Add 0002_… instead.

-- Lineage --------------------------------------------------------------------------------------

CREATE TABLE loads (
    load_id   INTEGER PRIMARY KEY,
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL
) STRICT;

CREATE TABLE load_files (
    file_id         INTEGER PRIMARY KEY,
    load_id         INTEGER NOT NULL REFERENCES loads (load_id),
    name            TEXT NOT NULL,
    sha256          TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size            INTEGER NOT NULL CHECK (size >= 0),
    return_kind     TEXT NOT NULL CHECK (return_kind IN ('cin_census', 'ssda903', 'extract')),
    collection_year INTEGER
) STRICT;
CREATE INDEX load_files_by_load ON load_files (load_id);

-- Records per table of the model that each load brought in.
CREATE TABLE load_rows (
    load_id    INTEGER NOT NULL REFERENCES loads (load_id),
    table_name TEXT NOT NULL,
    row_count  INTEGER NOT NULL CHECK (row_count >= 0),
    PRIMARY KEY (load_id, table_name)
) STRICT, WITHOUT ROWID;

-- Records, versioned ---------------------------------------------------------------------------

-- kind: what the record is; key: its natural key within the kind (the child's id for a child, their
-- allocations and their involvements; a team's or worker's id). load_id: the load that wrote this version; superseded_by: the load
-- that replaced it, NULL while it is current. child_id: the child the record is about, if any.
CREATE TABLE records (
    kind          TEXT NOT NULL CHECK (kind IN ('child', 'team', 'worker', 'allocation',
                                                'family_safeguarding')),
    key           TEXT NOT NULL,
    load_id       INTEGER NOT NULL REFERENCES loads (load_id),
    superseded_by INTEGER REFERENCES loads (load_id) CHECK (superseded_by > load_id),
    child_id      TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (kind, key, load_id)
) STRICT; -- a rowid table: documents are too big for WITHOUT ROWID's B-tree pages
-- At most one current version of each record.
CREATE UNIQUE INDEX records_current ON records (kind, key) WHERE superseded_by IS NULL;

-- Access log, append-only ----------------------------------------------------------------------

-- Who saw or took out child-level data: when, through which route or command, and which child or
-- record. The database refuses to change or delete an entry.
CREATE TABLE access_log (
    entry_id INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    channel  TEXT NOT NULL CHECK (channel IN ('web', 'cli')),
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    child_id TEXT
) STRICT;
CREATE INDEX access_log_by_child ON access_log (child_id) WHERE child_id IS NOT NULL;

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only: entries cannot be changed');
END;

CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only: entries cannot be deleted');
END;
