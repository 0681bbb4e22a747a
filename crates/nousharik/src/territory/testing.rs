//! Test support: run a store test on SQLite and on PostgreSQL.

use std::future::Future;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::platform::db::Db;

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Runs `test` on a fresh, migrated SQLite database, then on a fresh PostgreSQL database
/// (`TEST_DATABASE_URL`, default the local cluster). PostgreSQL being down fails the test.
pub async fn each_backend<F, Fut>(test: F)
where
    F: Fn(Db) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = Db::connect_with(&url, 2).await.unwrap();
    db.migrate().await.unwrap();
    test(db.clone()).await;
    db.close().await;

    let admin_url = std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!(
        "territory_t_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        jiff::Timestamp::now().as_nanosecond() % 1_000_000
    );
    let admin = Db::connect_with(&admin_url, 1).await.unwrap();
    admin
        .query(&format!("CREATE DATABASE {name}"))
        .execute(admin.pool())
        .await
        .unwrap();
    let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(b, _)| b);
    let db = Db::connect_with(&format!("{base}/{name}"), 2).await.unwrap();
    db.migrate().await.unwrap();
    test(db.clone()).await;
    db.close().await;
    admin
        .query(&format!("DROP DATABASE {name}"))
        .execute(admin.pool())
        .await
        .unwrap();
}
