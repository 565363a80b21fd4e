-- Harbour store, SQLite schema version 4. Kept in step with migrations/postgres/0004_assurance.sql.
-- (Version 3 is the web app's accounts.)
--
-- Practice assurance: audit cycles, audits (with their moderation), dip samples, follow-up
-- actions, workforce posts and family voice. These are edited by people (an import, a sample
-- drawn, an audit graded), not loaded from returns, so each edit is a change (who, when, by
-- which command or page, from which file) and each record a JSON document, one row per
-- version: an edit that changes a record supersedes its current version and adds a new one.
-- Nothing is overwritten or deleted: the database refuses it.

CREATE TABLE assurance_changes (
    change_id     INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'cli')),
    action        TEXT NOT NULL,
    source_name   TEXT,
    source_sha256 TEXT CHECK (source_sha256 IS NULL OR length(source_sha256) = 64)
) STRICT;

-- kind: audit_cycle, audit, audit_action, workforce_post, voice_feedback, voice_event,
-- voice_nomination. key: the record's id. child_id: the child an audit or action is about.
CREATE TABLE assurance_records (
    kind          TEXT NOT NULL CHECK (kind <> '' AND kind NOT GLOB '*[^a-z_0-9]*'),
    key           TEXT NOT NULL,
    change_id     INTEGER NOT NULL REFERENCES assurance_changes (change_id),
    superseded_by INTEGER REFERENCES assurance_changes (change_id) CHECK (superseded_by > change_id),
    child_id      TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (kind, key, change_id)
) STRICT;
CREATE UNIQUE INDEX assurance_current ON assurance_records (kind, key) WHERE superseded_by IS NULL;
CREATE INDEX assurance_by_child ON assurance_records (child_id) WHERE child_id IS NOT NULL;

CREATE TRIGGER assurance_changes_no_update BEFORE UPDATE ON assurance_changes
BEGIN
    SELECT RAISE(ABORT, 'assurance_changes is append-only: changes cannot be altered');
END;
CREATE TRIGGER assurance_changes_no_delete BEFORE DELETE ON assurance_changes
BEGIN
    SELECT RAISE(ABORT, 'assurance_changes is append-only: changes cannot be deleted');
END;
CREATE TRIGGER assurance_records_no_delete BEFORE DELETE ON assurance_records
BEGIN
    SELECT RAISE(ABORT, 'assurance_records keeps every version: versions cannot be deleted');
END;
CREATE TRIGGER assurance_records_only_superseded BEFORE UPDATE ON assurance_records
WHEN OLD.superseded_by IS NOT NULL
    OR NEW.superseded_by IS NULL
    OR NEW.kind IS NOT OLD.kind
    OR NEW.key IS NOT OLD.key
    OR NEW.change_id IS NOT OLD.change_id
    OR NEW.child_id IS NOT OLD.child_id
    OR NEW.doc IS NOT OLD.doc
BEGIN
    SELECT RAISE(ABORT, 'assurance_records keeps every version: only superseded_by may be set, once');
END;
