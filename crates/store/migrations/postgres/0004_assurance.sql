-- Harbour store, PostgreSQL schema version 4. Kept in step with migrations/sqlite/0004_assurance.sql
-- (see that file for the design). Version 3 is the web app's accounts.

CREATE TABLE assurance_changes (
    change_id     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    channel       TEXT NOT NULL CHECK (channel IN ('web', 'cli')),
    action        TEXT NOT NULL,
    source_name   TEXT,
    source_sha256 TEXT CHECK (source_sha256 IS NULL OR length(source_sha256) = 64)
);

CREATE TABLE assurance_records (
    kind          TEXT NOT NULL CHECK (kind ~ '^[a-z_0-9]+$'),
    key           TEXT NOT NULL,
    change_id     BIGINT NOT NULL REFERENCES assurance_changes (change_id),
    superseded_by BIGINT REFERENCES assurance_changes (change_id) CHECK (superseded_by > change_id),
    child_id      TEXT,
    doc           TEXT NOT NULL,
    PRIMARY KEY (kind, key, change_id)
);
CREATE UNIQUE INDEX assurance_current ON assurance_records (kind, key) WHERE superseded_by IS NULL;
CREATE INDEX assurance_by_child ON assurance_records (child_id) WHERE child_id IS NOT NULL;

CREATE FUNCTION assurance_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'assurance_changes is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER assurance_changes_no_update_or_delete BEFORE UPDATE OR DELETE ON assurance_changes
    FOR EACH ROW EXECUTE FUNCTION assurance_changes_append_only();
CREATE TRIGGER assurance_changes_no_truncate BEFORE TRUNCATE ON assurance_changes
    FOR EACH STATEMENT EXECUTE FUNCTION assurance_changes_append_only();

CREATE FUNCTION assurance_records_keep_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND OLD.superseded_by IS NULL
        AND NEW.superseded_by IS NOT NULL
        AND NEW.kind = OLD.kind AND NEW.key = OLD.key AND NEW.change_id = OLD.change_id
        AND NEW.child_id IS NOT DISTINCT FROM OLD.child_id AND NEW.doc = OLD.doc THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'assurance_records keeps every version: % is not allowed (only superseded_by may be set, once)', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER assurance_records_keep_versions BEFORE UPDATE OR DELETE ON assurance_records
    FOR EACH ROW EXECUTE FUNCTION assurance_records_keep_versions();
CREATE TRIGGER assurance_records_no_truncate BEFORE TRUNCATE ON assurance_records
    FOR EACH STATEMENT EXECUTE FUNCTION assurance_changes_append_only();
