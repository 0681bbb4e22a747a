-- Petitions to councils and national dossiers (SQLite). Keep in step with
-- migrations/postgres/0004_petitions.sql: the schema test compares both after migrating.
-- Rules and state machine: src/petitions/model/. Timestamps are Unix seconds UTC; dates are
-- 'YYYY-MM-DD' text (Africa/Casablanca calendar); booleans are 0/1 integers.

-- Dated rule sets (thresholds, spread, association conditions, deadlines, grounds), each a JSON
-- document of model::rules::RuleSet. Never updated: a law change adds a new version.
CREATE TABLE petition_rule_sets (
    id INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX petition_rule_sets_effective ON petition_rule_sets (effective_from);

-- One row per petition. The state column follows model::procedure::PetitionState; the required
-- counts are fixed from the rule set in force when the petition was filed.
CREATE TABLE petitions (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('citizen', 'association')),
    addressee TEXT NOT NULL CHECK (addressee IN ('council', 'national_petition', 'legislative_motion')),
    council_id INTEGER REFERENCES organisations (id),
    territory_id INTEGER REFERENCES territories (id),
    level TEXT CHECK (level IN ('region', 'prefecture_province', 'commune')),
    association_id INTEGER REFERENCES organisations (id),
    field TEXT,
    title TEXT NOT NULL,
    request TEXT NOT NULL,
    reasons TEXT NOT NULL,
    representative_id INTEGER NOT NULL REFERENCES users (id),
    representative_name TEXT NOT NULL,
    deputy_name TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'open', 'deposited', 'admissible', 'inadmissible', 'referred', 'on_agenda', 'decided', 'withdrawn', 'submitted_nationally')),
    rule_set_id INTEGER NOT NULL REFERENCES petition_rule_sets (id),
    required_signatures INTEGER NOT NULL,
    required_per_subdivision INTEGER,
    signature_count INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    filed_on TEXT,
    opened_at INTEGER,
    deposited_at INTEGER,
    receipt_number TEXT,
    deadline_on TEXT,
    overdue_from INTEGER,
    admissibility_at INTEGER,
    ground TEXT,
    bureau_reasons TEXT,
    committee_id INTEGER REFERENCES organisations (id),
    referred_at INTEGER,
    session_on TEXT,
    decided_at INTEGER,
    decision_text TEXT,
    votes_for INTEGER,
    votes_against INTEGER,
    abstentions INTEGER,
    closed_at INTEGER,
    demo INTEGER NOT NULL DEFAULT 0,
    CHECK ((addressee = 'council') = (council_id IS NOT NULL)),
    CHECK ((kind = 'association') = (association_id IS NOT NULL))
);
CREATE INDEX petitions_state ON petitions (state);
CREATE INDEX petitions_territory ON petitions (territory_id);
CREATE INDEX petitions_council ON petitions (council_id);
CREATE INDEX petitions_representative ON petitions (representative_id);
CREATE UNIQUE INDEX petitions_receipt ON petitions (receipt_number);

-- The petitioners' committee members who have an account (they type in paper signatures).
CREATE TABLE petition_committee (
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('deputy', 'member')),
    PRIMARY KEY (petition_id, user_id)
);

-- Valid signatures. The CIN number is only a keyed hash (duplicates) and a ciphertext (the
-- council's list): model::cin. A withdrawn signature is deleted, not flagged (law 09-08).
CREATE TABLE petition_signatures (
    id INTEGER PRIMARY KEY NOT NULL,
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    user_id INTEGER REFERENCES users (id),
    source TEXT NOT NULL CHECK (source IN ('online', 'paper')),
    cin_hash TEXT NOT NULL,
    cin_sealed BLOB NOT NULL,
    full_name TEXT NOT NULL,
    basis TEXT NOT NULL CHECK (basis IN ('resident', 'activity')),
    place_id INTEGER REFERENCES territories (id),
    subdivision_id INTEGER REFERENCES territories (id),
    consent_version INTEGER NOT NULL,
    wants_notice INTEGER NOT NULL DEFAULT 0,
    signed_at INTEGER NOT NULL,
    entered_by INTEGER REFERENCES users (id),
    CHECK ((source = 'online') = (user_id IS NOT NULL))
);
CREATE UNIQUE INDEX petition_signatures_cin ON petition_signatures (petition_id, cin_hash);
CREATE UNIQUE INDEX petition_signatures_user ON petition_signatures (petition_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX petition_signatures_subdivision ON petition_signatures (petition_id, subdivision_id);

-- Paper signatures typed once and waiting for the second, blind entry that confirms them.
CREATE TABLE petition_paper_entries (
    id INTEGER PRIMARY KEY NOT NULL,
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    cin_hash TEXT NOT NULL,
    cin_sealed BLOB NOT NULL,
    full_name TEXT NOT NULL,
    place_id INTEGER NOT NULL REFERENCES territories (id),
    sheet TEXT NOT NULL,
    entered_by INTEGER NOT NULL REFERENCES users (id),
    entered_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX petition_paper_entries_cin ON petition_paper_entries (petition_id, cin_hash);

-- The public, dated history of each petition (one row per transition).
CREATE TABLE petition_events (
    id INTEGER PRIMARY KEY NOT NULL,
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    transition TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX petition_events_petition ON petition_events (petition_id, at);

-- Deadline warnings sent to the bureau. The primary key makes the job safe with several
-- server processes: a warning is claimed by inserting it, and only the inserting process sends.
CREATE TABLE petition_deadline_warnings (
    petition_id INTEGER NOT NULL REFERENCES petitions (id),
    days INTEGER NOT NULL,
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (petition_id, days)
);
