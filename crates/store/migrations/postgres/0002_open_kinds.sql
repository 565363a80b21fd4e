-- Harbour store, PostgreSQL schema version 2. Kept in step with migrations/sqlite/0002_open_kinds.sql.
--
-- Record kinds and return kinds are named by the code (`Kind` and the return recognised on
-- load); the database now checks only that each is a lower-case name, so a new kind of record
-- (a visit, a contact, an audit) needs no schema change.

ALTER TABLE records DROP CONSTRAINT records_kind_check;
ALTER TABLE records ADD CONSTRAINT records_kind_check CHECK (kind ~ '^[a-z_0-9]+$');
ALTER TABLE load_files DROP CONSTRAINT load_files_return_kind_check;
ALTER TABLE load_files ADD CONSTRAINT load_files_return_kind_check
    CHECK (return_kind ~ '^[a-z_0-9]+$');
