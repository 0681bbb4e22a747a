//! The HTTP server: the router with every module's routes, the layers (errors rendered as
//! translated pages, security headers, compression, tracing) and graceful shutdown.

use std::net::SocketAddr;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

use super::AppState;
use super::error::{AppError, ErrorPage, KeepErrorBody};
use super::layout::{self, Page};

/// The whole application.
pub fn router(state: AppState) -> Router {
    // HSTS only when the public URL is https (never on a plain-http development server).
    let hsts = state
        .config
        .base_url
        .starts_with("https://")
        .then(|| HeaderValue::from_static("max-age=31536000"));
    Router::new()
        .merge(layout::routes())
        .merge(crate::home::routes())
        .merge(crate::territory::routes::routes())
        .merge(crate::accounts::routes::routes())
        .merge(crate::accounts::admin::routes())
        .merge(crate::petitions::routes::routes())
        .merge(crate::budgets::routes::routes())
        .merge(crate::meetings::routes::routes())
        .merge(crate::results::routes::routes())
        .merge(crate::ogp::routes::routes())
        .merge(crate::admin::routes::routes())
        // Modules add their routes here, one line each: `.merge(crate::<module>::routes::routes())`.
        .fallback(not_found)
        // Sessions and CSRF: inside the error renderer, so its failures are rendered too.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::session::layer,
        ))
        // Inside render_errors, so a timed-out request still gets a translated page.
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(middleware::from_fn(render_errors))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                 form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::STRICT_TRANSPORT_SECURITY,
            hsts,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
        ))
        .layer(
            // Fonts are already compressed (woff2).
            CompressionLayer::new()
                .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("font/"))),
        )
        .layer(
            // One INFO line per request (method, path, status, latency); bodies are never logged.
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

async fn not_found() -> AppError {
    AppError::NotFound
}

/// The translated error page.
#[derive(Template)]
#[template(path = "platform/error.html")]
struct ErrorTemplate<'a> {
    page: &'a Page,
    title: String,
    text: String,
    detail: Option<String>,
}

/// Gives error responses a page in the visitor's language (resolved from the request before
/// it is consumed): responses carrying an [`ErrorPage`] (our `AppError`s), and bare or
/// plain-text 4xx/5xx responses from outside our handlers (extractor rejections, 405,
/// timeouts), unless marked [`KeepErrorBody`]. HTML and JSON error bodies are left alone.
async fn render_errors(request: Request, next: Next) -> Response {
    let mut page = Page::from_request(request.uri(), request.headers());
    let response = next.run(request).await;
    let status = response.status();
    let error = match response.extensions().get::<ErrorPage>() {
        Some(e) => e.clone(),
        None if is_bare_error(&response) => ErrorPage::for_status(status),
        None => return response,
    };
    // The session layer (inside this one) hands the signed-in account back on the response.
    page.account = response.extensions().get::<layout::PageAccount>().cloned();
    let template = ErrorTemplate {
        page: &page,
        title: page.t(error.title_key),
        text: page.t(error.text_key),
        detail: error.detail_key.map(|k| page.t(k)),
    };
    match template.render() {
        Ok(html) => {
            let mut r = (status, Html(html)).into_response();
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            (
                status,
                format!(
                    "{} {}\n",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                ),
            )
                .into_response()
        }
    }
}

/// A 4xx/5xx response without a body type of its own (or axum's plain-text rejections).
fn is_bare_error(response: &Response) -> bool {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error())
        || response.extensions().get::<KeepErrorBody>().is_some()
    {
        return false;
    }
    match response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        None => true,
        Some(ct) => ct.starts_with("text/plain"),
    }
}

/// Opens the listening socket on the configured address (port 0 picks a free port; ask the
/// listener for the real address).
pub async fn bind(state: &AppState) -> anyhow::Result<tokio::net::TcpListener> {
    let addr = state.config.bind;
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("--bind/NOUSHARIK_BIND: cannot listen on {addr}: {e}"))
}

/// Serves on `listener` until Ctrl-C or SIGTERM, then finishes open requests and closes the
/// database pool.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> anyhow::Result<()> {
    let db = state.db.clone();
    let app = router(state);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing open requests");
}
