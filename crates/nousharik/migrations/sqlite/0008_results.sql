-- The results framework (SQLite). Keep in step with migrations/postgres/0008_results.sql: the
-- schema test compares both. Rules: src/results/model/. Timestamps are Unix seconds UTC; dates
-- are 'YYYY-MM-DD' text; booleans are 0/1 integers.

-- A programme: objectives → expected results → activities → indicators. `key` is the text the
-- meetings module tags events with (events.programme), e.g. 'Nousharik 2023'. Computed
-- indicators count what happened in `territory_id` (and everything below it) between
-- `starts_on` and `ends_on` included.
CREATE TABLE results_programmes (
    id INTEGER PRIMARY KEY NOT NULL,
    programme_key TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX results_programmes_key ON results_programmes (programme_key);
CREATE INDEX results_programmes_organisation ON results_programmes (organisation_id);

CREATE TABLE results_objectives (
    id INTEGER PRIMARY KEY NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES results_programmes (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX results_objectives_programme ON results_objectives (programme_id, position);

CREATE TABLE results_expected (
    id INTEGER PRIMARY KEY NOT NULL,
    objective_id INTEGER NOT NULL REFERENCES results_objectives (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX results_expected_objective ON results_expected (objective_id, position);

CREATE TABLE results_activities (
    id INTEGER PRIMARY KEY NOT NULL,
    result_id INTEGER NOT NULL REFERENCES results_expected (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL
);
CREATE INDEX results_activities_result ON results_activities (result_id, position);

-- An indicator of an expected result (optionally of one of its activities). `source` is
-- 'manual' (values entered with evidence) or 'computed' (`query` names one of
-- model::NamedQuery, whose SQL is in src/results/store.rs).
CREATE TABLE results_indicators (
    id INTEGER PRIMARY KEY NOT NULL,
    result_id INTEGER NOT NULL REFERENCES results_expected (id),
    activity_id INTEGER REFERENCES results_activities (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    unit TEXT NOT NULL,
    baseline INTEGER NOT NULL CHECK (baseline >= 0),
    target INTEGER NOT NULL CHECK (target >= 0),
    source TEXT NOT NULL CHECK (source IN ('manual', 'computed')),
    query TEXT,
    note TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK ((source = 'computed') = (query IS NOT NULL))
);
CREATE INDEX results_indicators_result ON results_indicators (result_id, position);

-- Values of a manual indicator over time, each with its evidence: a link, a file, or both.
CREATE TABLE results_values (
    id INTEGER PRIMARY KEY NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES results_indicators (id),
    measured_on TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value >= 0),
    note TEXT NOT NULL,
    evidence_url TEXT,
    evidence_name TEXT,
    evidence_type TEXT,
    evidence BLOB,
    recorded_by INTEGER REFERENCES users (id),
    recorded_at INTEGER NOT NULL,
    CHECK ((evidence_name IS NULL) = (evidence IS NULL))
);
CREATE INDEX results_values_indicator ON results_values (indicator_id, measured_on);
