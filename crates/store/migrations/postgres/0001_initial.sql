-- Harbour store, PostgreSQL schema version 1. Kept in step with migrations/sqlite/0001_initial.sql:
-- the same tables, columns and rules on both backends (see that file for the design).
-- Timestamps are TEXT RFC 3339 UTC, as on SQLite, so both backends store and compare them alike.
-- Never edit this file once released: sqlx checksums applied migrations. Add 0002_… instead.

-- Lineage --------------------------------------------------------------------------------------

CREATE TABLE loads (
    load_id   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL
);

CREATE TABLE load_files (
    file_id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    load_id         BIGINT NOT NULL REFERENCES loads (load_id),
    name            TEXT NOT NULL,
    sha256          TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    size            BIGINT NOT NULL CHECK (size >= 0),
    return_kind     TEXT NOT NULL CHECK (return_kind IN ('cin_census', 'ssda903', 'extract')),
    collection_year BIGINT
);
CREATE INDEX load_files_by_load ON load_files (load_id);

CREATE TABLE load_rows (
    load_id    BIGINT NOT NULL REFERENCES loads (load_id),
    table_name TEXT NOT NULL,
    row_count  BIGINT NOT NULL CHECK (row_count >= 0),
    PRIMARY KEY (load_id, table_name)
);

-- Records, versioned ---------------------------------------------------------------------------

CREATE TABLE records (
    kind          TEXT NOT NULL CHECK (kind IN ('child', 'team', 'worker', 'allocation',
                                                'family_safeguarding')),
    key           TEXT NOT NULL,
    load_id       BIGINT NOT NULL REFERENCES loads (load_id),
    superseded_by BIGINT REFERENCES loads (load_id) CHECK (superseded_by > load_id),
    child_id      TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (kind, key, load_id)
);
CREATE UNIQUE INDEX records_current ON records (kind, key) WHERE superseded_by IS NULL;

-- Access log, append-only ----------------------------------------------------------------------

CREATE TABLE access_log (
    entry_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    channel  TEXT NOT NULL CHECK (channel IN ('web', 'cli')),
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    child_id TEXT
);
CREATE INDEX access_log_by_child ON access_log (child_id) WHERE child_id IS NOT NULL;

-- The trigger refuses any change, whoever asks (the table's owner and superusers included).
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_no_update_or_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

-- Privileges: nobody holds UPDATE, DELETE or TRUNCATE on the log, not even the role that runs
-- the migrations (the owner would have to grant them to itself again, on purpose).
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM CURRENT_USER;
