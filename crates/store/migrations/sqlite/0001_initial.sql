-- Harbour store, SQLite schema version 1.
--
-- One table per record type of model::Dataset, with every field of the model. Conventions:
--   * dates are TEXT 'YYYY-MM-DD'; DfE codes are their code text ('N1', 'K2', '5D');
--   * flags are INTEGER 0/1; collection years are INTEGER (the year the return ends: 2026 = 2025-26);
--   * natural keys are PRIMARY KEY / UNIQUE constraints; where a natural key can collide in messy
--     data (two assessments starting on one day), rows carry a surrogate key and an ordinal (the
--     record's position in the normalised model) instead;
--   * referrals, assessments and child protection plans have surrogate ids assigned by the loader
--     so that their own child records can point at them.
-- Never edit this file once released: sqlx checksums applied migrations. Add 0002_… instead.

-- Lineage --------------------------------------------------------------------------------------

CREATE TABLE loads (
    load_id   INTEGER PRIMARY KEY,
    loaded_at TEXT NOT NULL,            -- RFC 3339 UTC timestamp
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

-- Records per table that each load brought in.
CREATE TABLE load_rows (
    load_id    INTEGER NOT NULL REFERENCES loads (load_id),
    table_name TEXT NOT NULL,
    row_count  INTEGER NOT NULL CHECK (row_count >= 0),
    PRIMARY KEY (load_id, table_name)
) STRICT, WITHOUT ROWID;

-- Children -------------------------------------------------------------------------------------

CREATE TABLE children (
    child_id                 TEXT PRIMARY KEY NOT NULL,
    upn                      TEXT,
    former_upn               TEXT,
    upn_unknown              TEXT,
    birth_date               TEXT,
    expected_birth_date      TEXT,
    death_date               TEXT,
    sex                      TEXT,
    ethnicity                TEXT,
    -- SSDA903 UASC: whether the child has a UASC record, and the date the status ceased.
    uasc                     INTEGER NOT NULL CHECK (uasc IN (0, 1)),
    uasc_ceased              TEXT CHECK (uasc = 1 OR uasc_ceased IS NULL),
    mother                   INTEGER CHECK (mother IN (0, 1)),
    mothers_child_birth_date TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE disabilities (
    child_id   TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    disability TEXT NOT NULL,
    PRIMARY KEY (child_id, disability)
) STRICT, WITHOUT ROWID;

-- CIN census: referrals and what followed ------------------------------------------------------

CREATE TABLE referrals (
    referral_id        INTEGER PRIMARY KEY,
    child_id           TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    referral_date      TEXT NOT NULL,
    source             TEXT,
    primary_need       TEXT,
    closure_date       TEXT,
    reason_for_closure TEXT,
    no_further_action  INTEGER NOT NULL CHECK (no_further_action IN (0, 1)),
    initial_cpc_date   TEXT,
    UNIQUE (child_id, referral_date)
) STRICT;

CREATE TABLE assessments (
    assessment_id        INTEGER PRIMARY KEY,
    referral_id          INTEGER NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
    ordinal              INTEGER NOT NULL,
    start_date           TEXT NOT NULL,
    internal_review_date TEXT,
    authorised_date      TEXT,
    UNIQUE (referral_id, ordinal)
) STRICT;

CREATE TABLE assessment_factors (
    assessment_id INTEGER NOT NULL REFERENCES assessments (assessment_id) ON DELETE CASCADE,
    ordinal       INTEGER NOT NULL,
    factor        TEXT NOT NULL,
    PRIMARY KEY (assessment_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE cin_plans (
    referral_id INTEGER NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    PRIMARY KEY (referral_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE section47s (
    referral_id       INTEGER NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
    ordinal           INTEGER NOT NULL,
    start_date        TEXT NOT NULL,
    icpc_target_date  TEXT,
    icpc_date         TEXT,
    icpc_not_required INTEGER NOT NULL CHECK (icpc_not_required IN (0, 1)),
    PRIMARY KEY (referral_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE cp_plans (
    cp_plan_id               INTEGER PRIMARY KEY,
    referral_id              INTEGER NOT NULL REFERENCES referrals (referral_id) ON DELETE CASCADE,
    ordinal                  INTEGER NOT NULL,
    start_date               TEXT NOT NULL,
    end_date                 TEXT,
    initial_category         TEXT,
    latest_category          TEXT,
    number_of_previous_plans INTEGER CHECK (number_of_previous_plans >= 0),
    UNIQUE (referral_id, ordinal)
) STRICT;

CREATE TABLE cp_plan_reviews (
    cp_plan_id  INTEGER NOT NULL REFERENCES cp_plans (cp_plan_id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    review_date TEXT NOT NULL,
    PRIMARY KEY (cp_plan_id, ordinal)
) STRICT, WITHOUT ROWID;

-- SSDA903: children looked after ---------------------------------------------------------------

CREATE TABLE cla_episodes (
    child_id            TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    start_date          TEXT NOT NULL,  -- DECOM
    reason_new_episode  TEXT,           -- RNE
    legal_status        TEXT,           -- LS
    category_of_need    TEXT,           -- CIN
    placement           TEXT,           -- PLACE
    placement_provider  TEXT,           -- PLACE_PROVIDER
    end_date            TEXT,           -- DEC
    reason_ceased       TEXT,           -- REC
    reason_place_change TEXT,           -- REASON_PLACE_CHANGE
    home_postcode       TEXT,           -- HOME_POST
    placement_postcode  TEXT,           -- PL_POST
    urn                 TEXT,           -- URN
    PRIMARY KEY (child_id, start_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE cla_reviews (
    child_id      TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    review_date   TEXT NOT NULL,
    participation TEXT,
    PRIMARY KEY (child_id, review_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE missing_episodes (
    child_id   TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    kind       TEXT,
    end_date   TEXT,
    PRIMARY KEY (child_id, start_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE care_leaver_records (
    child_id        TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    collection_year INTEGER NOT NULL,
    in_touch        TEXT,
    activity        TEXT,
    accommodation   TEXT,
    PRIMARY KEY (child_id, collection_year)
) STRICT, WITHOUT ROWID;

CREATE TABLE cla_outcomes (
    child_id              TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    collection_year       INTEGER NOT NULL,
    sdq_score             INTEGER CHECK (sdq_score BETWEEN 0 AND 255),
    sdq_reason            TEXT,
    convicted             INTEGER CHECK (convicted IN (0, 1)),
    health_check          INTEGER CHECK (health_check IN (0, 1)),
    immunisations         INTEGER CHECK (immunisations IN (0, 1)),
    teeth_check           INTEGER CHECK (teeth_check IN (0, 1)),
    health_assessment     INTEGER CHECK (health_assessment IN (0, 1)),
    substance_misuse      INTEGER CHECK (substance_misuse IN (0, 1)),
    intervention_received INTEGER CHECK (intervention_received IN (0, 1)),
    intervention_offered  INTEGER CHECK (intervention_offered IN (0, 1)),
    PRIMARY KEY (child_id, collection_year)
) STRICT, WITHOUT ROWID;

-- One row per adopted child (SSDA903 AD1); a row with every column NULL is a record with no fields.
CREATE TABLE adoptions (
    child_id             TEXT PRIMARY KEY NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    decision_date        TEXT,          -- DATE_INT
    match_date           TEXT,          -- DATE_MATCH
    by_foster_carer      INTEGER CHECK (by_foster_carer IN (0, 1)),
    number_of_adopters   INTEGER CHECK (number_of_adopters BETWEEN 0 AND 255),
    adopter_sex          TEXT,
    adopter_legal_status TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE placed_for_adoption (
    child_id      TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    date_placed   TEXT NOT NULL,
    date_ceased   TEXT,
    reason_ceased TEXT,
    PRIMARY KEY (child_id, date_placed)
) STRICT, WITHOUT ROWID;

CREATE TABLE previous_permanence (
    child_id  TEXT PRIMARY KEY NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    kind      TEXT,
    la        TEXT,                     -- LA_PERM
    perm_date TEXT                      -- DATE_PERM as written (DD/MM/YYYY, parts may be ZZ)
) STRICT, WITHOUT ROWID;

CREATE TABLE social_worker_episodes (
    child_id   TEXT NOT NULL REFERENCES children (child_id) ON DELETE CASCADE,
    start_date TEXT NOT NULL,
    worker_id  TEXT NOT NULL,           -- SW_ID
    end_date   TEXT,
    reason     TEXT,
    PRIMARY KEY (child_id, start_date)
) STRICT, WITHOUT ROWID;

-- Workforce (case-management extracts). Not tied to children by foreign keys: an extract may name
-- a child, worker or team that no return has (yet).

CREATE TABLE teams (
    team_id             TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL,
    service             TEXT NOT NULL,
    family_safeguarding INTEGER NOT NULL CHECK (family_safeguarding IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE workers (
    worker_id  TEXT PRIMARY KEY NOT NULL,
    team_id    TEXT NOT NULL,
    role       TEXT,
    start_date TEXT,
    end_date   TEXT,
    agency     INTEGER NOT NULL CHECK (agency IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE case_allocations (
    child_id   TEXT NOT NULL,
    worker_id  TEXT NOT NULL,
    start_date TEXT NOT NULL,
    team_id    TEXT NOT NULL,
    end_date   TEXT,
    PRIMARY KEY (child_id, worker_id, start_date)
) STRICT, WITHOUT ROWID;

CREATE TABLE family_safeguarding (
    child_id              TEXT NOT NULL,
    start_date            TEXT NOT NULL,
    team_id               TEXT NOT NULL,
    end_date              TEXT,
    domestic_abuse_worker INTEGER NOT NULL CHECK (domestic_abuse_worker IN (0, 1)),
    mental_health_worker  INTEGER NOT NULL CHECK (mental_health_worker IN (0, 1)),
    substance_use_worker  INTEGER NOT NULL CHECK (substance_use_worker IN (0, 1)),
    PRIMARY KEY (child_id, start_date)
) STRICT, WITHOUT ROWID;
