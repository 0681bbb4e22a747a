-- Open government (OGP Local) (SQLite). Keep in step with migrations/postgres/0007_ogp.sql: the
-- schema test compares both. Rules: src/ogp/model/. Timestamps are Unix seconds UTC; calendar
-- dates are 'YYYY-MM-DD' text; booleans are 0/1 integers; lists of codes are comma-separated.

-- An action plan of a body (the region's or a commune's council), with its co-creation record.
CREATE TABLE ogp_plans (
    id INTEGER PRIMARY KEY NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    title TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    co_creation TEXT NOT NULL,
    participants INTEGER NOT NULL,
    contributions INTEGER NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ogp_plans_organisation ON ogp_plans (organisation_id);

-- Meetings (events of the meetings module) of the plan's co-creation and of its forum.
CREATE TABLE ogp_plan_events (
    id INTEGER PRIMARY KEY NOT NULL,
    plan_id INTEGER NOT NULL REFERENCES ogp_plans (id),
    event_id INTEGER NOT NULL REFERENCES events (id),
    linked_by INTEGER REFERENCES users (id),
    linked_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ogp_plan_events_unique ON ogp_plan_events (plan_id, event_id);

-- The member associations of the plan's multi-stakeholder forum (they review commitments).
CREATE TABLE ogp_forum_members (
    id INTEGER PRIMARY KEY NOT NULL,
    plan_id INTEGER NOT NULL REFERENCES ogp_plans (id),
    association_id INTEGER NOT NULL REFERENCES organisations (id),
    added_by INTEGER REFERENCES users (id),
    added_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ogp_forum_members_unique ON ogp_forum_members (plan_id, association_id);

-- A commitment with the OGP fields (LEGAL.md §6); ogp_values: comma-separated codes.
CREATE TABLE ogp_commitments (
    id INTEGER PRIMARY KEY NOT NULL,
    plan_id INTEGER NOT NULL REFERENCES ogp_plans (id),
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    problem TEXT NOT NULL,
    status_quo TEXT NOT NULL,
    action TEXT NOT NULL,
    how_it_solves TEXT NOT NULL,
    ogp_values TEXT NOT NULL,
    lead_institution TEXT NOT NULL,
    supporting_institutions TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ogp_commitments_code ON ogp_commitments (plan_id, code);

-- Milestones of a commitment and actions of its improvement plan (kind), tracked alike.
CREATE TABLE ogp_milestones (
    id INTEGER PRIMARY KEY NOT NULL,
    commitment_id INTEGER NOT NULL REFERENCES ogp_commitments (id),
    kind TEXT NOT NULL CHECK (kind IN ('milestone', 'improvement')),
    title TEXT NOT NULL,
    responsible TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'completed')),
    completed_on TEXT,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX ogp_milestones_commitment ON ogp_milestones (commitment_id);

-- Indicators of a commitment and their measured values over time.
CREATE TABLE ogp_indicators (
    id INTEGER PRIMARY KEY NOT NULL,
    commitment_id INTEGER NOT NULL REFERENCES ogp_commitments (id),
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline REAL NOT NULL,
    target REAL NOT NULL,
    data_source TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX ogp_indicators_commitment ON ogp_indicators (commitment_id);

CREATE TABLE ogp_indicator_values (
    id INTEGER PRIMARY KEY NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES ogp_indicators (id),
    measured_on TEXT NOT NULL,
    value REAL NOT NULL,
    recorded_by INTEGER REFERENCES users (id),
    recorded_at INTEGER NOT NULL
);
CREATE INDEX ogp_indicator_values_indicator ON ogp_indicator_values (indicator_id);

-- Progress updates (at least every six months) and their evidence: a file or a link.
CREATE TABLE ogp_updates (
    id INTEGER PRIMARY KEY NOT NULL,
    commitment_id INTEGER NOT NULL REFERENCES ogp_commitments (id),
    body TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX ogp_updates_commitment ON ogp_updates (commitment_id, created_at);

CREATE TABLE ogp_evidence (
    id INTEGER PRIMARY KEY NOT NULL,
    commitment_id INTEGER NOT NULL REFERENCES ogp_commitments (id),
    update_id INTEGER REFERENCES ogp_updates (id),
    link TEXT,
    file_name TEXT,
    content_type TEXT,
    content BLOB,
    size INTEGER NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX ogp_evidence_commitment ON ogp_evidence (commitment_id);

-- Self-assessments by the body's staff; the latest one counts, earlier ones stay.
CREATE TABLE ogp_assessments (
    id INTEGER PRIMARY KEY NOT NULL,
    commitment_id INTEGER NOT NULL REFERENCES ogp_commitments (id),
    completion TEXT NOT NULL CHECK (completion IN ('no_evidence', 'not_started', 'limited', 'substantial', 'complete')),
    potential TEXT NOT NULL CHECK (potential IN ('unclear', 'modest', 'substantial')),
    relevant_values TEXT NOT NULL,
    narrative TEXT NOT NULL,
    evidence_link TEXT,
    assessed_by INTEGER REFERENCES users (id),
    assessed_at INTEGER NOT NULL
);
CREATE INDEX ogp_assessments_commitment ON ogp_assessments (commitment_id, assessed_at);

-- Civil-society reviews by member associations of the forum; the latest per association counts.
CREATE TABLE ogp_reviews (
    id INTEGER PRIMARY KEY NOT NULL,
    commitment_id INTEGER NOT NULL REFERENCES ogp_commitments (id),
    association_id INTEGER NOT NULL REFERENCES organisations (id),
    completion TEXT NOT NULL CHECK (completion IN ('no_evidence', 'not_started', 'limited', 'substantial', 'complete')),
    potential TEXT NOT NULL CHECK (potential IN ('unclear', 'modest', 'substantial')),
    relevant_values TEXT NOT NULL,
    narrative TEXT NOT NULL,
    evidence_link TEXT,
    reviewed_by INTEGER REFERENCES users (id),
    reviewed_at INTEGER NOT NULL
);
CREATE INDEX ogp_reviews_commitment ON ogp_reviews (commitment_id, association_id);
