//! Sessions and CSRF protection, as one middleware ([`layer`]) and a few extractors.
//!
//! **Sessions** live in the `sessions` table (so any number of server processes share them).
//! The `nk_session` cookie carries a random 32-byte token (hex); the table stores only its
//! SHA-256. The cookie is `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` when the base URL is
//! https. A session lasts 30 days after its last use (sliding); log-out deletes its row and a
//! password reset deletes every row of the account.
//!
//! **CSRF** uses one scheme for everybody, an HMAC-signed token bound to a secret the browser
//! holds only in an HttpOnly cookie:
//! - signed in: the session row's `csrf_secret` (bound to the session cookie);
//! - anonymous (sign-up, log-in, reset forms): a random value in the `nk_csrf` cookie,
//!   set by this layer on the first visit (a "signed double-submit cookie").
//!
//! The token put in forms is `HMAC-SHA256(secret key, "csrf" ‖ binding)`. An attacker's page can
//! neither read the cookie nor compute the HMAC without the installation's secret key, and
//! cannot plant a cookie of its own choosing that matches a token (the token is keyed).
//! Every POST, PUT, PATCH and DELETE is checked here, before any handler runs: the token comes
//! from the `x-csrf-token` header or the `csrf` form field (URL-encoded or multipart). A missing
//! or wrong token gets a translated 403 page that lists what was typed (passwords excepted)
//! and links back to the form — never a 500, and never an automatic re-submission (that would
//! turn the error page into a one-click CSRF).

use std::sync::Arc;

use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::accounts::store::{self, SESSION_LIFETIME_SECS, User};
use crate::platform::error::AppError;
use crate::platform::layout::{Page, PageAccount, cookie_value};
use crate::platform::permissions::{Actor, UserActor};
use crate::platform::secret::{mac_hex, mac_verify, random_token};
use crate::platform::{AppState, now};

/// Cookie with the session token.
pub const SESSION_COOKIE: &str = "nk_session";
/// Cookie with the anonymous CSRF secret.
pub const CSRF_COOKIE: &str = "nk_csrf";
/// Form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf";
/// Header carrying the CSRF token (for scripts).
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Largest request body the CSRF check buffers (uploads included).
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The signed-in account of a request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// Session row id.
    pub session_id: i64,
    /// The account.
    pub user: User,
    /// What the permission rules need.
    pub actor: UserActor,
}

impl SignedIn {
    /// The permission actor.
    pub fn actor(&self) -> Actor {
        Actor::User(self.actor.clone())
    }
}

/// What [`layer`] learned about the request, in its extensions.
#[derive(Debug, Clone)]
pub struct Auth {
    /// The signed-in account, if any.
    pub signed_in: Option<Arc<SignedIn>>,
    /// The CSRF token to put in this request's forms.
    pub csrf_token: String,
}

impl Auth {
    /// The permission actor of this request.
    pub fn actor(&self) -> Actor {
        self.signed_in
            .as_ref()
            .map_or(Actor::Anonymous, |s| s.actor())
    }
}

/// A 64-character lowercase hex string (what our tokens look like); anything else in a cookie
/// is ignored without touching the database.
fn looks_like_token(v: &str) -> bool {
    v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The CSRF token for a binding (`s:<session secret>` or `a:<anonymous cookie>`).
fn csrf_token(key: &[u8], binding: &str) -> String {
    mac_hex(key, &[b"csrf", binding.as_bytes()])
}

/// The CSRF token of the forms of a session whose secret is `csrf_secret` (for tools that
/// drive the platform over HTTP: the signing benchmark).
pub fn csrf_token_for_session(key: &[u8], csrf_secret: &str) -> String {
    csrf_token(key, &format!("s:{csrf_secret}"))
}

/// `; Secure` when the site is served over https.
fn secure_attr(state: &AppState) -> &'static str {
    secure_for(&state.config.base_url)
}

fn secure_for(base_url: &str) -> &'static str {
    if base_url.starts_with("https://") {
        "; Secure"
    } else {
        ""
    }
}

/// The `Set-Cookie` value that stores a session token.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={SESSION_LIFETIME_SECS}; HttpOnly; SameSite=Lax{}",
        secure_attr(state)
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(state: &AppState) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        secure_attr(state)
    )
}

fn anon_cookie(state: &AppState, value: &str) -> String {
    // A browser-session cookie: it lasts while the browser is open, which covers filling in
    // a form; it carries no identity.
    format!(
        "{CSRF_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax{}",
        secure_attr(state)
    )
}

/// Adds a `Set-Cookie` header to a response.
pub fn add_cookie(response: &mut Response, cookie: &str) {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The middleware: loads the session, prepares the CSRF token, checks it on every
/// state-changing request, and sets the cookies that need setting.
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let now = now();
    let mut cookies: Vec<String> = Vec::new();
    let signed_in = match load_session(&state, request.headers(), now, &mut cookies).await {
        Ok(s) => s,
        Err(e) => return AppError::Db(e).into_response(),
    };
    let binding = match &signed_in {
        Some((_, secret)) => format!("s:{secret}"),
        None => {
            match cookie_value(request.headers(), CSRF_COOKIE).filter(|v| looks_like_token(v)) {
                Some(v) => format!("a:{v}"),
                None => {
                    let v = random_token();
                    cookies.push(anon_cookie(&state, &v));
                    format!("a:{v}")
                }
            }
        }
    };
    let key = state.secret.bytes().as_slice();
    let auth = Auth {
        signed_in: signed_in.map(|(s, _)| Arc::new(s)),
        csrf_token: csrf_token(key, &binding),
    };
    let page_account = page_account(&auth);
    let (mut parts, body) = request.into_parts();
    parts.extensions.insert(auth);
    if let Some(a) = &page_account {
        parts.extensions.insert(a.clone());
    }
    let request = if is_state_changing(&parts.method) {
        let bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
            Ok(b) => b,
            Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
        };
        let submitted = submitted_token(&parts.headers, &bytes);
        let valid = submitted
            .as_deref()
            .is_some_and(|t| mac_verify(key, &[b"csrf", binding.as_bytes()], t));
        if !valid {
            let mut response = csrf_failure(&state, &parts, &bytes, page_account.clone());
            for c in &cookies {
                add_cookie(&mut response, c);
            }
            return response;
        }
        Request::from_parts(parts, Body::from(bytes))
    } else {
        Request::from_parts(parts, body)
    };
    let mut response = next.run(request).await;
    for c in &cookies {
        // A cookie the handler set itself (log-in, log-out) wins over the layer's refresh.
        let name = c.split('=').next().unwrap_or_default();
        let handler_set = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.split('=').next() == Some(name));
        if !handler_set {
            add_cookie(&mut response, c);
        }
    }
    // For the error renderer, which sees only the response.
    if let Some(a) = page_account {
        response.extensions_mut().insert(a);
    }
    response
}

/// What the layout's header shows of the signed-in account.
fn page_account(auth: &Auth) -> Option<PageAccount> {
    auth.signed_in.as_ref().map(|s| {
        let confirmed = s.actor.email_confirmed;
        PageAccount {
            name: s.user.display_name.clone(),
            is_admin: confirmed && s.actor.is_admin,
            can_verify: confirmed
                && (s.actor.is_admin
                    || s.actor
                        .memberships
                        .iter()
                        .any(|m| m.role == crate::accounts::model::OrgRole::Staff)),
            csrf: auth.csrf_token.clone(),
        }
    })
}

/// Loads the session named by the cookie. Returns it with its CSRF secret; pushes cookie
/// updates (refresh on slide, removal when stale) into `cookies`.
async fn load_session(
    state: &AppState,
    headers: &HeaderMap,
    now: i64,
    cookies: &mut Vec<String>,
) -> Result<Option<(SignedIn, String)>, sqlx::Error> {
    let Some(token) = cookie_value(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    if !looks_like_token(&token) {
        cookies.push(clear_session_cookie(state));
        return Ok(None);
    }
    let Some(session) = store::session(&state.db, &token, now).await? else {
        cookies.push(clear_session_cookie(state));
        return Ok(None);
    };
    if session.touched {
        // The expiry just slid forward: slide the cookie too.
        cookies.push(session_cookie(state, &token));
    }
    let actor = store::load_actor(&state.db, &session.user).await?;
    let signed_in = SignedIn {
        session_id: session.id,
        user: session.user,
        actor,
    };
    Ok(Some((signed_in, session.csrf_secret)))
}

fn is_state_changing(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// The token from the header, or else from the body's `csrf` field.
fn submitted_token(headers: &HeaderMap, body: &Bytes) -> Option<String> {
    if let Some(v) = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return Some(v.to_owned());
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("application/x-www-form-urlencoded") {
        url::form_urlencoded::parse(body)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned())
    } else if content_type.starts_with("multipart/form-data") {
        let boundary = content_type
            .split(';')
            .find_map(|p| p.trim().strip_prefix("boundary="))?
            .trim_matches('"');
        multipart_field(body, boundary, CSRF_FIELD)
    } else {
        None
    }
}

/// The value of a small text field in a multipart body (without parsing the file parts).
fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let delimiter = format!("--{boundary}");
    let text = String::from_utf8_lossy(body);
    let wanted = format!("name=\"{name}\"");
    text.split(delimiter.as_str()).find_map(|part| {
        let (head, value) = part
            .split_once("\r\n\r\n")
            .or_else(|| part.split_once("\n\n"))?;
        let disposition = head
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        let is_field = disposition.split(';').any(|p| p.trim() == wanted.as_str());
        is_field.then(|| value.trim_end_matches(['\r', '\n']).to_owned())
    })
}

/// The page shown when a form's token is missing or wrong.
#[derive(Template)]
#[template(path = "accounts/csrf_failed.html")]
struct CsrfFailedTemplate<'a> {
    page: &'a Page,
    back: String,
    kept: Vec<(String, String)>,
}

fn csrf_failure(
    state: &AppState,
    parts: &Parts,
    body: &Bytes,
    account: Option<PageAccount>,
) -> Response {
    let mut page = Page::from_request(&parts.uri, &parts.headers);
    page.account = account;
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    // What was typed, so nothing is lost: text fields only, never passwords nor the token.
    let kept = if content_type.starts_with("application/x-www-form-urlencoded") {
        url::form_urlencoded::parse(body)
            .filter(|(k, v)| k != CSRF_FIELD && !k.contains("password") && !v.trim().is_empty())
            .map(|(k, v)| (k.into_owned(), v.chars().take(2000).collect()))
            .take(50)
            .collect()
    } else {
        Vec::new()
    };
    let template = CsrfFailedTemplate {
        back: back_link(state, &parts.headers),
        page: &page,
        kept,
    };
    tracing::info!(path = %parts.uri.path(), "CSRF token missing or wrong");
    match template.render() {
        Ok(html) => (
            StatusCode::FORBIDDEN,
            [(header::CACHE_CONTROL, "no-store")],
            Html(html),
        )
            .into_response(),
        Err(e) => AppError::Template(e).into_response(),
    }
}

/// Where "back to the form" points: the referring page when it is on this site, else home.
fn back_link(state: &AppState, headers: &HeaderMap) -> String {
    let base = url::Url::parse(&state.config.base_url).ok();
    headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .filter(|r| base.as_ref().is_some_and(|b| b.origin() == r.origin()))
        .map(|r| match r.query() {
            Some(q) => format!("{}?{q}", r.path()),
            None => r.path().to_owned(),
        })
        .filter(|p| crate::platform::layout::is_local_path(p))
        .unwrap_or_else(|| "/".to_owned())
}

/// Removes expired sessions and old rate-limit windows every hour, for as long as the server
/// runs (several servers doing it at once is harmless: the deletes are idempotent).
pub fn spawn_housekeeping(db: crate::platform::db::Db) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            match store::purge_expired(&db, now()).await {
                Ok(n) => tracing::debug!(sessions = n, "expired sessions removed"),
                Err(e) => tracing::warn!(error = %e, "session housekeeping failed"),
            }
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Extractors
// ---------------------------------------------------------------------------------------------

fn auth_of(parts: &Parts) -> Option<&Auth> {
    parts.extensions.get::<Auth>()
}

/// The signed-in account, if any.
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Option<Arc<SignedIn>>);

impl CurrentUser {
    /// The permission actor.
    pub fn actor(&self) -> Actor {
        self.0.as_ref().map_or(Actor::Anonymous, |s| s.actor())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentUser(
            auth_of(parts).and_then(|a| a.signed_in.clone()),
        ))
    }
}

/// The CSRF token to embed in forms (`<input type="hidden" name="csrf" value="…">`).
#[derive(Debug, Clone)]
pub struct Csrf(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Csrf {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // Without the layer there is no token: a wiring bug, reported as such.
        auth_of(parts)
            .map(|a| Csrf(a.csrf_token.clone()))
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("session layer missing")))
    }
}

/// Why a page that needs an account was refused.
#[derive(Debug)]
pub enum AuthRejection {
    /// Nobody signed in: go to the log-in page, then come back.
    SignIn {
        /// Path to return to.
        next: String,
    },
    /// Signed in without the needed rights: translated 403 page.
    Forbidden,
}

impl IntoResponse for AuthRejection {
    fn into_response(self) -> Response {
        match self {
            AuthRejection::SignIn { next } => {
                let to = format!("/account/login?next={}", urlencoding::encode(&next));
                Redirect::to(&to).into_response()
            }
            AuthRejection::Forbidden => AppError::Forbidden.into_response(),
        }
    }
}

fn sign_in_rejection(parts: &Parts) -> AuthRejection {
    // After signing in, come back to this page (a GET of the same path; a form's POST target
    // is shown by GET too).
    let next = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned());
    AuthRejection::SignIn { next }
}

/// A page for signed-in accounts only; anonymous visitors are sent to log in.
#[derive(Debug, Clone)]
pub struct RequireUser(pub Arc<SignedIn>);

impl<S: Send + Sync> FromRequestParts<S> for RequireUser {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match auth_of(parts).and_then(|a| a.signed_in.clone()) {
            Some(s) => Ok(RequireUser(s)),
            None => Err(sign_in_rejection(parts)),
        }
    }
}

/// A page for platform administrators only (with a confirmed address).
#[derive(Debug, Clone)]
pub struct RequireAdmin(pub Arc<SignedIn>);

impl<S: Send + Sync> FromRequestParts<S> for RequireAdmin {
    type Rejection = AuthRejection;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match auth_of(parts).and_then(|a| a.signed_in.clone()) {
            Some(s) if s.actor.is_admin && s.actor.email_confirmed => Ok(RequireAdmin(s)),
            Some(_) => Err(AuthRejection::Forbidden),
            None => Err(sign_in_rejection(parts)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_shape() {
        assert!(looks_like_token(&random_token()));
        assert!(!looks_like_token("abc"));
        assert!(!looks_like_token(&"g".repeat(64)));
        assert!(!looks_like_token(&format!("{}'--", "a".repeat(61))));
    }

    #[test]
    fn csrf_tokens_are_bound() {
        let key = [7u8; 32];
        let t = csrf_token(&key, "a:one");
        assert!(mac_verify(&key, &[b"csrf", b"a:one"], &t));
        assert!(!mac_verify(&key, &[b"csrf", b"a:two"], &t));
        assert!(!mac_verify(&[8u8; 32], &[b"csrf", b"a:one"], &t));
    }

    #[test]
    fn token_found_in_each_body_kind() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        let body = Bytes::from_static(b"email=a%40b.ma&csrf=abc123&name=x");
        assert_eq!(submitted_token(&h, &body).as_deref(), Some("abc123"));
        assert_eq!(submitted_token(&h, &Bytes::from_static(b"email=a")), None);

        let mut m = HeaderMap::new();
        m.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
        );
        let body = Bytes::from_static(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\
              Content-Type: text/csv\r\n\r\nname=\"csrf\"\r\n--XyZ\r\n\
              Content-Disposition: form-data; name=\"csrf\"\r\n\r\ntok456\r\n--XyZ--\r\n",
        );
        assert_eq!(submitted_token(&m, &body).as_deref(), Some("tok456"));

        let mut x = HeaderMap::new();
        x.insert(CSRF_HEADER, HeaderValue::from_static("hdr789"));
        assert_eq!(
            submitted_token(&x, &Bytes::new()).as_deref(),
            Some("hdr789")
        );
        assert_eq!(submitted_token(&HeaderMap::new(), &body), None);
    }

    #[test]
    fn cookies_are_secure_behind_https_only() {
        assert_eq!(secure_for("https://nousharik.tanger.ma"), "; Secure");
        assert_eq!(secure_for("http://127.0.0.1:8080"), "");
    }

    #[test]
    fn state_changing_methods() {
        assert!(is_state_changing(&Method::POST));
        assert!(is_state_changing(&Method::DELETE));
        assert!(is_state_changing(&Method::PUT));
        assert!(!is_state_changing(&Method::GET));
        assert!(!is_state_changing(&Method::HEAD));
    }
}
