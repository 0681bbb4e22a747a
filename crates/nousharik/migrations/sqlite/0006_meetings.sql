-- Meetings and capacity building (SQLite). Keep in step with migrations/postgres/0006_meetings.sql:
-- the schema test compares both. Rules: src/meetings/model/. Timestamps are Unix seconds UTC;
-- booleans are 0/1 integers; JSON is text.

-- An event: launch meeting, workshop, training session, awareness day, council or forum
-- meeting, final meeting. `questions` is the JSON list of extra registration questions.
CREATE TABLE events (
    id INTEGER PRIMARY KEY NOT NULL,
    organiser_id INTEGER NOT NULL REFERENCES organisations (id),
    territory_id INTEGER NOT NULL REFERENCES territories (id),
    programme TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('launch_meeting', 'workshop', 'training_session', 'awareness_day', 'council_meeting', 'final_meeting')),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    agenda TEXT NOT NULL,
    speakers TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('in_person', 'online', 'hybrid')),
    address TEXT,
    link TEXT,
    capacity INTEGER,
    waitlist_capacity INTEGER NOT NULL,
    policy TEXT NOT NULL CHECK (policy IN ('open', 'invitation', 'closed')),
    registration_closes_at INTEGER NOT NULL,
    questions TEXT NOT NULL,
    certificate_enabled INTEGER NOT NULL,
    certificate_requires_post_test INTEGER NOT NULL,
    certificate_min_score INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
    demo INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_starts ON events (starts_at);
CREATE INDEX events_territory ON events (territory_id);
CREATE INDEX events_organiser ON events (organiser_id);
CREATE INDEX events_programme ON events (programme);

-- Files of an event: materials (before/during) and attachments of the minutes.
CREATE TABLE event_files (
    id INTEGER PRIMARY KEY NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('material', 'minutes')),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX event_files_event ON event_files (event_id);

-- People invited to an invitation-only event, by account.
CREATE TABLE event_invitations (
    id INTEGER PRIMARY KEY NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    invited_by INTEGER REFERENCES users (id),
    invited_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX event_invitations_unique ON event_invitations (event_id, user_id);

-- A registration, and the attendance it becomes at check-in. Walk-ins are registrations made
-- by staff at the door (walk_in = 1, user_id usually NULL). Sex, age group and actor type are
-- copied from the consenting profile or entered at check-in; NULL = unknown.
CREATE TABLE registrations (
    id INTEGER PRIMARY KEY NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events (id),
    user_id INTEGER REFERENCES users (id),
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waiting', 'cancelled')),
    answers TEXT NOT NULL,
    sex TEXT CHECK (sex IN ('female', 'male')),
    age_group TEXT CHECK (age_group IN ('under_18', '18_35', '36_59', '60_plus')),
    actor_type TEXT CHECK (actor_type IN ('citizen', 'association', 'staff', 'elected_member', 'consultative_body')),
    walk_in INTEGER NOT NULL DEFAULT 0,
    registered_at INTEGER NOT NULL,
    status_changed_at INTEGER NOT NULL,
    checked_in_at INTEGER,
    checked_in_by INTEGER REFERENCES users (id),
    demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX registrations_code ON registrations (code);
-- One live registration per person and event (a cancelled one may be followed by a new one).
CREATE UNIQUE INDEX registrations_live ON registrations (event_id, user_id) WHERE status <> 'cancelled' AND user_id IS NOT NULL;
CREATE INDEX registrations_event ON registrations (event_id, status, registered_at);
CREATE INDEX registrations_user ON registrations (user_id);

-- The closing report of an event.
CREATE TABLE event_minutes (
    event_id INTEGER PRIMARY KEY NOT NULL REFERENCES events (id),
    body TEXT NOT NULL,
    contributions INTEGER NOT NULL CHECK (contributions >= 0),
    written_by INTEGER REFERENCES users (id),
    written_at INTEGER NOT NULL
);

-- The question bank of an organiser. `choices` is a JSON list of strings.
CREATE TABLE test_questions (
    id INTEGER PRIMARY KEY NOT NULL,
    organiser_id INTEGER NOT NULL REFERENCES organisations (id),
    prompt TEXT NOT NULL,
    choices TEXT NOT NULL,
    correct INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX test_questions_organiser ON test_questions (organiser_id);

-- The questions of an event's test (the same for pre and post, so gains compare like with like).
CREATE TABLE event_test_questions (
    id INTEGER PRIMARY KEY NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events (id),
    question_id INTEGER NOT NULL REFERENCES test_questions (id),
    position INTEGER NOT NULL
);
CREATE UNIQUE INDEX event_test_questions_unique ON event_test_questions (event_id, question_id);

-- A test taken (pre or post), scored when submitted. `answers` is the JSON list of choices.
CREATE TABLE test_results (
    id INTEGER PRIMARY KEY NOT NULL,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    phase TEXT NOT NULL CHECK (phase IN ('pre', 'post')),
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    answers TEXT NOT NULL,
    taken_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX test_results_unique ON test_results (registration_id, phase);

-- The satisfaction form, once per registration (ratings 1–5).
CREATE TABLE satisfaction_responses (
    registration_id INTEGER PRIMARY KEY NOT NULL REFERENCES registrations (id),
    overall INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    content INTEGER NOT NULL CHECK (content BETWEEN 1 AND 5),
    speakers INTEGER NOT NULL CHECK (speakers BETWEEN 1 AND 5),
    organisation INTEGER NOT NULL CHECK (organisation BETWEEN 1 AND 5),
    comment TEXT NOT NULL,
    submitted_at INTEGER NOT NULL
);

-- Attendance certificates; the verification code is checked on a public page.
CREATE TABLE certificates (
    id INTEGER PRIMARY KEY NOT NULL,
    registration_id INTEGER NOT NULL REFERENCES registrations (id),
    verification_code TEXT NOT NULL,
    issued_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX certificates_registration ON certificates (registration_id);
CREATE UNIQUE INDEX certificates_code ON certificates (verification_code);

-- Reminder mails sent, by unique key, so several server processes never send one twice.
CREATE TABLE event_reminders (
    registration_id INTEGER PRIMARY KEY NOT NULL REFERENCES registrations (id),
    sent_at INTEGER NOT NULL
);
