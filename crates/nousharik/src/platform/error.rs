//! Errors of request handlers, turned into translated pages with the right status.
//!
//! A handler returns `Result<_, AppError>`. [`AppError::into_response`] cannot see the request,
//! so it only sets the status and attaches an [`ErrorPage`] extension; the `render_errors`
//! middleware (see `platform::server`) then renders the page in the visitor's language.
//! User mistakes are 4xx with a message, never 500; only our own faults are 5xx.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// What went wrong, from the visitor's point of view.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No such page or record (404).
    #[error("not found")]
    NotFound,
    /// The request itself is wrong (400); the field is a message key explaining why.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// Not signed in (401).
    #[error("sign-in required")]
    Unauthorized,
    /// Signed in but not allowed (403).
    #[error("forbidden")]
    Forbidden,
    /// The record changed in the meantime or already exists (409); message key.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Rate limit hit (429).
    #[error("too many requests")]
    TooManyRequests,
    /// A database error; 503 when the database is unreachable, 500 otherwise.
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    /// A template failed to render (a bug).
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    /// Any other internal fault (a bug or an outage).
    #[error("internal: {0}")]
    Internal(#[from] anyhow::Error),
}

/// Attached to error responses; the `render_errors` middleware turns it into a page.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    /// Message key of the heading.
    pub title_key: &'static str,
    /// Message key of the explanation.
    pub text_key: &'static str,
    /// Optional message key with the specific reason.
    pub detail_key: Option<&'static str>,
}

/// Put on an error response that must reach the client as it is (e.g. `/healthz`'s plain text
/// for load balancers); `render_errors` leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct KeepErrorBody;

impl ErrorPage {
    /// The page for a bare error status produced outside our handlers (axum's extractor
    /// rejections, 405, request timeouts, body too large…).
    pub fn for_status(status: StatusCode) -> Self {
        let (title_key, text_key) = match status.as_u16() {
            401 => ("platform-unauthorized-title", "platform-unauthorized-text"),
            403 => ("platform-forbidden-title", "platform-forbidden-text"),
            404 | 410 => ("platform-not-found-title", "platform-not-found-text"),
            409 => ("platform-conflict-title", "platform-conflict-text"),
            429 => ("platform-too-many-title", "platform-too-many-text"),
            408 | 503 | 504 => ("platform-unavailable-title", "platform-unavailable-text"),
            400..=499 => ("platform-bad-request-title", "platform-bad-request-text"),
            _ => ("platform-error-title", "platform-error-text"),
        };
        Self {
            title_key,
            text_key,
            detail_key: None,
        }
    }
}

impl AppError {
    /// HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Db(e) if is_unavailable(e) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Db(_) | AppError::Template(_) | AppError::Internal(_) => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }

    /// The page describing this error.
    pub fn page(&self) -> ErrorPage {
        let (title_key, text_key, detail_key) = match self {
            AppError::NotFound => ("platform-not-found-title", "platform-not-found-text", None),
            AppError::BadRequest(k) => (
                "platform-bad-request-title",
                "platform-bad-request-text",
                Some(*k),
            ),
            AppError::Unauthorized => (
                "platform-unauthorized-title",
                "platform-unauthorized-text",
                None,
            ),
            AppError::Forbidden => ("platform-forbidden-title", "platform-forbidden-text", None),
            AppError::Conflict(k) => (
                "platform-conflict-title",
                "platform-conflict-text",
                Some(*k),
            ),
            AppError::TooManyRequests => {
                ("platform-too-many-title", "platform-too-many-text", None)
            }
            AppError::Db(e) if is_unavailable(e) => (
                "platform-unavailable-title",
                "platform-unavailable-text",
                None,
            ),
            AppError::Db(_) | AppError::Template(_) | AppError::Internal(_) => {
                ("platform-error-title", "platform-error-text", None)
            }
        };
        ErrorPage {
            title_key,
            text_key,
            detail_key,
        }
    }
}

/// Database faults that mean "try again later" rather than a bug.
fn is_unavailable(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
        // SQLite busy or locked past the busy timeout; PostgreSQL serialisation failure,
        // deadlock or lock timeout: the same request may succeed a moment later.
        sqlx::Error::Database(d) => matches!(
            d.code().as_deref(),
            Some("5" | "6" | "261" | "262" | "517" | "40001" | "40P01" | "55P03")
        ),
        _ => false,
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(self.page());
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A write that finds SQLite locked by another writer past the busy timeout is "try again
    /// later" (503), not a bug (500).
    #[tokio::test]
    async fn a_locked_database_is_unavailable_not_a_fault() {
        use sqlx::ConnectOptions;
        use sqlx::sqlite::SqliteConnectOptions;
        let dir = tempfile::tempdir().expect("temp dir");
        let options = SqliteConnectOptions::new()
            .filename(dir.path().join("locked.db"))
            .create_if_missing(true)
            .busy_timeout(std::time::Duration::ZERO);
        let mut holder = options.connect().await.expect("first connection");
        let mut other = options.connect().await.expect("second connection");
        sqlx::query("CREATE TABLE t (x INTEGER)")
            .execute(&mut holder)
            .await
            .expect("create");
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut holder)
            .await
            .expect("take the write lock");
        let busy = sqlx::query("INSERT INTO t VALUES (1)")
            .execute(&mut other)
            .await
            .expect_err("the database is locked");
        assert_eq!(AppError::Db(busy).status(), StatusCode::SERVICE_UNAVAILABLE);
    }

    #[test]
    fn user_errors_are_4xx_and_faults_5xx() {
        assert_eq!(
            AppError::BadRequest("platform-bad-language").status(),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(AppError::NotFound.status(), StatusCode::NOT_FOUND);
        assert_eq!(AppError::Conflict("x").status(), StatusCode::CONFLICT);
        assert_eq!(
            AppError::Db(sqlx::Error::PoolTimedOut).status(),
            StatusCode::SERVICE_UNAVAILABLE
        );
        assert_eq!(
            AppError::Db(sqlx::Error::RowNotFound).status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
        let r = AppError::Forbidden.into_response();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            r.extensions().get::<ErrorPage>().map(|p| p.title_key),
            Some("platform-forbidden-title")
        );
    }
}
