//! The binary: one-line setting errors with exit code 2, `migrate`, and `audit verify` exiting
//! non-zero and naming the first bad entry, on SQLite and PostgreSQL.

use std::process::{Command, Output};

use nousharik::platform::audit::{self, Actor};
use nousharik::platform::db::{Backend, Db};
use nousharik::platform::testing;
use nousharik::store_test;

fn nousharik(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nousharik"));
    cmd.args(args);
    for var in [
        "NOUSHARIK_BIND",
        "DATABASE_URL",
        "NOUSHARIK_DATA_DIR",
        "NOUSHARIK_BASE_URL",
        "NOUSHARIK_SMTP_URL",
        "NOUSHARIK_LOG",
        "NOUSHARIK_LOG_FORMAT",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("NOUSHARIK_LOG", "error");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run nousharik")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_wrong_setting_stops_with_one_line_and_code_2() {
    let dir = testing::temp_dir("nk-cli");
    let data = dir.to_str().unwrap();
    let o = nousharik(&["--data-dir", data, "serve"], &[("NOUSHARIK_BIND", "abc")]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: NOUSHARIK_BIND: \"abc\" is not an address like 127.0.0.1:8080\n"
    );
    let o = nousharik(&["--data-dir", data, "--bind", "abc", "migrate"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: --bind: "), "{}", stderr(&o));
    let o = nousharik(
        &["--data-dir", data, "migrate"],
        &[("DATABASE_URL", "mysql://root:secret@h/db")],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: DATABASE_URL: ") && !stderr(&o).contains("secret"),
        "{}",
        stderr(&o)
    );
    let o = nousharik(&["--data-dir", data, "--log-format", "xml", "migrate"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).lines().count(), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn migrate_creates_the_database_and_the_secret_key() {
    let dir = testing::temp_dir("nk-cli");
    let data = dir.join("data");
    let o = nousharik(&["--data-dir", data.to_str().unwrap(), "migrate"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(data.join("nousharik.db").exists());
    assert_eq!(
        std::fs::read_to_string(data.join("secret.key"))
            .unwrap()
            .trim()
            .len(),
        64
    );
    let o = nousharik(
        &["--data-dir", data.to_str().unwrap(), "audit", "verify"],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 entries"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// The URL the binary should use for `db` (tests only know the pool, so ask the database).
async fn url_of(db: &Db) -> String {
    match db.backend() {
        Backend::Sqlite => {
            let path: String = db
                .query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
                .fetch_one(db.pool())
                .await
                .unwrap();
            format!("sqlite://{path}")
        }
        Backend::Postgres => {
            let name: String = db
                .query_scalar("SELECT current_database()::text")
                .fetch_one(db.pool())
                .await
                .unwrap();
            let mut u = url::Url::parse(&testing::test_database_url()).unwrap();
            u.set_path(&format!("/{name}"));
            u.to_string()
        }
    }
}

store_test!(
    async fn audit_verify_exits_non_zero_naming_the_entry(db: Db) {
        for i in 1..=4 {
            audit::record(
                &db,
                Actor::Account(i),
                "test.action",
                "thing:1",
                serde_json::json!({ "i": i }),
            )
            .await
            .unwrap();
        }
        let url = url_of(&db).await;
        let dir = testing::temp_dir("nk-cli");
        let data = dir.to_str().unwrap().to_string();
        let ok = nousharik(
            &["--data-dir", &data, "audit", "verify"],
            &[("DATABASE_URL", &url)],
        );
        assert!(ok.status.success(), "{}", stderr(&ok));
        assert!(String::from_utf8_lossy(&ok.stdout).contains("4 entries"));

        // Tamper as someone with direct database access would: drop the protection, change a row.
        match db.backend() {
            Backend::Sqlite => db
                .query("DROP TRIGGER audit_log_no_update")
                .execute(db.pool())
                .await
                .unwrap(),
            Backend::Postgres => db
                .query("DROP TRIGGER audit_log_no_change ON audit_log")
                .execute(db.pool())
                .await
                .unwrap(),
        };
        db.query("UPDATE audit_log SET actor = 'account:99' WHERE id = 3")
            .execute(db.pool())
            .await
            .unwrap();
        let bad = nousharik(
            &["--data-dir", &data, "audit", "verify"],
            &[("DATABASE_URL", &url)],
        );
        assert_eq!(bad.status.code(), Some(1));
        assert_eq!(
            stderr(&bad),
            "error: audit entry 3: content does not match its hash (the entry was changed)\n"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
);

#[test]
fn serve_answers_then_stops_gracefully_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = testing::temp_dir("nk-cli");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nousharik"))
        .args([
            "--data-dir",
            dir.to_str().unwrap(),
            "--bind",
            "127.0.0.1:0",
            "serve",
        ])
        .env_remove("DATABASE_URL")
        .env("NOUSHARIK_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    assert!(!addr.ends_with(":0"), "the real port is printed: {line}");
    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    conn.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut reply = String::new();
    conn.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(reply.ends_with("ok\n"), "{reply}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit status {:?}", out.status);
    let logs = String::from_utf8_lossy(&out.stderr);
    assert!(
        logs.contains("shutting down") && logs.contains("stopped"),
        "{logs}"
    );
    // One structured line per request.
    assert!(
        logs.contains("/healthz") && logs.contains("status=200"),
        "{logs}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
