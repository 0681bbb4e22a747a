//! What every page shares: the [`Page`] context (language, current path, navigation), the
//! language switch route, embedded static files and `/healthz`.
//!
//! A handler takes `page: Page` as an extractor and passes `&page` to its template, whose
//! `{% extends "base.html" %}` layout reads `page` for `<html lang dir>`, the language links,
//! the navigation and the stylesheet URL.

use std::sync::LazyLock;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use axum::http::{StatusCode, Uri};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

use super::AppState;
use super::error::{AppError, KeepErrorBody};
use super::i18n::{Arg, LANG_COOKIE, Locale};

/// One entry of the main navigation: a page that exists, and the message key of its label.
#[derive(Debug, Clone, Copy)]
pub struct NavEntry {
    /// Path of the page.
    pub href: &'static str,
    /// Message key of the label.
    pub key: &'static str,
}

/// The main navigation after "Home". Modules add their entry here when their page exists
/// (never a link to a page that does not exist yet).
pub const NAV: &[NavEntry] = &[
    NavEntry {
        href: "/territories",
        key: "territory-nav",
    },
    NavEntry {
        href: "/associations",
        key: "territory-nav-associations",
    },
    NavEntry {
        href: "/petitions",
        key: "petitions-nav",
    },
    NavEntry {
        href: "/budgets",
        key: "budgets-nav",
    },
    NavEntry {
        href: "/events",
        key: "meetings-nav",
    },
    NavEntry {
        href: "/results",
        key: "results-nav",
    },
    NavEntry {
        href: "/ogp",
        key: "ogp-nav",
    },
];

/// A navigation link as shown.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// Path.
    pub href: &'static str,
    /// Translated label.
    pub label: String,
    /// `true` when the current page is in this section.
    pub current: bool,
}

/// A link of the language switcher.
#[derive(Debug, Clone)]
pub struct LangLink {
    /// Locale code.
    pub code: &'static str,
    /// The language's own name.
    pub name: &'static str,
    /// The switch URL (`/lang/fr?next=/current/path`); works without JavaScript.
    pub switch_href: String,
    /// `true` for the page's language.
    pub current: bool,
}

/// Per-request page context: the visitor's language and where they are.
#[derive(Debug, Clone)]
pub struct Page {
    /// The resolved language.
    pub locale: Locale,
    /// The path of the current request (no query).
    pub path: String,
    /// The path and query of the current request (for `next=` links).
    pub path_and_query: String,
    /// The signed-in account as the header shows it (set by `platform::session::layer`).
    pub account: Option<PageAccount>,
}

/// The signed-in account as the layout shows it: name, the links its rights open, and the
/// CSRF token of the log-out button. Put in the request (and response) extensions by
/// `platform::session::layer`.
#[derive(Debug, Clone)]
pub struct PageAccount {
    /// Display name.
    pub name: String,
    /// Platform administrator: link to the account list.
    pub is_admin: bool,
    /// Staff (or administrator): link to resident verification.
    pub can_verify: bool,
    /// CSRF token for the log-out form.
    pub csrf: String,
}

impl Page {
    /// Builds the context from the request URI and headers: `lang` cookie, then
    /// `Accept-Language`, then Arabic.
    pub fn from_request(uri: &Uri, headers: &HeaderMap) -> Self {
        let cookie = cookie_value(headers, LANG_COOKIE);
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Self {
            locale: Locale::resolve(cookie.as_deref(), accept),
            path: uri.path().to_string(),
            path_and_query: uri
                .path_and_query()
                .map_or_else(|| uri.path().to_string(), |p| p.as_str().to_string()),
            account: None,
        }
    }

    /// A page context for `locale` at `path` (tests, mails).
    pub fn new(locale: Locale, path: &str) -> Self {
        Self {
            locale,
            path: path.to_string(),
            path_and_query: path.to_string(),
            account: None,
        }
    }

    /// Translates `key`.
    pub fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    /// Translates `key` with one number argument `count` (plurals).
    pub fn tn(&self, key: &str, count: i64) -> String {
        self.locale.tr(key, &[("count", Arg::Num(count))])
    }

    /// Translates `key` with arguments.
    pub fn tr(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.locale.tr(key, args)
    }

    /// A date (Africa/Casablanca, Latin digits).
    pub fn date(&self, unix_seconds: &i64) -> String {
        self.locale.format_date(*unix_seconds)
    }

    /// A date and time (Africa/Casablanca, Latin digits).
    pub fn datetime(&self, unix_seconds: &i64) -> String {
        self.locale.format_datetime(*unix_seconds)
    }

    /// The versioned URL of an embedded static file.
    pub fn asset(&self, name: &str) -> String {
        asset_url(name)
    }

    /// The language switcher's links.
    pub fn lang_links(&self) -> Vec<LangLink> {
        let next = urlencoding::encode(&self.path_and_query).into_owned();
        Locale::ALL
            .into_iter()
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                switch_href: format!("/lang/{}?next={next}", l.code()),
                current: l == self.locale,
            })
            .collect()
    }

    /// The main navigation (after Home).
    pub fn nav(&self) -> Vec<NavItem> {
        NAV.iter()
            .map(|e| NavItem {
                href: e.href,
                label: self.t(e.key),
                current: self.path == e.href || self.path.starts_with(&format!("{}/", e.href)),
            })
            .collect()
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let mut page = Page::from_request(&parts.uri, &parts.headers);
        page.account = parts.extensions.get::<PageAccount>().cloned();
        Ok(page)
    }
}

/// The value of cookie `name` from the `Cookie` headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
}

/// Renders a template into an HTML response.
pub fn render<T: Template>(template: &T) -> Result<Html<String>, AppError> {
    Ok(Html(template.render()?))
}

/// `true` when `next` is a path on this site (not `//host`, not `http:`, no backslash tricks).
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(|c| c.is_control())
}

#[derive(Debug, serde::Deserialize)]
struct LangQuery {
    next: Option<String>,
}

/// `GET /lang/{code}?next=/path`: remembers the language in a cookie, then goes back.
async fn switch_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<LangQuery>,
) -> Result<Response, AppError> {
    let locale = Locale::from_code(&code).ok_or(AppError::BadRequest("platform-bad-language"))?;
    let next = q
        .next
        .filter(|n| is_local_path(n))
        .unwrap_or_else(|| "/".into());
    let cookie = lang_cookie(locale, state.config.base_url.starts_with("https://"));
    let mut response = Redirect::to(&next).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

/// The `Set-Cookie` value remembering `locale` for a year (`Secure` behind https).
pub fn lang_cookie(locale: Locale, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.code()
    )
}

/// `GET /healthz`: 200 `ok` when the database answers, 503 otherwise.
async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.ping().await {
        Ok(()) => (
            StatusCode::OK,
            [(header::CACHE_CONTROL, "no-store")],
            "ok\n",
        )
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unavailable");
            let mut r = (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::CACHE_CONTROL, "no-store")],
                "database unavailable\n",
            )
                .into_response();
            // Load balancers read this body: not replaced by the HTML error page.
            r.extensions_mut().insert(KeepErrorBody);
            r
        }
    }
}

/// An embedded static file.
struct StaticFile {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

/// Every static file, embedded so the binary runs from anywhere.
static FILES: &[StaticFile] = &[
    StaticFile {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../../static/app.css"),
    },
    StaticFile {
        name: "favicon.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../../static/favicon.svg"),
    },
    StaticFile {
        name: "fonts/NotoNaskhArabic.woff2",
        content_type: "font/woff2",
        bytes: include_bytes!("../../static/fonts/NotoNaskhArabic.woff2"),
    },
    StaticFile {
        name: "fonts/NotoSansTifinagh.woff2",
        content_type: "font/woff2",
        bytes: include_bytes!("../../static/fonts/NotoSansTifinagh.woff2"),
    },
    StaticFile {
        name: "fonts/NotoSans.woff2",
        content_type: "font/woff2",
        bytes: include_bytes!("../../static/fonts/NotoSans.woff2"),
    },
    StaticFile {
        name: "fonts/OFL.txt",
        content_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../../static/fonts/OFL.txt"),
    },
];

/// A short hash of all static files: part of their URLs, so they can be cached for a year.
pub static STATIC_VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut h = Sha256::new();
    for f in FILES {
        h.update(f.name.as_bytes());
        h.update(f.bytes);
    }
    hex::encode(h.finalize())[..12].to_string()
});

/// The URL of a static file: `/static/<version>/<name>`.
pub fn asset_url(name: &str) -> String {
    format!("/static/{}/{name}", *STATIC_VERSION)
}

/// The bytes of an embedded static file (tests measure page weight with it).
pub fn static_file(name: &str) -> Option<&'static [u8]> {
    FILES.iter().find(|f| f.name == name).map(|f| f.bytes)
}

/// `GET /static/{version}/{*name}`: cached for a year when the version is current.
async fn static_handler(
    Path((version, name)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let file = FILES
        .iter()
        .find(|f| f.name == name)
        .ok_or(AppError::NotFound)?;
    let cache = if version == *STATIC_VERSION {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Ok((
        [
            (header::CONTENT_TYPE, file.content_type),
            (header::CACHE_CONTROL, cache),
        ],
        file.bytes,
    )
        .into_response())
}

/// Routes of the platform itself.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/lang/{code}", get(switch_language))
        .route("/healthz", get(healthz))
        .route("/static/{version}/{*name}", get(static_handler))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_be_local() {
        assert!(is_local_path("/"));
        assert!(is_local_path("/petitions?page=2"));
        assert!(!is_local_path("//evil.example"));
        assert!(!is_local_path("https://evil.example"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path("evil"));
        assert!(!is_local_path("/a\r\nSet-Cookie: x=1"));
    }

    #[test]
    fn lang_cookie_is_secure_behind_https() {
        assert_eq!(
            lang_cookie(Locale::Fr, false),
            "lang=fr; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
        );
        assert!(lang_cookie(Locale::Ar, true).ends_with("; Secure"));
    }

    #[test]
    fn cookies_are_read() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; lang=fr; b=2"),
        );
        assert_eq!(cookie_value(&h, "lang").as_deref(), Some("fr"));
        assert_eq!(cookie_value(&h, "c"), None);
    }

    #[test]
    fn static_files_are_versioned() {
        assert!(asset_url("app.css").starts_with("/static/"));
        assert!(asset_url("app.css").ends_with("/app.css"));
        assert!(static_file("app.css").is_some());
        assert!(static_file("../Cargo.toml").is_none());
    }
}
