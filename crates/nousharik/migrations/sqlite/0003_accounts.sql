-- Accounts, sessions, mailed links, memberships, resident verifications, rate limits (SQLite).
-- Keep in step with migrations/postgres/0003_accounts.sql: the schema test compares both.
-- Timestamps are Unix seconds UTC; booleans are 0/1 integers. See src/accounts/ and
-- crates/nousharik/README.md ("Accounts, sessions, CSRF and permissions").

-- One row per account. Deleted accounts stay as anonymised rows (email replaced by
-- deleted-<id>@deleted.invalid, no password, no demographics) because the audit log and the
-- verifications they made still point at them.
CREATE TABLE users (
    id INTEGER PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    password_hash TEXT,
    display_name TEXT NOT NULL,
    language TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    email_confirmed_at INTEGER,
    sex TEXT,
    age_group TEXT,
    demographics_consent_version INTEGER,
    demographics_consent_at INTEGER,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER,
    -- Sex and age group exist only with a recorded consent (law 09-08).
    CHECK ((sex IS NULL AND age_group IS NULL) OR
           (demographics_consent_version IS NOT NULL AND demographics_consent_at IS NOT NULL))
);
CREATE UNIQUE INDEX users_email ON users (email);

-- Sessions: the cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_secret TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE UNIQUE INDEX sessions_token_hash ON sessions (token_hash);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Single-use mailed links (confirm the address, reset the password); only the digest is kept.
CREATE TABLE account_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE UNIQUE INDEX account_tokens_hash ON account_tokens (token_hash);
CREATE INDEX account_tokens_user ON account_tokens (user_id);

-- Roles held in organisations.
CREATE TABLE memberships (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_by INTEGER REFERENCES users (id),
    granted_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX memberships_unique ON memberships (user_id, organisation_id, role);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

-- A staff member's statement that a person lives in a territory. The evidence is a kind
-- (cin_shown, residence_certificate, electoral_roll), never a CIN number.
CREATE TABLE resident_verifications (
    id INTEGER PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    verified_by INTEGER NOT NULL REFERENCES users (id),
    evidence TEXT NOT NULL,
    verified_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX resident_verifications_unique ON resident_verifications (user_id, territory_id);
CREATE INDEX resident_verifications_territory ON resident_verifications (territory_id);

-- Fixed-window counters for log-in and sign-up limits, shared by every server process.
CREATE TABLE rate_limits (
    id INTEGER PRIMARY KEY NOT NULL,
    bucket TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    hits INTEGER NOT NULL
);
CREATE UNIQUE INDEX rate_limits_window ON rate_limits (bucket, window_start);
CREATE INDEX rate_limits_start ON rate_limits (window_start);
