-- Platform tables (SQLite). Keep in step with migrations/postgres/0001_platform.sql:
-- the schema test compares both after migrating.

-- Append-only, hash-chained audit log (src/platform/audit.rs).
-- `at` is Unix seconds UTC; `details` is canonical JSON text; ids are assigned 1, 2, 3…
-- by the appender under a write lock, so a missing id is a removed row.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject);
CREATE INDEX audit_log_actor ON audit_log (actor);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
