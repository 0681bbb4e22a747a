//! Store tests, each on SQLite and PostgreSQL: migrations, schema parity, the audit chain.

use nousharik::platform::audit::{self, Actor, ChainError, VerifyError};
use nousharik::platform::db::{Backend, Db};
use nousharik::platform::testing;
use nousharik::store_test;
use sqlx::Row;

store_test!(
    async fn migrations_create_the_audit_log(db: Db) {
        let n: i64 = db
            .query_scalar("SELECT COUNT(*) FROM audit_log")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(n, 0);
        // Applying again is a no-op.
        db.migrate().await.unwrap();
    }
);

store_test!(
    async fn placeholders_work_on_both_backends(db: Db) {
        let row = db
            .query("SELECT ? AS a, ? AS b, '?' AS c")
            .bind(41_i64)
            .bind("text")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(row.try_get::<i64, _>("a").unwrap(), 41);
        assert_eq!(row.try_get::<String, _>("b").unwrap(), "text");
        assert_eq!(row.try_get::<String, _>("c").unwrap(), "?");
    }
);

#[tokio::test]
async fn sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout() {
    let t = testing::sqlite().await;
    let mode: String =
        t.db.query_scalar("PRAGMA journal_mode")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    let fk: i64 =
        t.db.query_scalar("PRAGMA foreign_keys")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    let busy: i64 =
        t.db.query_scalar("PRAGMA busy_timeout")
            .fetch_one(t.db.pool())
            .await
            .unwrap();
    t.cleanup().await;
    assert_eq!((mode.as_str(), fk, busy), ("wal", 1, 5000));
}

#[tokio::test]
#[should_panic(expected = "PostgreSQL is required")]
async fn an_unreachable_postgres_fails_the_test_instead_of_skipping_it() {
    testing::postgres_at("postgres://postgres@127.0.0.1:1/postgres").await;
}

/// Drops the append-only triggers, as an attacker with direct database access could.
async fn drop_protection(db: &Db) {
    let statements: &[&str] = match db.backend() {
        Backend::Sqlite => &[
            "DROP TRIGGER audit_log_no_update",
            "DROP TRIGGER audit_log_no_delete",
        ],
        Backend::Postgres => &["DROP TRIGGER audit_log_no_change ON audit_log"],
    };
    for s in statements {
        db.query(s).execute(db.pool()).await.unwrap();
    }
}

async fn three_entries(db: &Db) {
    for i in 1..=3 {
        audit::record(
            db,
            Actor::Account(i),
            "test.action",
            &format!("thing:{i}"),
            serde_json::json!({"n": i, "text": "نص"}),
        )
        .await
        .unwrap();
    }
}

store_test!(
    async fn audit_chain_verifies(db: Db) {
        let empty = audit::verify(&db).await.unwrap();
        assert_eq!(empty.count, 0);
        three_entries(&db).await;
        let v = audit::verify(&db).await.unwrap();
        assert_eq!(v.count, 3);
        let entries = audit::list(&db, None, 10).await.unwrap();
        assert_eq!(
            entries.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![3, 2, 1]
        );
        assert_eq!(entries[0].hash, v.last_hash);
        assert_eq!(entries[0].prev_hash, entries[1].hash);
        assert_eq!(entries[2].prev_hash, audit::GENESIS);
        assert_eq!(audit::for_subject(&db, "thing:2").await.unwrap().len(), 1);
    }
);

store_test!(
    async fn audit_log_refuses_update_and_delete(db: Db) {
        three_entries(&db).await;
        assert!(
            db.query("UPDATE audit_log SET actor = 'x' WHERE id = 2")
                .execute(db.pool())
                .await
                .is_err()
        );
        assert!(
            db.query("DELETE FROM audit_log WHERE id = 2")
                .execute(db.pool())
                .await
                .is_err()
        );
        assert_eq!(audit::verify(&db).await.unwrap().count, 3);
    }
);

store_test!(
    async fn audit_verify_names_a_changed_entry(db: Db) {
        three_entries(&db).await;
        drop_protection(&db).await;
        db.query("UPDATE audit_log SET details = ? WHERE id = 2")
            .bind(r#"{"n":99}"#)
            .execute(db.pool())
            .await
            .unwrap();
        match audit::verify(&db).await {
            Err(VerifyError::Chain(ChainError::Altered { id: 2 })) => {}
            other => panic!("expected entry 2 altered, got {other:?}"),
        }
    }
);

store_test!(
    async fn audit_verify_names_a_removed_entry(db: Db) {
        three_entries(&db).await;
        drop_protection(&db).await;
        db.query("DELETE FROM audit_log WHERE id = 2")
            .execute(db.pool())
            .await
            .unwrap();
        let e = audit::verify(&db).await.unwrap_err();
        assert!(
            matches!(
                e,
                VerifyError::Chain(ChainError::Missing {
                    id: 3,
                    from: 2,
                    to: 2
                })
            ),
            "{e:?}"
        );
        assert_eq!(
            e.to_string(),
            "audit entry 3: entries 2 to 2 are missing (removed)"
        );
    }
);

store_test!(
    async fn audit_verify_catches_a_rehashed_forgery(db: Db) {
        three_entries(&db).await;
        drop_protection(&db).await;
        // Rewrite entry 2 and recompute its own hash: entry 3 no longer follows it.
        let row = db
            .query("SELECT at, prev_hash FROM audit_log WHERE id = 2")
            .fetch_one(db.pool())
            .await
            .unwrap();
        let at: i64 = row.try_get("at").unwrap();
        let prev: String = row.try_get("prev_hash").unwrap();
        let hash = audit::entry_hash(&prev, 2, at, "account:2", "test.action", "thing:2", "{}");
        db.query("UPDATE audit_log SET details = '{}', hash = ? WHERE id = 2")
            .bind(&hash)
            .execute(db.pool())
            .await
            .unwrap();
        let e = audit::verify(&db).await.unwrap_err();
        assert!(
            matches!(e, VerifyError::Chain(ChainError::Unlinked { id: 3 })),
            "{e:?}"
        );
    }
);

store_test!(
    async fn concurrent_appends_keep_one_chain(db: Db) {
        let mut tasks = Vec::new();
        for i in 0..20_i64 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                audit::record(
                    &db,
                    Actor::System,
                    "test.concurrent",
                    &format!("n:{i}"),
                    serde_json::json!({}),
                )
                .await
                .unwrap();
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(audit::verify(&db).await.unwrap().count, 20);
    }
);

store_test!(
    async fn audit_entry_commits_with_its_transaction(db: Db) {
        let mut tx = db.begin().await.unwrap();
        audit::record_in(
            &db,
            &mut tx,
            Actor::System,
            "test.rolled-back",
            "x:1",
            serde_json::json!({}),
        )
        .await
        .unwrap();
        tx.rollback().await.unwrap();
        assert_eq!(audit::verify(&db).await.unwrap().count, 0);
        let mut tx = db.begin().await.unwrap();
        audit::record_in(
            &db,
            &mut tx,
            Actor::System,
            "test.kept",
            "x:1",
            serde_json::json!({}),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert_eq!(audit::verify(&db).await.unwrap().count, 1);
    }
);

/// A schema as (table → columns with normalised types, index definitions).
#[derive(Debug, PartialEq, Eq)]
struct Schema {
    columns: std::collections::BTreeMap<String, Vec<(String, String, bool)>>,
    indexes: std::collections::BTreeSet<(String, String, Vec<String>, bool)>,
}

/// SQLite and PostgreSQL type names mapped to what the `Any` driver carries.
fn normalise(backend: Backend, ty: &str) -> String {
    let t = ty.to_ascii_lowercase();
    match (backend, t.as_str()) {
        (Backend::Sqlite, "integer") | (Backend::Postgres, "bigint") => "integer".into(),
        (Backend::Sqlite, "text") | (Backend::Postgres, "text") => "text".into(),
        (Backend::Sqlite, "real") | (Backend::Postgres, "double precision") => "real".into(),
        (Backend::Sqlite, "blob") | (Backend::Postgres, "bytea") => "blob".into(),
        // Anything else (INTEGER/SERIAL on PostgreSQL, VARCHAR, BOOLEAN, TIMESTAMP…) is refused:
        // the Any driver would decode it differently on the two backends.
        _ => format!("unsupported {backend:?} type {t}"),
    }
}

async fn sqlite_schema(db: &Db) -> Schema {
    let mut columns = std::collections::BTreeMap::new();
    let mut indexes = std::collections::BTreeSet::new();
    let tables: Vec<String> = db
        .query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name")
        .fetch_all(db.pool())
        .await
        .unwrap();
    for table in tables {
        let rows = db
            .query(
                "SELECT name, type, \"notnull\" AS nn, pk FROM pragma_table_info(?) ORDER BY cid",
            )
            .bind(&table)
            .fetch_all(db.pool())
            .await
            .unwrap();
        let cols = rows
            .iter()
            .map(|r| {
                let not_null = r.try_get::<i64, _>("nn").unwrap() == 1
                    || r.try_get::<i64, _>("pk").unwrap() > 0;
                (
                    r.try_get::<String, _>("name").unwrap(),
                    normalise(Backend::Sqlite, &r.try_get::<String, _>("type").unwrap()),
                    not_null,
                )
            })
            .collect();
        columns.insert(table.clone(), cols);
        let idx = db
            .query("SELECT name, \"unique\" AS u, origin FROM pragma_index_list(?)")
            .bind(&table)
            .fetch_all(db.pool())
            .await
            .unwrap();
        for r in idx {
            let name: String = r.try_get("name").unwrap();
            let origin: String = r.try_get("origin").unwrap();
            if origin == "pk" {
                continue; // primary keys are compared through the columns
            }
            let cols: Vec<String> = db
                .query_scalar("SELECT name FROM pragma_index_info(?) ORDER BY seqno")
                .bind(&name)
                .fetch_all(db.pool())
                .await
                .unwrap();
            // Unnamed UNIQUE constraints get backend-specific names: compare by columns.
            let name = if origin == "u" { String::new() } else { name };
            indexes.insert((
                table.clone(),
                name,
                cols,
                r.try_get::<i64, _>("u").unwrap() == 1,
            ));
        }
    }
    Schema { columns, indexes }
}

async fn postgres_schema(db: &Db) -> Schema {
    let mut columns = std::collections::BTreeMap::new();
    let mut indexes = std::collections::BTreeSet::new();
    let rows = db
        .query(
            "SELECT c.table_name::text AS t, c.column_name::text AS c, c.data_type::text AS ty, c.is_nullable::text AS n \
             FROM information_schema.columns c JOIN information_schema.tables tb \
               ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name \
             WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.table_name NOT LIKE '\\_sqlx%' \
             ORDER BY c.table_name, c.ordinal_position",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
    for r in rows {
        let t: String = r.try_get("t").unwrap();
        let entry: &mut Vec<(String, String, bool)> = columns.entry(t).or_default();
        entry.push((
            r.try_get("c").unwrap(),
            normalise(Backend::Postgres, &r.try_get::<String, _>("ty").unwrap()),
            r.try_get::<String, _>("n").unwrap() == "NO",
        ));
    }
    let idx = db
        .query(
            "SELECT t.relname::text AS t, i.relname::text AS i, ix.indisunique AS u, ix.indisprimary AS p, \
                    con.contype::text AS ct, \
                    array_to_string(ARRAY(SELECT a.attname::text FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord) \
                       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS cols \
             FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace \
             LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid \
             WHERE n.nspname = 'public' AND t.relname NOT LIKE '\\_sqlx%'",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
    for r in idx {
        if r.try_get::<bool, _>("p").unwrap() {
            continue;
        }
        let constraint: Option<String> = r.try_get("ct").unwrap();
        let name = if constraint.as_deref() == Some("u") {
            String::new()
        } else {
            r.try_get("i").unwrap()
        };
        let cols: String = r.try_get("cols").unwrap();
        indexes.insert((
            r.try_get("t").unwrap(),
            name,
            cols.split(',').map(String::from).collect(),
            r.try_get::<bool, _>("u").unwrap(),
        ));
    }
    Schema { columns, indexes }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_schemas_match() {
    let lite = testing::sqlite().await;
    let pg = testing::postgres().await;
    let a = sqlite_schema(&lite.db).await;
    let b = postgres_schema(&pg.db).await;
    lite.cleanup().await;
    pg.cleanup().await;
    assert!(a.columns.contains_key("audit_log"), "{a:?}");
    for (table, cols) in a.columns.iter().chain(b.columns.iter()) {
        for (c, ty, _) in cols {
            assert!(!ty.starts_with("unsupported"), "{table}.{c}: {ty}");
        }
    }
    let tables_a: Vec<&String> = a.columns.keys().collect();
    let tables_b: Vec<&String> = b.columns.keys().collect();
    assert_eq!(tables_a, tables_b, "tables differ");
    for (table, cols) in &a.columns {
        assert_eq!(
            cols, &b.columns[table],
            "columns of {table} differ (sqlite, postgres)"
        );
    }
    assert_eq!(a.indexes, b.indexes, "indexes differ (sqlite, postgres)");
}
