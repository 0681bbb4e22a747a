//! Storage: one `Any` pool over SQLite (default) or PostgreSQL, one query path.
//!
//! Conventions every module follows (see crates/nousharik/README.md):
//! - SQL is written once, with `?` placeholders. [`Db::query`] and friends rewrite them to
//!   `$1…$n` for PostgreSQL. A `?` inside a single-quoted string literal or a double-quoted
//!   identifier is left alone, but do not write `?` anywhere else (comments, PostgreSQL's jsonb
//!   `?` operator): pass values as parameters instead.
//! - The `Any` driver carries only integers, floats, text, bytes and booleans. Timestamps are
//!   `i64` Unix seconds UTC (`BIGINT` on PostgreSQL, `INTEGER` on SQLite); booleans are stored as
//!   integers 0/1 and bound/decoded as `i64` (SQLite's Any driver has no boolean type).
//! - Integers are `BIGINT` on PostgreSQL (never `INTEGER`/`SERIAL`): the schema test rejects
//!   anything else so both backends decode the same Rust types.
//! - New rows get their id back with `INSERT … RETURNING id` (both backends support it).
//! - Writes that read-then-write use [`Db::begin`], which takes SQLite's write lock at once
//!   (`BEGIN IMMEDIATE`) so two writers cannot both read stale data and then collide.

use std::borrow::Cow;

use sqlx::any::{AnyArguments, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyPool, AssertSqlSafe, Executor};

/// Migrations for SQLite, embedded in the binary.
pub static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
/// Migrations for PostgreSQL, embedded in the binary.
pub static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which database engine is behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite (embedded, one file).
    Sqlite,
    /// PostgreSQL (shared by several server processes).
    Postgres,
}

impl Backend {
    /// Detects the backend from a database URL.
    pub fn from_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

/// Storage errors at the platform level.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The URL names an engine we do not support.
    #[error("unsupported database URL (use sqlite://… or postgres://…)")]
    UnsupportedUrl,
    /// Could not connect.
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other database error.
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
}

/// A query with `Any` arguments, ready for `.bind(…)`.
pub type Query = sqlx::query::Query<'static, Any, AnyArguments>;
/// A query mapped to a `FromRow` type.
pub type QueryAs<T> = sqlx::query::QueryAs<'static, Any, T, AnyArguments>;
/// A query returning one column.
pub type QueryScalar<T> = sqlx::query::QueryScalar<'static, Any, T, AnyArguments>;
/// A transaction; use `&mut *tx` as the executor.
pub type Tx = sqlx::Transaction<'static, Any>;

/// The database handle cloned into every handler: pool + backend.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects with the platform's settings (SQLite: WAL, foreign keys on, busy timeout 5 s).
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        Self::connect_with(url, 10).await
    }

    /// Connects with at most `max_connections` connections; waits up to 10 s for a connection.
    pub async fn connect_with(url: &str, max_connections: u32) -> Result<Self, DbError> {
        Self::connect_with_timeout(url, max_connections, std::time::Duration::from_secs(10)).await
    }

    /// Connects with at most `max_connections` connections, waiting at most `timeout` for one
    /// (also at start, so an unreachable server is reported after `timeout`).
    pub async fn connect_with_timeout(
        url: &str,
        max_connections: u32,
        timeout: std::time::Duration,
    ) -> Result<Self, DbError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).ok_or(DbError::UnsupportedUrl)?;
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(timeout)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .map_err(DbError::Connect)?;
        Ok(Self { pool, backend })
    }

    /// Applies the embedded migrations of this backend.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The backend behind the pool.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool (an executor: `.fetch_one(db.pool())`).
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The SQL text for this backend (placeholders rewritten for PostgreSQL).
    pub fn sql<'a>(&self, sql: &'a str) -> Cow<'a, str> {
        match self.backend {
            Backend::Sqlite => Cow::Borrowed(sql),
            Backend::Postgres => rewrite_placeholders(sql),
        }
    }

    /// A query written with `?` placeholders.
    pub fn query(&self, sql: &str) -> Query {
        sqlx::query(AssertSqlSafe(self.sql(sql).into_owned()))
    }

    /// A query mapped with `FromRow`.
    pub fn query_as<T>(&self, sql: &str) -> QueryAs<T>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        sqlx::query_as(AssertSqlSafe(self.sql(sql).into_owned()))
    }

    /// A query returning a single column.
    pub fn query_scalar<T>(&self, sql: &str) -> QueryScalar<T>
    where
        (T,): for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow>,
    {
        sqlx::query_scalar(AssertSqlSafe(self.sql(sql).into_owned()))
    }

    /// Starts a write transaction. On SQLite it is `BEGIN IMMEDIATE` (the write lock is taken
    /// now, waiting up to the busy timeout), so read-then-write sequences are serialised.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// Checks that the database answers (for `/healthz`).
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        let one: i64 = self.query_scalar("SELECT 1").fetch_one(&self.pool).await?;
        if one == 1 {
            Ok(())
        } else {
            Err(sqlx::Error::Protocol("SELECT 1 did not return 1".into()))
        }
    }

    /// Closes the pool (waits for connections to be returned).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Rewrites `?` placeholders to `$1…$n`, skipping string literals (`'…'`, with `''` escapes)
/// and quoted identifiers (`"…"`).
pub fn rewrite_placeholders(sql: &str) -> Cow<'_, str> {
    if !sql.contains('?') {
        return Cow::Borrowed(sql);
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    let mut quote: Option<char> = None;
    for c in sql.chars() {
        match (quote, c) {
            // A doubled quote ('' or "") closes and reopens: the net effect is the same.
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') => {
                n += 1;
                out.push('$');
                out.push_str(&n.to_string());
                continue;
            }
            (None, _) => {}
        }
        out.push(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered() {
        assert_eq!(
            rewrite_placeholders("SELECT a FROM t WHERE b = ? AND c > ?"),
            "SELECT a FROM t WHERE b = $1 AND c > $2"
        );
        assert_eq!(
            rewrite_placeholders("INSERT INTO t (a,b,c) VALUES (?,?,?)"),
            "INSERT INTO t (a,b,c) VALUES ($1,$2,$3)"
        );
        assert!(matches!(rewrite_placeholders("SELECT 1"), Cow::Borrowed(_)));
    }

    #[test]
    fn question_marks_in_literals_and_identifiers_are_kept() {
        assert_eq!(
            rewrite_placeholders("SELECT '?' , ? FROM t"),
            "SELECT '?' , $1 FROM t"
        );
        assert_eq!(
            rewrite_placeholders("SELECT 'it''s ?', ?"),
            "SELECT 'it''s ?', $1"
        );
        assert_eq!(
            rewrite_placeholders(r#"SELECT "odd?col" FROM t WHERE x = ?"#),
            r#"SELECT "odd?col" FROM t WHERE x = $1"#
        );
        assert_eq!(
            rewrite_placeholders("SELECT ?||'?'||?"),
            "SELECT $1||'?'||$2"
        );
    }

    #[test]
    fn sqlite_keeps_question_marks() {
        // The rewriting is only for PostgreSQL; checked through the public `sql` entry.
        assert_eq!(Backend::from_url("sqlite://x.db"), Some(Backend::Sqlite));
        assert_eq!(
            Backend::from_url("postgresql://h/db"),
            Some(Backend::Postgres)
        );
        assert_eq!(Backend::from_url("mysql://h/db"), None);
    }
}
