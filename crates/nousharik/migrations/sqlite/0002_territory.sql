-- Territories and organisations (SQLite). Keep in step with migrations/postgres/0002_territory.sql:
-- the schema test compares both after migrating. Model and rules: src/territory/model.rs.
-- Timestamps are Unix seconds UTC; dates are 'YYYY-MM-DD' text; booleans are 0/1 integers.

-- Region → prefecture/province → commune → arrondissement. The store checks that a parent is of
-- the level just above (model::check_parent); the database keeps the tree acyclic by
-- construction (a parent must exist before its child, and parent_id never changes).
CREATE TABLE territories (
    id INTEGER PRIMARY KEY NOT NULL,
    code TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('region', 'prefecture', 'province', 'commune', 'arrondissement')),
    parent_id INTEGER REFERENCES territories (id),
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_zgh TEXT,
    name_en TEXT,
    population INTEGER NOT NULL CHECK (population > 0),
    census_year INTEGER NOT NULL,
    source TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX territories_code ON territories (code);
CREATE INDEX territories_parent ON territories (parent_id);

-- Councils, their bureaux and standing committees, consultative bodies, coordination cells and
-- associations. Users' memberships of organisations (accounts module) reference this table.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY NOT NULL,
    code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('council', 'bureau', 'standing_committee', 'consultative_body', 'coordination_cell', 'association')),
    topic TEXT CHECK (topic IN ('equality', 'youth', 'economic_actors')),
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    parent_id INTEGER REFERENCES organisations (id),
    name_ar TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_zgh TEXT,
    name_en TEXT,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX organisations_code ON organisations (code);
CREATE INDEX organisations_territory ON organisations (territory_id);
CREATE INDEX organisations_parent ON organisations (parent_id);
-- One council per territory, one bureau per council.
CREATE UNIQUE INDEX organisations_one_council ON organisations (territory_id) WHERE kind = 'council';
CREATE UNIQUE INDEX organisations_one_bureau ON organisations (parent_id) WHERE kind = 'bureau';

-- The association registry: one row per organisation of kind 'association'. Its legal names
-- are the organisation's Arabic and French names; its seat is the organisation's territory.
-- The legal representative's user account is linked by an accounts membership
-- (role association representative), not here.
CREATE TABLE associations (
    organisation_id INTEGER PRIMARY KEY NOT NULL REFERENCES organisations (id),
    created_on TEXT NOT NULL,
    standing TEXT NOT NULL CHECK (standing IN ('good', 'not_good')),
    standing_on TEXT NOT NULL,
    standing_note TEXT NOT NULL,
    representative_name TEXT NOT NULL
);

-- Fields of activity, from the fixed list of model::ActivityField.
CREATE TABLE association_fields (
    organisation_id INTEGER NOT NULL REFERENCES associations (organisation_id),
    field TEXT NOT NULL,
    PRIMARY KEY (organisation_id, field)
);
CREATE INDEX association_fields_field ON association_fields (field);

-- Territories (other than the seat) where an association has a branch.
CREATE TABLE association_branches (
    organisation_id INTEGER NOT NULL REFERENCES associations (organisation_id),
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    PRIMARY KEY (organisation_id, territory_id)
);
CREATE INDEX association_branches_territory ON association_branches (territory_id);
