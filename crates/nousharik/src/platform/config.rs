//! Configuration: command-line flags and environment variables, validated once at start.
//!
//! Every setting is checked before anything else happens; a wrong one stops the program with
//! one line naming the setting the way the user gave it (flag or environment variable), e.g.
//! `error: NOUSHARIK_BIND: "abc" is not an address like 127.0.0.1:8080`, and exit code 2.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use tracing_subscriber::EnvFilter;

/// Exit code used when a setting is wrong (same as clap's usage errors).
pub const EXIT_CONFIG: i32 = 2;

/// A setting that cannot be used, with the name the user knows it by.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {message}")]
pub struct ConfigError {
    /// `--bind` when given as a flag, `NOUSHARIK_BIND` when it came from the environment.
    pub setting: String,
    /// What is wrong, in one sentence without a trailing period.
    pub message: String,
}

impl ConfigError {
    /// Builds an error for `setting`.
    pub fn new(setting: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            setting: setting.into(),
            message: message.into(),
        }
    }
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line (for log collectors).
    Json,
}

/// The raw settings as given (flags or environment), before validation.
#[derive(Debug, Clone, Default)]
pub struct RawSettings {
    /// Listen address.
    pub bind: Option<String>,
    /// Database URL (`sqlite://…` or `postgres://…`).
    pub database_url: Option<String>,
    /// Data directory (SQLite file, secret key, mail files, uploads).
    pub data_dir: Option<String>,
    /// Public base URL used in mailed links.
    pub base_url: Option<String>,
    /// SMTP URL; absent means mails are written to files.
    pub smtp_url: Option<String>,
    /// Log filter (`info`, `nousharik=debug,tower_http=info`…).
    pub log: Option<String>,
    /// `text` or `json`.
    pub log_format: Option<String>,
}

/// How each setting is named in messages (flag or environment variable).
#[derive(Debug, Clone)]
pub struct SettingNames {
    /// Name for `bind`.
    pub bind: String,
    /// Name for `database_url`.
    pub database_url: String,
    /// Name for `data_dir`.
    pub data_dir: String,
    /// Name for `base_url`.
    pub base_url: String,
    /// Name for `smtp_url`.
    pub smtp_url: String,
    /// Name for `log`.
    pub log: String,
    /// Name for `log_format`.
    pub log_format: String,
}

impl Default for SettingNames {
    fn default() -> Self {
        Self {
            bind: "NOUSHARIK_BIND".into(),
            database_url: "DATABASE_URL".into(),
            data_dir: "NOUSHARIK_DATA_DIR".into(),
            base_url: "NOUSHARIK_BASE_URL".into(),
            smtp_url: "NOUSHARIK_SMTP_URL".into(),
            log: "NOUSHARIK_LOG".into(),
            log_format: "NOUSHARIK_LOG_FORMAT".into(),
        }
    }
}

/// Where mails go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailTransport {
    /// Send through this SMTP server (`smtp://` or `smtps://`).
    Smtp(String),
    /// Write each mail as a file into this directory (development and tests).
    Files(PathBuf),
}

/// Validated configuration.
#[derive(Clone)]
pub struct Config {
    /// Listen address.
    pub bind: SocketAddr,
    /// Database URL, normalised (SQLite URLs get `mode=rwc` so the file is created).
    pub database_url: String,
    /// Data directory.
    pub data_dir: PathBuf,
    /// Public base URL without trailing slash, e.g. `http://127.0.0.1:8080`.
    pub base_url: String,
    /// Mail transport.
    pub mail: MailTransport,
    /// Log filter directive.
    pub log: String,
    /// Log format.
    pub log_format: LogFormat,
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The database and SMTP URLs may carry passwords: never print them.
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field("database", &redact_url(&self.database_url))
            .field("data_dir", &self.data_dir)
            .field("base_url", &self.base_url)
            .field("log", &self.log)
            .field("log_format", &self.log_format)
            .finish_non_exhaustive()
    }
}

/// Replaces the password of a URL by `***` for logs.
pub fn redact_url(raw: &str) -> String {
    match url::Url::parse(raw) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => raw.to_string(),
    }
}

impl Config {
    /// Validates raw settings. Creates nothing on disk.
    pub fn from_raw(raw: &RawSettings, names: &SettingNames) -> Result<Self, ConfigError> {
        let bind = parse_bind(raw.bind.as_deref().unwrap_or("127.0.0.1:8080"), &names.bind)?;
        let data_dir =
            parse_data_dir(raw.data_dir.as_deref().unwrap_or("./data"), &names.data_dir)?;
        let database_url = match raw.database_url.as_deref() {
            Some(u) => parse_database_url(u, &names.database_url)?,
            None => default_sqlite_url(&data_dir),
        };
        let base_url = match raw.base_url.as_deref() {
            Some(u) => parse_base_url(u, &names.base_url)?,
            None => format!("http://{bind}"),
        };
        let mail = match raw.smtp_url.as_deref() {
            Some(u) => MailTransport::Smtp(parse_smtp_url(u, &names.smtp_url)?),
            None => MailTransport::Files(data_dir.join("mail")),
        };
        let log = raw.log.clone().unwrap_or_else(|| "info".into());
        parse_log_filter(&log, &names.log)?;
        let log_format = parse_log_format(
            raw.log_format.as_deref().unwrap_or("text"),
            &names.log_format,
        )?;
        Ok(Self {
            bind,
            database_url,
            data_dir,
            base_url,
            mail,
            log,
            log_format,
        })
    }

    /// A configuration for tests: SQLite under `data_dir`, files for mail.
    pub fn for_tests(data_dir: &Path, database_url: &str) -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.to_string(),
            data_dir: data_dir.to_path_buf(),
            base_url: "http://nousharik.test".into(),
            mail: MailTransport::Files(data_dir.join("mail")),
            log: "warn".into(),
            log_format: LogFormat::Text,
        }
    }

    /// `true` when the database is PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.database_url.starts_with("postgres")
    }
}

fn parse_bind(value: &str, name: &str) -> Result<SocketAddr, ConfigError> {
    value.trim().parse().map_err(|_| {
        ConfigError::new(
            name,
            format!("{value:?} is not an address like 127.0.0.1:8080"),
        )
    })
}

fn parse_data_dir(value: &str, name: &str) -> Result<PathBuf, ConfigError> {
    if value.trim().is_empty() {
        return Err(ConfigError::new(
            name,
            "is empty; give a directory such as ./data",
        ));
    }
    let path = PathBuf::from(value);
    if path.exists() && !path.is_dir() {
        return Err(ConfigError::new(
            name,
            format!("{value:?} exists and is not a directory"),
        ));
    }
    Ok(path)
}

/// The default database: `sqlite://<data-dir>/nousharik.db`, created when missing.
pub fn default_sqlite_url(data_dir: &Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("nousharik.db").display()
    )
}

fn parse_database_url(value: &str, name: &str) -> Result<String, ConfigError> {
    let v = value.trim();
    if let Some(rest) = v.strip_prefix("sqlite:") {
        let path = rest.trim_start_matches("//");
        let file = path.split('?').next().unwrap_or("");
        if file.is_empty() {
            return Err(ConfigError::new(
                name,
                format!("{value:?} names no database file, e.g. sqlite://data/nousharik.db"),
            ));
        }
        // Create the file when missing unless the URL chooses a mode itself.
        if v.contains("mode=") {
            Ok(v.to_string())
        } else if v.contains('?') {
            Ok(format!("{v}&mode=rwc"))
        } else {
            Ok(format!("{v}?mode=rwc"))
        }
    } else if v.starts_with("postgres://") || v.starts_with("postgresql://") {
        match url::Url::parse(v) {
            Ok(u) if u.host_str().is_some_and(|h| !h.is_empty()) || v.contains("host=") => {
                Ok(v.to_string())
            }
            _ => Err(ConfigError::new(
                name,
                format!(
                    "{:?} is not a PostgreSQL URL like postgres://user@127.0.0.1:5432/nousharik",
                    redact_url(value)
                ),
            )),
        }
    } else {
        Err(ConfigError::new(
            name,
            format!(
                "{:?} is neither sqlite://… nor postgres://… (e.g. postgres://user@127.0.0.1:5432/nousharik)",
                redact_url(value)
            ),
        ))
    }
}

fn parse_base_url(value: &str, name: &str) -> Result<String, ConfigError> {
    let v = value.trim();
    match url::Url::parse(v) {
        Ok(u) if (u.scheme() == "http" || u.scheme() == "https") && u.host_str().is_some() => {
            Ok(v.trim_end_matches('/').to_string())
        }
        _ => Err(ConfigError::new(
            name,
            format!("{value:?} is not an http(s) URL like https://nousharik.example.ma"),
        )),
    }
}

fn parse_smtp_url(value: &str, name: &str) -> Result<String, ConfigError> {
    let v = value.trim();
    match url::Url::parse(v) {
        Ok(u)
            if (u.scheme() == "smtp" || u.scheme() == "smtps")
                && u.host_str().is_some_and(|h| !h.is_empty()) =>
        {
            Ok(v.to_string())
        }
        _ => Err(ConfigError::new(
            name,
            format!(
                "{:?} is not an SMTP URL like smtps://user:password@mail.example.ma:465",
                redact_url(value)
            ),
        )),
    }
}

fn parse_log_filter(value: &str, name: &str) -> Result<(), ConfigError> {
    EnvFilter::try_new(value).map(|_| ()).map_err(|_| {
        ConfigError::new(
            name,
            format!("{value:?} is not a log level (error, warn, info, debug, trace) or filter"),
        )
    })
}

fn parse_log_format(value: &str, name: &str) -> Result<LogFormat, ConfigError> {
    match value.trim() {
        "text" => Ok(LogFormat::Text),
        "json" => Ok(LogFormat::Json),
        _ => Err(ConfigError::new(
            name,
            format!("{value:?} is not a log format: use text or json"),
        )),
    }
}

/// The 32-byte secret key of this installation (signing tokens, keyed hashes).
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl SecretKey {
    /// The raw key bytes.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A key from bytes (tests).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

/// Creates the data directory if needed, then loads `<data-dir>/secret.key`, generating it
/// (32 random bytes, hex, mode 0600) on first start.
pub fn load_or_create_secret(
    data_dir: &Path,
    data_dir_name: &str,
) -> Result<SecretKey, ConfigError> {
    std::fs::create_dir_all(data_dir).map_err(|e| {
        ConfigError::new(
            data_dir_name,
            format!(
                "cannot create directory {:?}: {e}",
                data_dir.display().to_string()
            ),
        )
    })?;
    let path = data_dir.join("secret.key");
    let shown = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let bytes = hex::decode(text.trim())
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or_else(|| {
                    ConfigError::new(
                        shown.clone(),
                        "is not 64 hexadecimal characters; remove it to generate a new key",
                    )
                })?;
            Ok(SecretKey(bytes))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let bytes: [u8; 32] = rand::random();
            write_private(&path, hex::encode(bytes).as_bytes()).map_err(|e| {
                ConfigError::new(shown, format!("cannot write the secret key: {e}"))
            })?;
            Ok(SecretKey(bytes))
        }
        Err(e) => Err(ConfigError::new(
            shown,
            format!("cannot read the secret key: {e}"),
        )),
    }
}

/// Writes a file readable by its owner only.
fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = opts.open(path)?;
    file.write_all(contents)?;
    file.write_all(b"\n")?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawSettings {
        RawSettings {
            data_dir: Some("/tmp/nk-config-test".into()),
            ..Default::default()
        }
    }

    #[test]
    fn defaults_are_sqlite_under_data_dir_and_localhost() {
        let c = Config::from_raw(&raw(), &SettingNames::default()).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            c.database_url,
            "sqlite:///tmp/nk-config-test/nousharik.db?mode=rwc"
        );
        assert_eq!(c.base_url, "http://127.0.0.1:8080");
        assert_eq!(
            c.mail,
            MailTransport::Files(PathBuf::from("/tmp/nk-config-test/mail"))
        );
        assert_eq!(c.log_format, LogFormat::Text);
    }

    #[test]
    fn bad_bind_names_the_setting_in_one_line() {
        let r = RawSettings {
            bind: Some("abc".into()),
            ..raw()
        };
        let e = Config::from_raw(&r, &SettingNames::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            r#"NOUSHARIK_BIND: "abc" is not an address like 127.0.0.1:8080"#
        );
        let names = SettingNames {
            bind: "--bind".into(),
            ..Default::default()
        };
        let e = Config::from_raw(&r, &names).unwrap_err();
        assert!(e.to_string().starts_with("--bind: "));
        assert!(!e.to_string().contains('\n'));
    }

    #[test]
    fn database_urls() {
        let ok = |u: &str| {
            Config::from_raw(
                &RawSettings {
                    database_url: Some(u.into()),
                    ..raw()
                },
                &SettingNames::default(),
            )
        };
        assert_eq!(
            ok("sqlite://x.db").unwrap().database_url,
            "sqlite://x.db?mode=rwc"
        );
        assert_eq!(
            ok("sqlite://x.db?mode=ro").unwrap().database_url,
            "sqlite://x.db?mode=ro"
        );
        assert!(ok("postgres://u@localhost/db").unwrap().is_postgres());
        let e = ok("mysql://root:pw@h/db").unwrap_err();
        assert_eq!(e.setting, "DATABASE_URL");
        assert!(
            !e.message.contains("pw"),
            "password must not be printed: {e}"
        );
        assert!(ok("sqlite://").is_err());
    }

    #[test]
    fn base_smtp_log_settings() {
        let base = |u: &str| {
            Config::from_raw(
                &RawSettings {
                    base_url: Some(u.into()),
                    ..raw()
                },
                &SettingNames::default(),
            )
        };
        assert_eq!(base("https://x.ma/").unwrap().base_url, "https://x.ma");
        assert_eq!(
            base("ftp://x.ma").unwrap_err().setting,
            "NOUSHARIK_BASE_URL"
        );
        let smtp = |u: &str| {
            Config::from_raw(
                &RawSettings {
                    smtp_url: Some(u.into()),
                    ..raw()
                },
                &SettingNames::default(),
            )
        };
        assert_eq!(
            smtp("smtps://a:b@mail.ma:465").unwrap().mail,
            MailTransport::Smtp("smtps://a:b@mail.ma:465".into())
        );
        assert_eq!(smtp("mail.ma").unwrap_err().setting, "NOUSHARIK_SMTP_URL");
        let log = |l: &str| {
            Config::from_raw(
                &RawSettings {
                    log: Some(l.into()),
                    ..raw()
                },
                &SettingNames::default(),
            )
        };
        assert!(log("nousharik=debug,tower_http=info").is_ok());
        assert_eq!(log("nousharik=loud").unwrap_err().setting, "NOUSHARIK_LOG");
        let fmt = Config::from_raw(
            &RawSettings {
                log_format: Some("xml".into()),
                ..raw()
            },
            &SettingNames::default(),
        );
        assert_eq!(fmt.unwrap_err().setting, "NOUSHARIK_LOG_FORMAT");
    }

    #[test]
    fn secret_key_is_created_private_then_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let k1 = load_or_create_secret(&data, "--data-dir").unwrap();
        let k2 = load_or_create_secret(&data, "--data-dir").unwrap();
        assert_eq!(k1.bytes(), k2.bytes());
        let text = std::fs::read_to_string(data.join("secret.key")).unwrap();
        assert_eq!(text.trim().len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(data.join("secret.key"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(data.join("secret.key"), "nothex").unwrap();
        let e = load_or_create_secret(&data, "--data-dir").unwrap_err();
        assert!(e.setting.ends_with("secret.key"));
    }
}
