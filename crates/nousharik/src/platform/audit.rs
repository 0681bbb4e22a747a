//! The audit log: append-only and hash-chained.
//!
//! Every state change of a right (a signature, a vote, a role, a decision…) is recorded with
//! [`record`] (or [`record_in`] inside the transaction that makes the change). Each row stores
//! `hash = sha256(prev_hash || "\n" || canonical)` where `canonical` is the JSON array
//! `[id, at, actor, action, subject, details]` and `prev_hash` is the previous row's hash (64
//! zeros for the first row). Ids are 1, 2, 3… assigned under a lock, so:
//! - a changed row no longer matches its hash;
//! - a removed row leaves a gap in the ids and breaks the next row's `prev_hash`.
//!
//! Removing the *last* rows cannot be seen from the chain alone; compare the count and last hash
//! printed by `nousharik audit verify` with an earlier run (e.g. kept in backups) for that.
//!
//! Appends are serialised so concurrent writers cannot fork the chain: on PostgreSQL the
//! transaction takes `LOCK TABLE audit_log IN EXCLUSIVE MODE` (readers still read); on SQLite
//! [`Db::begin`] is `BEGIN IMMEDIATE`. Both backends also refuse UPDATE and DELETE with triggers.

use std::fmt;

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::db::{Backend, Db, Tx};

/// `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// The platform itself (migrations, demo seeding, scheduled jobs).
    System,
    /// A signed-in account.
    Account(i64),
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::System => f.write_str("system"),
            Actor::Account(id) => write!(f, "account:{id}"),
        }
    }
}

/// One stored entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// 1, 2, 3…
    pub id: i64,
    /// Unix seconds UTC.
    pub at: i64,
    /// `system` or `account:<id>`.
    pub actor: String,
    /// What happened, e.g. `petition.sign`, `account.role.grant`.
    pub action: String,
    /// What it happened to, e.g. `petition:12`.
    pub subject: String,
    /// JSON text with the particulars.
    pub details: String,
    /// Hash of the previous entry.
    pub prev_hash: String,
    /// Hash of this entry.
    pub hash: String,
}

/// The hash of an entry from its content and the previous hash.
pub fn entry_hash(
    prev_hash: &str,
    id: i64,
    at: i64,
    actor: &str,
    action: &str,
    subject: &str,
    details: &str,
) -> String {
    let canonical = serde_json::json!([id, at, actor, action, subject, details]).to_string();
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// Records an entry in its own transaction.
pub async fn record(
    db: &Db,
    actor: Actor,
    action: &str,
    subject: &str,
    details: serde_json::Value,
) -> Result<Entry, sqlx::Error> {
    let mut tx = db.begin().await?;
    let entry = record_in(db, &mut tx, actor, action, subject, details).await?;
    tx.commit().await?;
    Ok(entry)
}

/// Records an entry inside `tx`, which must come from [`Db::begin`] (so that on SQLite it holds
/// the write lock). The entry is kept only if `tx` commits, together with the change it records.
pub async fn record_in(
    db: &Db,
    tx: &mut Tx,
    actor: Actor,
    action: &str,
    subject: &str,
    details: serde_json::Value,
) -> Result<Entry, sqlx::Error> {
    if db.backend() == Backend::Postgres {
        // Held until commit: other appenders wait, readers do not.
        db.query("LOCK TABLE audit_log IN EXCLUSIVE MODE")
            .execute(&mut **tx)
            .await?;
    }
    let last = db
        .query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        .fetch_optional(&mut **tx)
        .await?;
    let (id, prev_hash) = match last {
        Some(row) => (
            row.try_get::<i64, _>("id")? + 1,
            row.try_get::<String, _>("hash")?,
        ),
        None => (1, GENESIS.to_string()),
    };
    let at = super::now();
    let actor = actor.to_string();
    let details = details.to_string();
    let hash = entry_hash(&prev_hash, id, at, &actor, action, subject, &details);
    db.query(
        "INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(at)
    .bind(&actor)
    .bind(action)
    .bind(subject)
    .bind(&details)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut **tx)
    .await?;
    Ok(Entry {
        id,
        at,
        actor,
        action: action.to_string(),
        subject: subject.to_string(),
        details,
        prev_hash,
        hash,
    })
}

fn entry_from_row(row: &sqlx::any::AnyRow) -> Result<Entry, sqlx::Error> {
    Ok(Entry {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        actor: row.try_get("actor")?,
        action: row.try_get("action")?,
        subject: row.try_get("subject")?,
        details: row.try_get("details")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

const COLUMNS: &str = "id, at, actor, action, subject, details, prev_hash, hash";

/// Entries newest first, with ids below `before` (all when `None`), at most `limit`.
pub async fn list(db: &Db, before: Option<i64>, limit: i64) -> Result<Vec<Entry>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?");
    let rows = db
        .query(&sql)
        .bind(before.unwrap_or(i64::MAX))
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(entry_from_row).collect()
}

/// Entries about one subject, oldest first.
pub async fn for_subject(db: &Db, subject: &str) -> Result<Vec<Entry>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log WHERE subject = ? ORDER BY id");
    let rows = db.query(&sql).bind(subject).fetch_all(db.pool()).await?;
    rows.iter().map(entry_from_row).collect()
}

/// What `verify` found wrong, naming the first bad entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// The row's content or hash was changed.
    #[error("audit entry {id}: content does not match its hash (the entry was changed)")]
    Altered {
        /// The entry.
        id: i64,
    },
    /// Rows are missing before this one.
    #[error("audit entry {id}: entries {from} to {to} are missing (removed)")]
    Missing {
        /// The first entry after the gap.
        id: i64,
        /// First missing id.
        from: i64,
        /// Last missing id.
        to: i64,
    },
    /// The link to the previous row is wrong.
    #[error("audit entry {id}: does not follow the previous entry (prev_hash changed)")]
    Unlinked {
        /// The entry.
        id: i64,
    },
}

/// Result of a successful verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// Number of entries.
    pub count: i64,
    /// Hash of the last entry (GENESIS when empty): keep it to detect truncation later.
    pub last_hash: String,
}

/// Errors of [`verify`].
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The chain is broken.
    #[error(transparent)]
    Chain(#[from] ChainError),
    /// The database could not be read.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Walks the whole chain in id order and reports the first bad entry.
pub async fn verify(db: &Db) -> Result<Verified, VerifyError> {
    let sql = format!("SELECT {COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000");
    let mut expected_id = 1;
    let mut prev_hash = GENESIS.to_string();
    loop {
        let rows = db
            .query(&sql)
            .bind(expected_id - 1)
            .fetch_all(db.pool())
            .await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let e = entry_from_row(row)?;
            check_entry(&e, expected_id, &prev_hash)?;
            expected_id = e.id + 1;
            prev_hash = e.hash;
        }
    }
    Ok(Verified {
        count: expected_id - 1,
        last_hash: prev_hash,
    })
}

/// Checks one entry against the expected id and the previous hash.
pub fn check_entry(e: &Entry, expected_id: i64, prev_hash: &str) -> Result<(), ChainError> {
    if e.id != expected_id {
        return Err(ChainError::Missing {
            id: e.id,
            from: expected_id,
            to: e.id - 1,
        });
    }
    let recomputed = entry_hash(
        &e.prev_hash,
        e.id,
        e.at,
        &e.actor,
        &e.action,
        &e.subject,
        &e.details,
    );
    if recomputed != e.hash {
        return Err(ChainError::Altered { id: e.id });
    }
    if e.prev_hash != prev_hash {
        return Err(ChainError::Unlinked { id: e.id });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, prev: &str) -> Entry {
        let (at, actor, action, subject, details) =
            (1_700_000_000 + id, "system", "test.do", "thing:1", "{}");
        Entry {
            id,
            at,
            actor: actor.into(),
            action: action.into(),
            subject: subject.into(),
            details: details.into(),
            prev_hash: prev.into(),
            hash: entry_hash(prev, id, at, actor, action, subject, details),
        }
    }

    #[test]
    fn chain_rules() {
        let e1 = entry(1, GENESIS);
        let e2 = entry(2, &e1.hash);
        assert_eq!(check_entry(&e1, 1, GENESIS), Ok(()));
        assert_eq!(check_entry(&e2, 2, &e1.hash), Ok(()));
        let mut changed = e2.clone();
        changed.details = r#"{"x":1}"#.into();
        assert_eq!(
            check_entry(&changed, 2, &e1.hash),
            Err(ChainError::Altered { id: 2 })
        );
        assert_eq!(
            check_entry(&e2, 1, GENESIS),
            Err(ChainError::Missing {
                id: 2,
                from: 1,
                to: 1
            })
        );
        // A re-hashed forgery with a wrong link is still caught by the link check.
        let forged = entry(2, GENESIS);
        assert_eq!(
            check_entry(&forged, 2, &e1.hash),
            Err(ChainError::Unlinked { id: 2 })
        );
        assert_eq!(Actor::Account(7).to_string(), "account:7");
    }
}
