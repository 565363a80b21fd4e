-- Harbour store, PostgreSQL schema version 3: the web app's accounts, sessions, login attempts
-- and the analysts' notes on each indicator. Kept in step with migrations/sqlite/0003_web.sql.

-- People who may sign in to the web app. password_hash: an argon2id PHC string (never the
-- password). team / worker: the team a manager runs, the worker a practitioner is (ids of the
-- case-management extract), which scope the children they may see.
CREATE TABLE users (
    user_id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'manager', 'practitioner',
                                                'scrutiny')),
    team          TEXT,
    worker        TEXT,
    password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at    TEXT NOT NULL,
    CHECK (role <> 'manager' OR team IS NOT NULL),
    CHECK (role <> 'practitioner' OR worker IS NOT NULL)
);

-- Signed-in sessions. Only a SHA-256 of the cookie's token is kept, so that reading the table
-- gives no one a live session. csrf_token: the secret every form of the session carries.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
    user_id    BIGINT NOT NULL REFERENCES users (user_id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Every attempt to sign in, for rate limiting: the name typed (whether or not a user has it)
-- and the client's address.
CREATE TABLE login_attempts (
    attempt_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    client     TEXT NOT NULL,
    succeeded  BIGINT NOT NULL CHECK (succeeded IN (0, 1))
);
CREATE INDEX login_attempts_by_name ON login_attempts (user_name, at);
CREATE INDEX login_attempts_by_client ON login_attempts (client, at);

-- The story behind the curve and the actions, written by analysts for each indicator. Each edit
-- is a new row; the latest is in force, and the earlier ones stay as the history.
CREATE TABLE indicator_notes (
    note_id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_id TEXT NOT NULL,
    story        TEXT NOT NULL,
    actions      TEXT NOT NULL,
    written_by   TEXT NOT NULL,
    written_at   TEXT NOT NULL
);
CREATE INDEX indicator_notes_by_indicator ON indicator_notes (indicator_id, note_id);
