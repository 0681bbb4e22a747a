//! What every module shares: configuration, storage, languages, layout, errors, audit log,
//! the HTTP server, and test support.

pub mod audit;
pub mod chart;
pub mod config;
pub mod db;
pub mod error;
pub mod i18n;
pub mod ids;
pub mod layout;
pub mod mail;
pub mod password;
pub mod pdf;
pub mod permissions;
pub mod secret;
pub mod server;
pub mod session;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;

use std::sync::Arc;

pub use config::{Config, SecretKey};
pub use db::Db;
pub use error::AppError;
pub use i18n::Locale;
pub use layout::Page;

/// The current time as stored in the database: Unix seconds UTC.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// Shared state cloned into every handler (`State<AppState>`).
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Validated configuration.
    pub config: Arc<Config>,
    /// The installation's secret key.
    pub secret: Arc<SecretKey>,
    /// The petitions' signature writer (group commit; starts on first use).
    pub signatures: Arc<crate::petitions::signing::SignatureWriter>,
}

impl AppState {
    /// Bundles the parts.
    pub fn new(db: Db, config: Config, secret: SecretKey) -> Self {
        Self {
            db,
            config: Arc::new(config),
            secret: Arc::new(secret),
            signatures: Arc::new(crate::petitions::signing::SignatureWriter::new()),
        }
    }
}

impl axum::extract::FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}
