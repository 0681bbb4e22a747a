//! `/admin` (the administration home) and `/admin/audit` (browse the audit log, newest first,
//! by pages or by subject; check the whole hash chain on request).

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::platform::AppState;
use crate::platform::audit::{self, ChainError, Entry, VerifyError};
use crate::platform::error::AppError;
use crate::platform::i18n::Arg;
use crate::platform::layout::{self, Page};
use crate::platform::permissions::{Action, allowed};
use crate::platform::session::RequireAdmin;

/// Entries per page of the audit log.
const PAGE_SIZE: i64 = 50;
/// Longest subject filter accepted (subjects are short keys like `petition:12`).
const MAX_SUBJECT: usize = 200;

/// The administration routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(home))
        .route("/admin/audit", get(audit_log))
        .route("/admin/audit/verify", get(verify_chain))
}

/// One tool on the administration home: the page and the message keys of its title and
/// description.
#[derive(Debug, Clone, Copy)]
pub struct AdminLink {
    /// Path of the admin page.
    pub href: &'static str,
    /// Message key of its title.
    pub title: &'static str,
    /// Message key of its one-line description.
    pub text: &'static str,
}

/// The tools listed on `/admin`. A module adds its admin pages here when they exist.
pub const ADMIN_LINKS: &[AdminLink] = &[
    AdminLink {
        href: "/admin/users",
        title: "admin-link-users",
        text: "admin-link-users-text",
    },
    AdminLink {
        href: "/admin/territory",
        title: "territory-admin-title",
        text: "territory-admin-intro",
    },
    AdminLink {
        href: "/petitions/rules",
        title: "petitions-rules-title",
        text: "petitions-rules-lead",
    },
    AdminLink {
        href: "/staff/residents",
        title: "admin-link-residents",
        text: "admin-link-residents-text",
    },
    AdminLink {
        href: "/admin/audit",
        title: "admin-link-audit",
        text: "admin-link-audit-text",
    },
];

#[derive(Template)]
#[template(path = "admin/index.html")]
struct HomeTemplate<'a> {
    page: &'a Page,
    links: &'static [AdminLink],
    entries: i64,
}

async fn home(
    State(state): State<AppState>,
    page: Page,
    RequireAdmin(me): RequireAdmin,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::ViewAuditLog)?;
    let entries = audit::list(&state.db, None, 1)
        .await?
        .first()
        .map_or(0, |e| e.id);
    render(&HomeTemplate {
        page: &page,
        links: ADMIN_LINKS,
        entries,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AuditQuery {
    /// Show entries with ids below this one (the next page).
    before: String,
    /// Show every entry about this subject instead.
    subject: String,
}

/// One entry as shown.
struct Row {
    id: i64,
    at: String,
    actor: String,
    action: String,
    subject: String,
    details: String,
}

impl Row {
    fn new(page: &Page, e: &Entry) -> Row {
        Row {
            id: e.id,
            at: page.datetime(&e.at),
            actor: e.actor.clone(),
            action: e.action.clone(),
            subject: e.subject.clone(),
            details: e.details.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditTemplate<'a> {
    page: &'a Page,
    subject: String,
    rows: Vec<Row>,
    next: Option<String>,
    /// A message key when the query could not be used as typed.
    notice: Option<&'static str>,
}

async fn audit_log(
    State(state): State<AppState>,
    page: Page,
    RequireAdmin(me): RequireAdmin,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::ViewAuditLog)?;
    let subject = query.subject.trim().to_string();
    let before = query.before.trim();
    let mut notice = None;
    if subject.chars().count() > MAX_SUBJECT {
        return render_audit(
            &page,
            subject,
            vec![],
            None,
            Some("admin-audit-subject-too-long"),
        );
    }
    let (entries, next) = if !subject.is_empty() {
        (audit::for_subject(&state.db, &subject).await?, None)
    } else {
        let before = match before {
            "" => None,
            b => match b.parse::<i64>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    notice = Some("admin-audit-bad-page");
                    None
                }
            },
        };
        let mut entries = audit::list(&state.db, before, PAGE_SIZE + 1).await?;
        let more = entries.len() as i64 > PAGE_SIZE;
        entries.truncate(PAGE_SIZE as usize);
        let next = more
            .then(|| {
                entries
                    .last()
                    .map(|e| format!("/admin/audit?before={}", e.id))
            })
            .flatten();
        (entries, next)
    };
    let rows = entries.iter().map(|e| Row::new(&page, e)).collect();
    render_audit(&page, subject, rows, next, notice)
}

fn render_audit(
    page: &Page,
    subject: String,
    rows: Vec<Row>,
    next: Option<String>,
    notice: Option<&'static str>,
) -> Result<Response, AppError> {
    let status = if notice.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let html = layout::render(&AuditTemplate {
        page,
        subject,
        rows,
        next,
        notice,
    })?;
    Ok((status, html).into_response())
}

#[derive(Template)]
#[template(path = "admin/verify.html")]
struct VerifyTemplate<'a> {
    page: &'a Page,
    /// The outcome, already translated.
    outcome: String,
    ok: bool,
    last_hash: Option<String>,
}

async fn verify_chain(
    State(state): State<AppState>,
    page: Page,
    RequireAdmin(me): RequireAdmin,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::ViewAuditLog)?;
    let (outcome, ok, last_hash) = match audit::verify(&state.db).await {
        Ok(v) => (
            page.tr("admin-verify-ok", &[("count", Arg::from(v.count))]),
            true,
            Some(v.last_hash),
        ),
        Err(VerifyError::Chain(e)) => (page.tr(broken_key(&e), &broken_args(&e)), false, None),
        Err(VerifyError::Db(e)) => return Err(e.into()),
    };
    render(&VerifyTemplate {
        page: &page,
        outcome,
        ok,
        last_hash,
    })
}

/// The message saying how the chain is broken, naming the first bad entry.
fn broken_key(e: &ChainError) -> &'static str {
    match e {
        ChainError::Altered { .. } => "admin-verify-altered",
        ChainError::Missing { .. } => "admin-verify-missing",
        ChainError::Unlinked { .. } => "admin-verify-unlinked",
    }
}

fn broken_args(e: &ChainError) -> Vec<(&'static str, Arg<'static>)> {
    match *e {
        ChainError::Altered { id } | ChainError::Unlinked { id } => vec![("id", Arg::from(id))],
        ChainError::Missing { id, from, to } => vec![
            ("id", Arg::from(id)),
            ("from", Arg::from(from)),
            ("to", Arg::from(to)),
        ],
    }
}

fn render<T: Template>(t: &T) -> Result<Response, AppError> {
    Ok(layout::render(t)?.into_response())
}
