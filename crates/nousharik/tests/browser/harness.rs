// Shared by every browser test; a given test uses only some of the helpers.
#![allow(dead_code)]

//! Runs the real `nousharik` binary and a real headless Chromium (through ChromeDriver) for the
//! browser tests: one fresh SQLite data directory and one fresh browser profile per test.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A child process killed when dropped, so a failing test leaves nothing running.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The platform, ChromeDriver and a browser session, for one test.
pub struct Browser {
    pub client: Client,
    pub base: String,
    pub data_dir: tempfile::TempDir,
    _server: Guard,
    _driver: Guard,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

async fn wait_for_http(url: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let ok = tokio::net::TcpStream::connect(url.trim_start_matches("http://"))
            .await
            .is_ok();
        if ok {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what} did not start listening at {url}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Where screenshots and other artefacts of the browser tests are written.
pub fn artifacts_dir() -> PathBuf {
    let dir = std::env::var_os("NOUSHARIK_ARTIFACTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../artifacts"));
    std::fs::create_dir_all(&dir).expect("artifacts directory");
    dir
}

impl Browser {
    /// Starts `nousharik serve` (optionally with `--demo`) and a headless Chromium.
    pub async fn start(demo: bool) -> Browser {
        let data_dir = tempfile::tempdir().expect("temp data dir");
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_nousharik"));
        cmd.arg("serve")
            .env("NOUSHARIK_BIND", format!("127.0.0.1:{port}"))
            .env("NOUSHARIK_DATA_DIR", data_dir.path())
            .env("NOUSHARIK_BASE_URL", &base)
            .env_remove("DATABASE_URL")
            .env_remove("NOUSHARIK_SMTP_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if demo {
            cmd.arg("--demo");
        }
        let server = Guard(cmd.spawn().expect("start nousharik serve"));
        wait_for_http(&base, "nousharik serve").await;

        let driver_port = free_port();
        let driver = Guard(
            Command::new("chromedriver")
                .arg(format!("--port={driver_port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver (scripts/test installs chromium-driver)"),
        );
        let driver_url = format!("http://127.0.0.1:{driver_port}");
        wait_for_http(&driver_url, "chromedriver").await;

        let profile = tempfile::tempdir().expect("temp browser profile");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=390,844",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }),
        );
        // ChromeDriver is local plain HTTP: no TLS stack needed (and none compiled in).
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&driver_url)
            .await
            .expect("a ChromeDriver session");
        Browser {
            client,
            base,
            data_dir,
            _server: server,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Opens a path of the platform.
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&format!("{}{}", self.base, path))
            .await
            .expect("navigate");
    }

    /// Saves a PNG screenshot of the current page under the artefacts directory.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Fills the form field with the given `name` attribute.
    pub async fn fill(&self, name: &str, value: &str) {
        let field = self
            .client
            .find(Locator::Css(&format!("[name=\"{name}\"]")))
            .await
            .unwrap_or_else(|e| panic!("no field named {name}: {e}"));
        field.clear().await.expect("clear field");
        field.send_keys(value).await.expect("type into field");
    }

    /// Types `text` into the field matched by `css` (after clearing it).
    pub async fn type_into(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.expect("clear field");
        field.send_keys(text).await.expect("type into field");
    }

    /// Submits the form that contains the field or button matched by `css`.
    pub async fn submit(&self, css: &str) {
        let el = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        el.click().await.expect("click submit");
    }

    /// The text of the page's `<main>`.
    pub async fn main_text(&self) -> String {
        let main = self
            .client
            .find(Locator::Css("main"))
            .await
            .expect("a <main> element");
        main.text().await.expect("main text")
    }

    /// Waits (up to 30 s) until the page shows `css`: a click returns before the next page has
    /// loaded.
    pub async fn wait_for(&self, css: &str) {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await;
        if let Err(e) = found {
            // Say what the page shows instead: usually an error message.
            let url = self.client.current_url().await.map(|u| u.to_string());
            let shown = match self.client.find(Locator::Css("main")).await {
                Ok(main) => main.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("{css} never appeared ({e}) on {url:?}, which shows:\n{shown}");
        }
    }

    /// Clicks the element matched by `css`.
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Clicks `css` and waits for the next page to show `then_css`. The current page may show
    /// `then_css` too (a notice from the step before): the wait starts only once the click has
    /// replaced the document (its `<html>` element gone stale), or after 10 s for a click that
    /// does not load a page.
    pub async fn click_then(&self, css: &str, then_css: &str) {
        let old = self.client.find(Locator::Css("html")).await.ok();
        self.click(css).await;
        if let Some(old) = old {
            let deadline = Instant::now() + Duration::from_secs(10);
            while old.tag_name().await.is_ok() && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        self.wait_for(then_css).await;
    }

    /// Chooses the option of value `value` in the `<select>` whose id is `id`.
    pub async fn select(&self, id: &str, value: &str) {
        self.client
            .find(Locator::Css(&format!("#{id}")))
            .await
            .unwrap_or_else(|e| panic!("#{id}: {e}"))
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("#{id} = {value}: {e}"));
    }

    /// Sets the value of the field whose id is `id` by script (date inputs take
    /// locale-dependent keystrokes).
    pub async fn set_value(&self, id: &str, value: &str) {
        self.client
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await
            .expect("set a field's value");
    }

    /// Logs in as `email` (after dropping any earlier session) and switches the page to `lang`.
    pub async fn log_in(&self, email: &str, password: &str, lang: &str) {
        self.client.delete_all_cookies().await.expect("log out");
        self.open(&format!("/lang/{lang}?next=/account/login"))
            .await;
        self.fill("email", email).await;
        self.fill("password", password).await;
        self.click_then(
            "form[action=\"/account/login\"] button[type=submit]",
            "form[action=\"/account/logout\"]",
        )
        .await;
        // Each demo account has its own language: switch back to the walk's.
        self.open(&format!("/lang/{lang}?next=%2F")).await;
        self.wait_for(&format!("html[lang=\"{lang}\"]")).await;
    }

    /// Logs out through the page's log-out button.
    pub async fn log_out(&self) {
        self.click_then(
            "form[action=\"/account/logout\"] button",
            "a[href^=\"/account/login\"]",
        )
        .await;
    }

    /// Asserts that axe-core finds no serious or critical violation on the current page.
    pub async fn axe_clean(&self, what: &str) {
        // axe-core can take longer than ChromeDriver's 30-second script default on a loaded
        // machine; the check itself is unchanged.
        self.client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(300)),
                None,
                None,
            ))
            .await
            .expect("script timeout");
        let violations = self.axe_serious().await;
        assert!(violations.is_empty(), "{what}: {violations:#?}");
    }

    /// The text of the page's `<body>` (a JSON or text file shown by the browser).
    pub async fn body_text(&self) -> String {
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("a <body> element")
            .text()
            .await
            .expect("body text")
    }

    /// Runs axe-core (from npm, injected into the page) and returns the serious and critical
    /// violations as `(rule id, description, first target)`.
    pub async fn axe_serious(&self) -> Vec<(String, String, String)> {
        let axe = std::fs::read_to_string(axe_path())
            .expect("axe-core: run `npm ci` (scripts/test does)");
        self.client
            .execute(&axe, vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done({error: String(e)}));",
                vec![],
            )
            .await
            .expect("run axe");
        let list = result
            .as_array()
            .unwrap_or_else(|| panic!("axe failed: {result}"));
        list.iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .map(|v| {
                (
                    v["id"].as_str().unwrap_or_default().to_string(),
                    v["help"].as_str().unwrap_or_default().to_string(),
                    v["nodes"][0]["target"].to_string(),
                )
            })
            .collect()
    }

    /// The newest mail written by the file transport, as raw text.
    pub fn newest_mail(&self) -> Option<String> {
        newest_file(&self.data_dir.path().join("mail"))
            .and_then(|p| std::fs::read_to_string(p).ok())
    }

    /// The server's database, opened beside it (WAL: both may use it).
    pub async fn database(&self) -> nousharik::platform::db::Db {
        let path = self.data_dir.path().join("nousharik.db");
        nousharik::platform::db::Db::connect(&format!("sqlite://{}", path.display()))
            .await
            .expect("open the server's database")
    }

    /// Ends the browser session.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

fn axe_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/axe-core/axe.min.js")
}

fn newest_file(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max_by_key(|(t, _)| *t)
        .map(|(_, p)| p)
}

/// Finds the first `http…` link in a mail that contains `needle` (quoted-printable soft breaks
/// and `=3D` undone first).
pub fn link_in_mail(mail: &str, needle: &str) -> Option<String> {
    let text = mail
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    text.split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .find(|w| w.starts_with("http") && w.contains(needle))
        .map(str::to_string)
}

/// The id of the row of `table` whose `code` is `code` (territories, organisations…).
pub async fn id_of(db: &nousharik::platform::db::Db, table: &str, code: &str) -> i64 {
    db.query_scalar(&format!("SELECT id FROM {table} WHERE code = ?"))
        .bind(code.to_owned())
        .fetch_one(db.pool())
        .await
        .unwrap_or_else(|e| panic!("{table} {code}: {e}"))
}
