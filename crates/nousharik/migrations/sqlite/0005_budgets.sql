-- Participatory budgets (SQLite). Keep in step with migrations/postgres/0005_budgets.sql.
-- Money in centimes (integers); timestamps Unix seconds UTC; booleans 0/1.
-- See src/budgets/ and crates/nousharik/README.md ("Participatory budgets"), in particular
-- "Ballot secrecy" for why budget_ballots has no id, no time and no voter.

CREATE TABLE budget_campaigns (
    id INTEGER PRIMARY KEY NOT NULL,
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    phase TEXT NOT NULL,
    ballot_type TEXT NOT NULL,
    approval_min INTEGER NOT NULL,
    approval_max INTEGER NOT NULL,
    points INTEGER NOT NULL,
    max_points_per_project INTEGER NOT NULL,
    rule TEXT NOT NULL,
    min_age INTEGER NOT NULL,
    scope TEXT NOT NULL,
    informing_at INTEGER NOT NULL,
    proposing_at INTEGER NOT NULL,
    review_at INTEGER NOT NULL,
    voting_at INTEGER NOT NULL,
    voting_end_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_campaigns_territory ON budget_campaigns (territory_id);

CREATE TABLE budget_budgets (
    id INTEGER PRIMARY KEY NOT NULL,
    campaign_id INTEGER NOT NULL REFERENCES budget_campaigns (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    amount INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX budget_budgets_campaign ON budget_budgets (campaign_id);

-- Proposals, then projects on the ballot once reviewed as feasible (status 'feasible').
-- status: submitted, merged (into merged_into), feasible, not_feasible.
CREATE TABLE budget_projects (
    id INTEGER PRIMARY KEY NOT NULL,
    campaign_id INTEGER NOT NULL REFERENCES budget_campaigns (id) ON DELETE CASCADE,
    budget_id INTEGER NOT NULL REFERENCES budget_budgets (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    place TEXT NOT NULL,
    category TEXT NOT NULL,
    estimated_cost INTEGER NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    submitted_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    merged_into INTEGER REFERENCES budget_projects (id),
    final_cost INTEGER,
    review_reason TEXT NOT NULL DEFAULT '',
    reviewed_by INTEGER REFERENCES users (id),
    reviewed_at INTEGER,
    funded INTEGER NOT NULL DEFAULT 0,
    progress_status TEXT,
    progress_percent INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX budget_projects_campaign ON budget_projects (campaign_id, status);
CREATE INDEX budget_projects_budget ON budget_projects (budget_id);

-- Who has voted in which budget. Nothing else: no ballot, no receipt, no time.
CREATE TABLE budget_voters (
    id INTEGER PRIMARY KEY NOT NULL,
    campaign_id INTEGER NOT NULL REFERENCES budget_campaigns (id) ON DELETE CASCADE,
    budget_id INTEGER NOT NULL REFERENCES budget_budgets (id),
    user_id INTEGER NOT NULL REFERENCES users (id)
);
CREATE UNIQUE INDEX budget_voters_unique ON budget_voters (budget_id, user_id);
CREATE INDEX budget_voters_campaign_user ON budget_voters (campaign_id, user_id);

-- The ballots: keyed by the SHA-256 of their receipt code (random), with no id, no time and
-- no voter. WITHOUT ROWID: rows are kept in key order, not in the order they were cast.
CREATE TABLE budget_ballots (
    receipt_hash TEXT PRIMARY KEY NOT NULL,
    budget_id INTEGER NOT NULL REFERENCES budget_budgets (id),
    choices TEXT NOT NULL,
    channel TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX budget_ballots_budget ON budget_ballots (budget_id);

-- Paper ballots typed in by officials: a first entry waits for a second, by another official.
-- sheet_hash is the SHA-256 of the receipt code printed on the paper ballot.
CREATE TABLE budget_paper_entries (
    id INTEGER PRIMARY KEY NOT NULL,
    budget_id INTEGER NOT NULL REFERENCES budget_budgets (id),
    sheet_hash TEXT NOT NULL,
    choices TEXT NOT NULL,
    first_by INTEGER NOT NULL REFERENCES users (id),
    second_by INTEGER REFERENCES users (id),
    status TEXT NOT NULL
);
CREATE UNIQUE INDEX budget_paper_entries_sheet ON budget_paper_entries (budget_id, sheet_hash);

-- The published result of a budget (the JSON served at /budgets/{id}/results.json).
CREATE TABLE budget_results (
    budget_id INTEGER PRIMARY KEY NOT NULL REFERENCES budget_budgets (id),
    counted_at INTEGER NOT NULL,
    ballots INTEGER NOT NULL,
    result_json TEXT NOT NULL
);

-- Implementation milestones of funded projects.
CREATE TABLE budget_milestones (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id INTEGER NOT NULL REFERENCES budget_projects (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    percent INTEGER NOT NULL,
    note TEXT NOT NULL,
    recorded_by INTEGER REFERENCES users (id),
    recorded_at INTEGER NOT NULL
);
CREATE INDEX budget_milestones_project ON budget_milestones (project_id);

-- Photos of proposals (kind 'proposal') and of works (kind 'implementation').
CREATE TABLE budget_photos (
    id INTEGER PRIMARY KEY NOT NULL,
    project_id INTEGER NOT NULL REFERENCES budget_projects (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX budget_photos_project ON budget_photos (project_id);
