//! Account pages: sign-up, confirmation, log-in/out, password reset, profile, data export and
//! deletion.
//!
//! Every form is re-shown with its values (never passwords) and a translated message per
//! field when something is wrong; validation errors answer 422, rate limits 429, bad links
//! 404/410 — never 500. CSRF is checked by [`crate::platform::session::layer`] before any of
//! these handlers runs.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::accounts::mails::{self, AccountMail};
use crate::accounts::model::{
    Demographics, DisplayName, Email, NewPassword, PASSWORD_MAX_CHARS, TokenProblem, TokenPurpose,
    VerificationLevel,
};
use crate::accounts::store::{self, NewUser, User};
use crate::accounts::views::{
    Feedback, FieldErrors, LanguageOption, SelectOption, age_options, demographics_error,
    email_error_key, evidence_label, language_options, level_label, name_error_key,
    password_error_key, role_label, sex_options,
};
use crate::platform::AppState;
use crate::platform::error::AppError;
use crate::platform::i18n::{Arg, LANG_COOKIE, Locale};
use crate::platform::layout::{Page, is_local_path};
use crate::platform::mail::Mailer;
use crate::platform::permissions::{Action, allowed};
use crate::platform::session::{
    Csrf, CurrentUser, RequireUser, SESSION_COOKIE, add_cookie, clear_session_cookie,
    session_cookie,
};
use crate::platform::{password, secret};

/// The account routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account/signup", get(signup_form).post(signup))
        .route("/account/confirm/{token}", get(confirm_form).post(confirm))
        .route("/account/login", get(login_form).post(login))
        .route("/account/logout", axum::routing::post(logout))
        .route("/account/forgot", get(forgot_form).post(forgot))
        .route("/account/reset/{token}", get(reset_form).post(reset))
        .route("/account/profile", get(profile_form).post(profile))
        .route("/account/data", get(download_data))
        .route("/account/delete", get(delete_form).post(delete))
}

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

pub(crate) use crate::platform::now;

/// Renders a template with a status.
pub(crate) fn render<T: Template>(status: StatusCode, t: &T) -> Result<Response, AppError> {
    Ok((status, Html(t.render()?)).into_response())
}

/// The client's address, for rate limits (`unknown` when the server runs without connection
/// info, e.g. in-process tests).
#[derive(Debug, Clone)]
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string()),
        ))
    }
}

/// A fixed-window limit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limit {
    name: &'static str,
    max: i64,
    window: i64,
}

const LOGIN_PER_IP: Limit = Limit {
    name: "login-ip",
    max: 30,
    window: 900,
};
const LOGIN_PER_EMAIL: Limit = Limit {
    name: "login-email",
    max: 10,
    window: 900,
};
const SIGNUP_PER_IP: Limit = Limit {
    name: "signup-ip",
    max: 10,
    window: 3600,
};
const FORGOT_PER_IP: Limit = Limit {
    name: "forgot-ip",
    max: 10,
    window: 3600,
};
const FORGOT_PER_EMAIL: Limit = Limit {
    name: "forgot-email",
    max: 3,
    window: 3600,
};

/// Counts a hit; `Some(minutes to wait)` when over the limit. Email keys are hashed so the
/// counters table holds no addresses.
pub(crate) async fn over_limit(
    state: &AppState,
    limit: Limit,
    key: &str,
    now: i64,
) -> Result<Option<i64>, AppError> {
    let bucket = format!("{}:{}", limit.name, secret::token_digest(key));
    let hits = store::rate_limit_hit(&state.db, &bucket, limit.window, now).await?;
    if hits > limit.max {
        let window_end = now - now.rem_euclid(limit.window) + limit.window;
        Ok(Some(((window_end - now) + 59) / 60))
    } else {
        Ok(None)
    }
}

fn rate_limited_message(locale: Locale, minutes: i64) -> String {
    locale.tr(
        "accounts-rate-limited",
        &[("minutes", Arg::Num(minutes.max(1)))],
    )
}

async fn hash_password(p: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || password::hash(&p))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(e.into()))
}

async fn verify_password(p: String, stored: Option<String>) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || password::verify(&p, stored.as_deref()))
        .await
        .map_err(|e| AppError::Internal(e.into()))
}

fn mailer(state: &AppState) -> Result<Mailer, crate::platform::mail::MailError> {
    Mailer::new(
        &state.config.mail,
        &Mailer::default_from(&state.config.base_url),
    )
}

async fn send_mail(
    state: &AppState,
    kind: AccountMail,
    locale: Locale,
    to: &str,
    name: &str,
    path: &str,
) -> bool {
    match mailer(state) {
        Ok(m) => mails::send(state, &m, kind, locale, to, name, path)
            .await
            .is_ok(),
        Err(e) => {
            tracing::error!(error = %e, "mailer unavailable");
            false
        }
    }
}

fn user_locale(user: &User) -> Locale {
    Locale::from_code(user.language.code()).unwrap_or_default()
}

fn lang_cookie(locale: Locale) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        locale.code()
    )
}

fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A link shown under a message.
#[derive(Debug, Clone)]
pub struct MessageLink {
    /// Where.
    pub href: String,
    /// Label.
    pub label: String,
}

/// A page with a title, some paragraphs and an optional link.
#[derive(Template)]
#[template(path = "accounts/message.html")]
pub struct MessageTemplate<'a> {
    page: &'a Page,
    title: String,
    paragraphs: Vec<String>,
    link: Option<MessageLink>,
}

fn message(
    page: &Page,
    status: StatusCode,
    title_key: &str,
    paragraph_keys: &[&str],
    link: Option<(&str, &str)>,
) -> Result<Response, AppError> {
    render(
        status,
        &MessageTemplate {
            page,
            title: page.t(title_key),
            paragraphs: paragraph_keys.iter().map(|k| page.t(k)).collect(),
            link: link.map(|(href, key)| MessageLink {
                href: href.to_owned(),
                label: page.t(key),
            }),
        },
    )
}

/// Notices shown after a redirect, by code (never free text from the URL).
fn notice_text(page: &Page, code: Option<&str>) -> Option<String> {
    let key = match code? {
        "confirmed" => "accounts-confirmed",
        "password-changed" => "accounts-password-changed",
        "logged-out" => "accounts-logged-out",
        "saved" => "accounts-profile-saved",
        _ => return None,
    };
    Some(page.t(key))
}

#[derive(Debug, Default, Deserialize)]
struct NoticeQuery {
    #[serde(default)]
    notice: Option<String>,
    #[serde(default)]
    next: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Sign-up
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SignupForm {
    email: String,
    display_name: String,
    password: String,
    language: String,
}

/// Values put back into the sign-up form (never the password).
#[derive(Debug, Default)]
struct SignupValues {
    email: String,
    display_name: String,
    language: String,
}

#[derive(Template)]
#[template(path = "accounts/signup.html")]
struct SignupTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    form: SignupValues,
    errors: FieldErrors,
    notice: Option<String>,
    languages: Vec<LanguageOption>,
}

async fn signup_form(
    page: Page,
    Csrf(csrf): Csrf,
    CurrentUser(user): CurrentUser,
) -> Result<Response, AppError> {
    if user.is_some() {
        return Ok(see_other("/account/profile"));
    }
    let form = SignupValues {
        language: page.locale.code().to_owned(),
        ..SignupValues::default()
    };
    render(
        StatusCode::OK,
        &SignupTemplate {
            page: &page,
            csrf: &csrf,
            form,
            errors: FieldErrors::default(),
            notice: None,
            languages: language_options(),
        },
    )
}

async fn signup(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    ClientIp(ip): ClientIp,
    Form(input): Form<SignupForm>,
) -> Result<Response, AppError> {
    let locale = page.locale;
    let mut errors = FieldErrors::default();
    let email = Email::parse(&input.email)
        .map_err(|e| errors.add(locale, "email", email_error_key(e)))
        .ok();
    let name = DisplayName::parse(&input.display_name)
        .map_err(|e| errors.add(locale, "display_name", name_error_key(e)))
        .ok();
    // Without a valid address, check the length rules against a placeholder address.
    let placeholder = Email::parse("nobody@invalid.invalid").ok();
    let password = match email.as_ref().or(placeholder.as_ref()) {
        Some(e) => NewPassword::parse(&input.password, e)
            .map_err(|err| errors.add(locale, "password", password_error_key(err)))
            .ok(),
        None => None,
    };
    let language = Locale::from_code(input.language.trim());
    if language.is_none() {
        errors.add(locale, "language", "accounts-error-language");
    }
    let refill = |errors: FieldErrors, status: StatusCode, notice: Option<String>| {
        render(
            status,
            &SignupTemplate {
                page: &page,
                csrf: &csrf,
                form: SignupValues {
                    email: input.email.chars().take(300).collect(),
                    display_name: input.display_name.chars().take(300).collect(),
                    language: input.language.chars().take(10).collect(),
                },
                errors,
                notice,
                languages: language_options(),
            },
        )
    };
    let (Some(email), Some(name), Some(password), Some(language)) =
        (email, name, password, language)
    else {
        return refill(errors, StatusCode::UNPROCESSABLE_ENTITY, None);
    };
    let now = now();
    if let Some(minutes) = over_limit(&state, SIGNUP_PER_IP, &ip, now).await? {
        errors.add_text("email", rate_limited_message(locale, minutes));
        return refill(errors, StatusCode::TOO_MANY_REQUESTS, None);
    }
    // Hash first, whatever happens next, so both paths take the same time.
    let phc = hash_password(password.expose().to_owned()).await?;
    let new = NewUser {
        email: &email,
        password_hash: &phc,
        display_name: &name,
        language,
    };
    let sent = match store::create_user(&state.db, &new, now).await? {
        Some(id) => {
            let token = store::create_token(&state.db, id, TokenPurpose::ConfirmEmail, now).await?;
            let path = format!("/account/confirm/{token}");
            send_mail(
                &state,
                AccountMail::Confirm,
                language,
                email.as_str(),
                name.as_str(),
                &path,
            )
            .await
        }
        None => notify_existing(&state, &email, now).await?,
    };
    if !sent {
        errors.add(locale, "email", "accounts-mail-failed");
        return refill(errors, StatusCode::SERVICE_UNAVAILABLE, None);
    }
    // The same answer whether or not the address already had an account.
    render(
        StatusCode::OK,
        &MessageTemplate {
            page: &page,
            title: page.t("accounts-check-mail-title"),
            paragraphs: vec![
                page.tr(
                    "accounts-check-mail",
                    &[("email", Arg::from(email.as_str()))],
                ),
                page.t("accounts-check-mail-spam"),
            ],
            link: None,
        },
    )
}

/// A sign-up with an address that has an account: an unconfirmed owner gets a fresh
/// confirmation link; a confirmed owner is told someone tried, with a link to reset the
/// password. The visitor learns nothing either way.
async fn notify_existing(state: &AppState, email: &Email, now: i64) -> Result<bool, AppError> {
    let Some(owner) = store::user_by_email(&state.db, email).await? else {
        return Ok(true);
    };
    let locale = user_locale(&owner);
    if owner.email_confirmed_at.is_none() {
        let token =
            store::create_token(&state.db, owner.id, TokenPurpose::ConfirmEmail, now).await?;
        let path = format!("/account/confirm/{token}");
        Ok(send_mail(
            state,
            AccountMail::Confirm,
            locale,
            &owner.email,
            &owner.display_name,
            &path,
        )
        .await)
    } else {
        Ok(send_mail(
            state,
            AccountMail::AlreadyRegistered,
            locale,
            &owner.email,
            &owner.display_name,
            "/account/forgot",
        )
        .await)
    }
}

// ---------------------------------------------------------------------------------------------
// Confirmation
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "accounts/confirm.html")]
struct ConfirmTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    token: &'a str,
}

/// Only hex tokens reach the database; anything else is an unknown link.
fn clean_token(token: &str) -> Option<&str> {
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then_some(token)
}

fn link_problem(
    page: &Page,
    problem: TokenProblem,
    purpose: TokenPurpose,
) -> Result<Response, AppError> {
    let (status, reason) = match problem {
        TokenProblem::Unknown => (StatusCode::NOT_FOUND, "accounts-link-unknown"),
        TokenProblem::Used => (StatusCode::GONE, "accounts-link-used"),
        TokenProblem::Expired => (StatusCode::GONE, "accounts-link-expired"),
    };
    let (help, link) = match purpose {
        TokenPurpose::ConfirmEmail => (
            "accounts-confirm-link-help",
            ("/account/login", "accounts-login-title"),
        ),
        TokenPurpose::ResetPassword => (
            "accounts-reset-link-help",
            ("/account/forgot", "accounts-forgot-title"),
        ),
    };
    message(
        page,
        status,
        "accounts-link-problem-title",
        &[reason, help],
        Some(link),
    )
}

async fn confirm_form(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    // Showing a button instead of confirming on GET: mail scanners that open links must not
    // use them up.
    let Some(token) = clean_token(&token) else {
        return link_problem(&page, TokenProblem::Unknown, TokenPurpose::ConfirmEmail);
    };
    match store::peek_token(&state.db, token, TokenPurpose::ConfirmEmail, now()).await? {
        Ok(_) => render(
            StatusCode::OK,
            &ConfirmTemplate {
                page: &page,
                csrf: &csrf,
                token,
            },
        ),
        Err(p) => link_problem(&page, p, TokenPurpose::ConfirmEmail),
    }
}

async fn confirm(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let Some(token) = clean_token(&token) else {
        return link_problem(&page, TokenProblem::Unknown, TokenPurpose::ConfirmEmail);
    };
    let now = now();
    match store::use_token(&state.db, token, TokenPurpose::ConfirmEmail, now).await? {
        Ok(user) => {
            store::confirm_email(&state.db, user, now).await?;
            Ok(see_other("/account/login?notice=confirmed"))
        }
        Err(p) => link_problem(&page, p, TokenPurpose::ConfirmEmail),
    }
}

// ---------------------------------------------------------------------------------------------
// Log-in, log-out
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LoginForm {
    email: String,
    password: String,
    next: String,
}

#[derive(Debug, Default)]
struct LoginValues {
    email: String,
    next: String,
}

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    form: LoginValues,
    errors: FieldErrors,
    notice: Option<String>,
}

fn safe_next(next: Option<&str>) -> String {
    next.filter(|n| is_local_path(n) && n.len() <= 2000)
        .unwrap_or("")
        .to_owned()
}

async fn login_form(
    page: Page,
    Csrf(csrf): Csrf,
    CurrentUser(user): CurrentUser,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(q.next.as_deref());
    if user.is_some() && q.notice.is_none() {
        return Ok(see_other(if next.is_empty() {
            "/account/profile"
        } else {
            &next
        }));
    }
    render(
        StatusCode::OK,
        &LoginTemplate {
            page: &page,
            csrf: &csrf,
            form: LoginValues {
                email: String::new(),
                next,
            },
            errors: FieldErrors::default(),
            notice: notice_text(&page, q.notice.as_deref()),
        },
    )
}

async fn login(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Form(input): Form<LoginForm>,
) -> Result<Response, AppError> {
    let locale = page.locale;
    let next = safe_next(Some(&input.next));
    let refill = |errors: FieldErrors, status: StatusCode, notice: Option<String>| {
        render(
            status,
            &LoginTemplate {
                page: &page,
                csrf: &csrf,
                form: LoginValues {
                    email: input.email.chars().take(300).collect(),
                    next: next.clone(),
                },
                errors,
                notice,
            },
        )
    };
    let mut errors = FieldErrors::default();
    let email = match Email::parse(&input.email) {
        Ok(e) => e,
        Err(e) => {
            errors.add(locale, "email", email_error_key(e));
            return refill(errors, StatusCode::UNPROCESSABLE_ENTITY, None);
        }
    };
    if input.password.is_empty() || input.password.chars().count() > PASSWORD_MAX_CHARS {
        errors.add(locale, "password", "accounts-login-failed");
        return refill(errors, StatusCode::UNPROCESSABLE_ENTITY, None);
    }
    let now = now();
    let ip_limit = over_limit(&state, LOGIN_PER_IP, &ip, now).await?;
    let email_limit = over_limit(&state, LOGIN_PER_EMAIL, email.as_str(), now).await?;
    if let Some(minutes) = ip_limit.max(email_limit) {
        errors.add_text("email", rate_limited_message(locale, minutes));
        return refill(errors, StatusCode::TOO_MANY_REQUESTS, None);
    }
    let user = store::user_by_email(&state.db, &email).await?;
    let stored = user.as_ref().and_then(|u| u.password_hash.clone());
    let ok = verify_password(input.password.clone(), stored).await?;
    let Some(user) = user.filter(|_| ok) else {
        errors.add(locale, "email", "accounts-login-failed");
        return refill(errors, StatusCode::UNPROCESSABLE_ENTITY, None);
    };
    if user.email_confirmed_at.is_none() {
        // The right password proves it is the owner: send a fresh link rather than a dead end.
        let token =
            store::create_token(&state.db, user.id, TokenPurpose::ConfirmEmail, now).await?;
        let path = format!("/account/confirm/{token}");
        let sent = send_mail(
            &state,
            AccountMail::Confirm,
            user_locale(&user),
            &user.email,
            &user.display_name,
            &path,
        )
        .await;
        let key = if sent {
            "accounts-login-unconfirmed"
        } else {
            "accounts-mail-failed"
        };
        errors.add(locale, "email", key);
        return refill(errors, StatusCode::FORBIDDEN, None);
    }
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let token = store::create_session(&state.db, user.id, agent, now).await?;
    let to = if next.is_empty() { "/" } else { &next };
    let mut response = see_other(to);
    add_cookie(&mut response, &session_cookie(&state, &token));
    add_cookie(&mut response, &lang_cookie(user_locale(&user)));
    Ok(response)
}

async fn logout(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    if let Some(token) = crate::platform::layout::cookie_value(&headers, SESSION_COOKIE) {
        store::delete_session(&state.db, &token).await?;
    }
    let mut response = see_other("/account/login?notice=logged-out");
    add_cookie(&mut response, &clear_session_cookie(&state));
    Ok(response)
}

// ---------------------------------------------------------------------------------------------
// Forgotten password, reset
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ForgotForm {
    email: String,
}

#[derive(Debug, Default)]
struct ForgotValues {
    email: String,
}

#[derive(Template)]
#[template(path = "accounts/forgot.html")]
struct ForgotTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    form: ForgotValues,
    errors: FieldErrors,
    notice: Option<String>,
}

async fn forgot_form(page: Page, Csrf(csrf): Csrf) -> Result<Response, AppError> {
    render(
        StatusCode::OK,
        &ForgotTemplate {
            page: &page,
            csrf: &csrf,
            form: ForgotValues::default(),
            errors: FieldErrors::default(),
            notice: None,
        },
    )
}

async fn forgot(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    ClientIp(ip): ClientIp,
    Form(input): Form<ForgotForm>,
) -> Result<Response, AppError> {
    let locale = page.locale;
    let refill = |errors: FieldErrors, status: StatusCode| {
        render(
            status,
            &ForgotTemplate {
                page: &page,
                csrf: &csrf,
                form: ForgotValues {
                    email: input.email.chars().take(300).collect(),
                },
                errors,
                notice: None,
            },
        )
    };
    let mut errors = FieldErrors::default();
    let email = match Email::parse(&input.email) {
        Ok(e) => e,
        Err(e) => {
            errors.add(locale, "email", email_error_key(e));
            return refill(errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let now = now();
    let ip_limit = over_limit(&state, FORGOT_PER_IP, &ip, now).await?;
    let email_limit = over_limit(&state, FORGOT_PER_EMAIL, email.as_str(), now).await?;
    if let Some(minutes) = ip_limit.max(email_limit) {
        errors.add_text("email", rate_limited_message(locale, minutes));
        return refill(errors, StatusCode::TOO_MANY_REQUESTS);
    }
    if let Some(user) = store::user_by_email(&state.db, &email).await? {
        let token =
            store::create_token(&state.db, user.id, TokenPurpose::ResetPassword, now).await?;
        let path = format!("/account/reset/{token}");
        let sent = send_mail(
            &state,
            AccountMail::Reset,
            user_locale(&user),
            &user.email,
            &user.display_name,
            &path,
        )
        .await;
        if !sent {
            errors.add(locale, "email", "accounts-mail-failed");
            return refill(errors, StatusCode::SERVICE_UNAVAILABLE);
        }
    }
    message(
        &page,
        StatusCode::OK,
        "accounts-check-mail-title",
        &["accounts-forgot-sent", "accounts-check-mail-spam"],
        Some(("/account/login", "accounts-login-title")),
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ResetForm {
    password: String,
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
struct ResetTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    token: &'a str,
    errors: FieldErrors,
    notice: Option<String>,
}

async fn reset_form(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let Some(token) = clean_token(&token) else {
        return link_problem(&page, TokenProblem::Unknown, TokenPurpose::ResetPassword);
    };
    match store::peek_token(&state.db, token, TokenPurpose::ResetPassword, now()).await? {
        Ok(_) => render(
            StatusCode::OK,
            &ResetTemplate {
                page: &page,
                csrf: &csrf,
                token,
                errors: FieldErrors::default(),
                notice: None,
            },
        ),
        Err(p) => link_problem(&page, p, TokenPurpose::ResetPassword),
    }
}

async fn reset(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    Path(token): Path<String>,
    Form(input): Form<ResetForm>,
) -> Result<Response, AppError> {
    let Some(token) = clean_token(&token) else {
        return link_problem(&page, TokenProblem::Unknown, TokenPurpose::ResetPassword);
    };
    let now = now();
    // Check the password before using the link up, so a too-short password can be retried.
    let user_id =
        match store::peek_token(&state.db, token, TokenPurpose::ResetPassword, now).await? {
            Ok(u) => u,
            Err(p) => return link_problem(&page, p, TokenPurpose::ResetPassword),
        };
    let Some(user) = store::user(&state.db, user_id).await? else {
        return link_problem(&page, TokenProblem::Unknown, TokenPurpose::ResetPassword);
    };
    let email = Email::parse(&user.email).map_err(|_| AppError::NotFound)?;
    let password = match NewPassword::parse(&input.password, &email) {
        Ok(p) => p,
        Err(e) => {
            let mut errors = FieldErrors::default();
            errors.add(page.locale, "password", password_error_key(e));
            return render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ResetTemplate {
                    page: &page,
                    csrf: &csrf,
                    token,
                    errors,
                    notice: None,
                },
            );
        }
    };
    let phc = hash_password(password.expose().to_owned()).await?;
    if let Err(p) = store::use_token(&state.db, token, TokenPurpose::ResetPassword, now).await? {
        return link_problem(&page, p, TokenPurpose::ResetPassword);
    }
    store::set_password(&state.db, user.id, &phc).await?;
    store::expire_tokens(&state.db, user.id, TokenPurpose::ResetPassword, now).await?;
    // Following a mailed link proves the address works.
    store::confirm_email(&state.db, user.id, now).await?;
    let mut response = see_other("/account/login?notice=password-changed");
    add_cookie(&mut response, &clear_session_cookie(&state));
    Ok(response)
}

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ProfileForm {
    display_name: String,
    language: String,
    consent: Option<String>,
    sex: String,
    age_group: String,
}

#[derive(Debug, Default)]
struct ProfileValues {
    display_name: String,
    language: String,
    consent: bool,
    sex: String,
    age_group: String,
}

#[derive(Template)]
#[template(path = "accounts/profile.html")]
struct ProfileTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    email: String,
    level: String,
    is_admin: bool,
    roles: Vec<String>,
    residences: Vec<String>,
    form: ProfileValues,
    errors: FieldErrors,
    notice: Option<String>,
    languages: Vec<LanguageOption>,
    sex_options: Vec<SelectOption>,
    age_options: Vec<SelectOption>,
}

async fn profile_page(
    state: &AppState,
    page: &Page,
    csrf: &str,
    user: &User,
    form: ProfileValues,
    feedback: Feedback,
) -> Result<Response, AppError> {
    let Feedback {
        errors,
        notice,
        status,
    } = feedback;
    let locale = page.locale;
    let residences = store::residences_of(&state.db, user.id).await?;
    let level = VerificationLevel::of(user.email_confirmed_at.is_some(), &residences);
    let mut roles = Vec::new();
    for m in store::memberships_of(&state.db, user.id).await? {
        let org = store::organisation_name(&state.db, m.membership.organisation, locale).await?;
        roles.push(format!("{} — {org}", role_label(locale, m.membership.role)));
    }
    let mut places = Vec::new();
    for r in &residences {
        let name = store::territory_name(&state.db, r.territory, locale).await?;
        places.push(page.tr(
            "accounts-residence-line",
            &[
                ("territory", Arg::from(name)),
                ("date", Arg::from(page.date(&r.verified_at))),
                ("evidence", Arg::from(evidence_label(locale, r.evidence))),
            ],
        ));
    }
    render(
        status,
        &ProfileTemplate {
            page,
            csrf,
            email: user.email.clone(),
            level: level_label(locale, level),
            is_admin: user.is_admin,
            roles,
            residences: places,
            form,
            errors,
            notice,
            languages: language_options(),
            sex_options: sex_options(locale),
            age_options: age_options(locale),
        },
    )
}

async fn profile_form(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireUser(me): RequireUser,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::EditOwnProfile)?;
    let user = &me.user;
    let d = user.demographics;
    let form = ProfileValues {
        display_name: user.display_name.clone(),
        language: user.language.code().to_owned(),
        consent: d.is_some(),
        sex: d.and_then(|d| d.sex()).map_or("", |s| s.code()).to_owned(),
        age_group: d
            .and_then(|d| d.age_group())
            .map_or("", |a| a.code())
            .to_owned(),
    };
    let notice = notice_text(&page, q.notice.as_deref());
    profile_page(&state, &page, &csrf, user, form, Feedback::ok(notice)).await
}

async fn profile(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireUser(me): RequireUser,
    Form(input): Form<ProfileForm>,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::EditOwnProfile)?;
    let locale = page.locale;
    let mut errors = FieldErrors::default();
    let name = DisplayName::parse(&input.display_name)
        .map_err(|e| errors.add(locale, "display_name", name_error_key(e)))
        .ok();
    let language = Locale::from_code(input.language.trim());
    if language.is_none() {
        errors.add(locale, "language", "accounts-error-language");
    }
    let consent = input.consent.is_some();
    let now = now();
    let demographics = Demographics::from_form(consent, &input.sex, &input.age_group, now)
        .map_err(|e| {
            let (field, key) = demographics_error(e);
            errors.add(locale, field, key);
        })
        .ok();
    let (Some(name), Some(language), Some(demographics)) = (name, language, demographics) else {
        let form = ProfileValues {
            display_name: input.display_name.chars().take(300).collect(),
            language: input.language.chars().take(10).collect(),
            consent,
            sex: input.sex.chars().take(20).collect(),
            age_group: input.age_group.chars().take(20).collect(),
        };
        return profile_page(
            &state,
            &page,
            &csrf,
            &me.user,
            form,
            Feedback::errors(errors, StatusCode::UNPROCESSABLE_ENTITY),
        )
        .await;
    };
    // Keep the original consent date when the person only edits other fields.
    let demographics = match (demographics, me.user.demographics) {
        (Some(new), Some(old)) => Demographics::new(old.consent(), new.sex(), new.age_group()),
        (new, _) => new,
    };
    store::update_profile(
        &state.db,
        me.user.id,
        &name,
        language,
        demographics.as_ref(),
    )
    .await?;
    let mut response = see_other("/account/profile?notice=saved");
    add_cookie(&mut response, &lang_cookie(language));
    Ok(response)
}

// ---------------------------------------------------------------------------------------------
// Download my data
// ---------------------------------------------------------------------------------------------

async fn download_data(
    State(state): State<AppState>,
    RequireUser(me): RequireUser,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::ExportOwnData)?;
    let data = store::export(&state.db, me.user.id).await?;
    let body = serde_json::to_string_pretty(&data).map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"nousharik-my-data.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

// ---------------------------------------------------------------------------------------------
// Delete my account
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct DeleteForm {
    password: String,
}

#[derive(Template)]
#[template(path = "accounts/delete.html")]
struct DeleteTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    errors: FieldErrors,
    notice: Option<String>,
}

async fn delete_form(
    page: Page,
    Csrf(csrf): Csrf,
    RequireUser(me): RequireUser,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::DeleteOwnAccount)?;
    render(
        StatusCode::OK,
        &DeleteTemplate {
            page: &page,
            csrf: &csrf,
            errors: FieldErrors::default(),
            notice: None,
        },
    )
}

async fn delete(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireUser(me): RequireUser,
    Form(input): Form<DeleteForm>,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::DeleteOwnAccount)?;
    let refuse = |key: &str| {
        let mut errors = FieldErrors::default();
        errors.add(page.locale, "password", key);
        render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeleteTemplate {
                page: &page,
                csrf: &csrf,
                errors,
                notice: None,
            },
        )
    };
    let ok = input.password.chars().count() <= PASSWORD_MAX_CHARS
        && verify_password(input.password.clone(), me.user.password_hash.clone()).await?;
    if !ok {
        return refuse("accounts-delete-wrong-password");
    }
    if me.user.is_admin && store::admin_count(&state.db).await? <= 1 {
        return refuse("accounts-delete-last-admin");
    }
    store::delete_account(&state.db, me.user.id, now()).await?;
    let mut response = message(
        &page,
        StatusCode::OK,
        "accounts-deleted-title",
        &["accounts-deleted"],
        Some(("/", "platform-back-home")),
    )?;
    add_cookie(&mut response, &clear_session_cookie(&state));
    Ok(response)
}
