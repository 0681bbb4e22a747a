//! Test support (feature `test-support`, always on for this crate's tests).
//!
//! - [`sqlite`] and [`postgres`] give a fresh, migrated database; [`run`] runs a test body on
//!   it and drops it afterwards, even when the body panics.
//! - [`store_test!`](crate::store_test) turns one test body into two tests, `<name>::sqlite`
//!   and `<name>::postgres`. PostgreSQL comes from `TEST_DATABASE_URL` (default
//!   `postgres://postgres@127.0.0.1:5432/postgres`); when it is unreachable the postgres test
//!   FAILS — CI must have PostgreSQL, nothing is skipped.
//! - [`TestApp`] drives the router in process (`tower::ServiceExt::oneshot`) and keeps cookies
//!   between requests like a browser.

use std::collections::BTreeMap;
use std::future::Future;
use std::path::{Path, PathBuf};

use axum::Router;
use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode, header};
use tower::ServiceExt;

use super::AppState;
use super::config::{Config, SecretKey};
use super::db::Db;

/// Default PostgreSQL server for tests.
pub const DEFAULT_TEST_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The PostgreSQL server used by tests (`TEST_DATABASE_URL`).
pub fn test_database_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| DEFAULT_TEST_DATABASE_URL.to_string())
}

fn random_suffix() -> String {
    hex::encode(rand::random::<[u8; 6]>())
}

/// A private temporary directory, removed by the caller.
pub fn temp_dir(prefix: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{prefix}-{}", random_suffix()));
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

enum Cleanup {
    Dir(PathBuf),
    Postgres { admin_url: String, name: String },
}

/// A fresh migrated test database, dropped by [`TestDb::cleanup`].
pub struct TestDb {
    /// The database handle.
    pub db: Db,
    cleanup: Cleanup,
}

/// A fresh SQLite database in a temporary file, migrated.
pub async fn sqlite() -> TestDb {
    let dir = temp_dir("nk-test-db");
    let url = format!("sqlite://{}?mode=rwc", dir.join("test.db").display());
    let db = Db::connect_with(&url, 4)
        .await
        .unwrap_or_else(|e| panic!("SQLite test database: {e}"));
    db.migrate()
        .await
        .unwrap_or_else(|e| panic!("SQLite migrations: {e}"));
    TestDb {
        db,
        cleanup: Cleanup::Dir(dir),
    }
}

/// A fresh PostgreSQL database `nk_test_<random>` on the test server, migrated.
/// Panics (fails the test) when PostgreSQL is unreachable.
pub async fn postgres() -> TestDb {
    postgres_at(&test_database_url()).await
}

/// A fresh PostgreSQL database on the server at `admin_url`; panics when it is unreachable.
pub async fn postgres_at(admin_url: &str) -> TestDb {
    let admin_url = admin_url.to_string();
    let name = format!("nk_test_{}", random_suffix());
    let admin = Db::connect_with_timeout(&admin_url, 1, std::time::Duration::from_secs(5))
        .await
        .unwrap_or_else(|e| {
        panic!("PostgreSQL is required for store tests and is unreachable at {admin_url}: {e} (start it, or set TEST_DATABASE_URL)")
    });
    admin
        .query(&format!("CREATE DATABASE {name}"))
        .execute(admin.pool())
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
    admin.close().await;
    let url = with_database(&admin_url, &name);
    let db = Db::connect_with(&url, 4)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL test database {name}: {e}"));
    db.migrate()
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL migrations: {e}"));
    TestDb {
        db,
        cleanup: Cleanup::Postgres { admin_url, name },
    }
}

/// `url` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            u.set_path(&format!("/{name}"));
            u.to_string()
        }
        Err(_) => panic!("TEST_DATABASE_URL is not a URL: {url}"),
    }
}

impl TestDb {
    /// Closes the pool and removes the database.
    pub async fn cleanup(self) {
        self.db.close().await;
        match self.cleanup {
            Cleanup::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Postgres { admin_url, name } => {
                if let Ok(admin) = Db::connect_with(&admin_url, 1).await {
                    let _ = admin
                        .query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(admin.pool())
                        .await;
                    admin.close().await;
                }
            }
        }
    }
}

/// Runs `body` on `test_db`, drops the database, then re-raises the body's panic if any.
pub async fn run<F, Fut>(test_db: TestDb, body: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let outcome = tokio::spawn(body(test_db.db.clone())).await;
    test_db.cleanup().await;
    if let Err(e) = outcome {
        match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(e) => panic!("test task failed: {e}"),
        }
    }
}

/// One test body, two tests: `<name>::sqlite` and `<name>::postgres`.
///
/// ```ignore
/// nousharik::store_test!(async fn counts_rows(db: Db) {
///     let n: i64 = db.query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(db.pool()).await.unwrap();
///     assert_eq!(n, 0);
/// });
/// ```
#[macro_export]
macro_rules! store_test {
    ($(#[$meta:meta])* async fn $name:ident($db:ident : $ty:ty) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::platform::testing::run(
                    $crate::platform::testing::sqlite().await,
                    |$db: $ty| async move $body,
                )
                .await
            }

            #[::tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::platform::testing::run(
                    $crate::platform::testing::postgres().await,
                    |$db: $ty| async move $body,
                )
                .await
            }
        }
    };
}

/// The application state for tests: the given database, a temporary data directory (mails go
/// to `<data-dir>/mail`), a random secret key.
pub fn test_state(db: Db, data_dir: &Path) -> AppState {
    let config = Config::for_tests(data_dir, "sqlite://unused");
    AppState::new(db, config, SecretKey::from_bytes(rand::random()))
}

/// A response read into memory.
#[derive(Debug)]
pub struct TestResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body bytes (decompressed: tests send no Accept-Encoding unless asked).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    /// The body as text (lossy UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The redirect target.
    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }
}

/// The router driven in process, with a cookie jar.
pub struct TestApp {
    /// The application state (its `db` is the test database).
    pub state: AppState,
    router: Router,
    cookies: BTreeMap<String, String>,
    data_dir: PathBuf,
}

impl TestApp {
    /// An application over `db` with a fresh data directory.
    pub fn new(db: Db) -> Self {
        let data_dir = temp_dir("nk-test-app");
        let state = test_state(db, &data_dir);
        let router = super::server::router(state.clone());
        Self {
            state,
            router,
            cookies: BTreeMap::new(),
            data_dir,
        }
    }

    /// The data directory (mails are under `mail/`).
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// A cookie currently in the jar.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    /// Puts a cookie in the jar.
    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_string(), value.to_string());
    }

    /// Empties the jar (a new visitor).
    pub fn clear_cookies(&mut self) {
        self.cookies.clear();
    }

    /// `GET path`.
    pub async fn get(&mut self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).expect("request"))
            .await
    }

    /// `GET path` with extra headers.
    pub async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut builder = Request::get(path);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        self.send(builder.body(Body::empty()).expect("request"))
            .await
    }

    /// `POST path` with an urlencoded form.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", urlencoding::encode(k), urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request");
        self.send(request).await
    }

    /// A valid CSRF token for the current cookie jar (anonymous or signed in), read from the
    /// "forgotten password" form, which every visitor can open. Every POST needs one (see
    /// `platform::session`).
    pub async fn csrf_token(&mut self) -> String {
        let html = self.get("/account/forgot").await.text();
        let marker = r#"name="csrf" value=""#;
        let at = html.find(marker).expect("a form with a CSRF token") + marker.len();
        html[at..at + 64].to_string()
    }

    /// `POST path` with an urlencoded form and a valid CSRF token, as a browser submitting one
    /// of our forms would.
    pub async fn post_form_csrf(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let token = self.csrf_token().await;
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all).await
    }

    /// Sends a request with the jar's cookies; stores the `Set-Cookie`s of the response.
    /// The request comes from 127.0.0.1 (`ConnectInfo`, as the real server provides it to
    /// rate limiters); set another `ConnectInfo<SocketAddr>` extension to simulate other clients.
    pub async fn send(&mut self, mut request: Request<Body>) -> TestResponse {
        if request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .is_none()
        {
            request
                .extensions_mut()
                .insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        }
        if !self.cookies.is_empty() {
            let jar = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            request
                .headers_mut()
                .insert(header::COOKIE, jar.parse().expect("cookie header"));
        }
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("router is infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec();
        for value in headers.get_all(header::SET_COOKIE) {
            if let Ok(v) = value.to_str() {
                self.store_cookie(v);
            }
        }
        TestResponse {
            status,
            headers,
            bytes,
        }
    }

    fn store_cookie(&mut self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|p| p.trim().split_once('=')) else {
            return;
        };
        let expired = parts.any(|p| {
            let p = p.trim().to_ascii_lowercase();
            p == "max-age=0" || p.starts_with("max-age=-")
        });
        if expired || value.is_empty() {
            self.cookies.remove(name);
        } else {
            self.cookies.insert(name.to_string(), value.to_string());
        }
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}
