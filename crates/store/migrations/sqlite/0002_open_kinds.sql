-- Harbour store, SQLite schema version 2. Kept in step with migrations/postgres/0002_open_kinds.sql.
--
-- Record kinds and return kinds are named by the code (`Kind` and the return recognised on
-- load); the database now checks only that each is a lower-case name, so a new kind of record
-- (a visit, a contact, an audit) needs no table rebuild. SQLite cannot alter a CHECK constraint,
-- so the two tables are rebuilt, keeping every row and rowid.

CREATE TABLE records_v2 (
    kind          TEXT NOT NULL CHECK (kind <> '' AND kind NOT GLOB '*[^a-z_0-9]*'),
    key           TEXT NOT NULL,
    load_id       INTEGER NOT NULL REFERENCES loads (load_id),
    superseded_by INTEGER REFERENCES loads (load_id) CHECK (superseded_by > load_id),
    child_id      TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (kind, key, load_id)
) STRICT;
INSERT INTO records_v2 (rowid, kind, key, load_id, superseded_by, child_id, doc)
    SELECT rowid, kind, key, load_id, superseded_by, child_id, doc FROM records;
DROP TABLE records;
ALTER TABLE records_v2 RENAME TO records;
CREATE UNIQUE INDEX records_current ON records (kind, key) WHERE superseded_by IS NULL;

CREATE TABLE load_files_v2 (
    file_id         INTEGER PRIMARY KEY,
    load_id         INTEGER NOT NULL REFERENCES loads (load_id),
    name            TEXT NOT NULL,
    sha256          TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size            INTEGER NOT NULL CHECK (size >= 0),
    return_kind     TEXT NOT NULL CHECK (return_kind <> '' AND return_kind NOT GLOB '*[^a-z_0-9]*'),
    collection_year INTEGER
) STRICT;
INSERT INTO load_files_v2 SELECT * FROM load_files;
DROP TABLE load_files;
ALTER TABLE load_files_v2 RENAME TO load_files;
CREATE INDEX load_files_by_load ON load_files (load_id);
