//! The organiser's pages: creating and editing an event (every field of the model, the
//! registration questions and the pre/post-test questions from the organiser's bank),
//! cancelling it, and uploading its materials and the attachments of its minutes; the public
//! download of those files.
//!
//! Who: the staff or coordinators of the organising organisation, or an administrator
//! (`Action::ManageEvents`). Every change is audited by the store in the same transaction.
//! Refusals re-render the form with what was typed and a translated message on the field.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::mails::{self, About, EventMail};
use super::model::RegistrationPolicy;
use super::model::evaluation::{Question, QuestionError};
use super::model::form::{BLANK_QUESTIONS, MAX_INVITES, check_upload, invite_lines};
use super::model::form::{EventForm, FileError, FormError, MAX_FILE_BYTES, MAX_FILES};
use super::model::registration::RegistrationStatus;
use super::model::{EventDraft, EventKind, EventStatus, MAX_QUESTIONS, ModeKind};
use super::routes::{Fields, load};
use super::store::{self, Event, Placement};
use super::views::EventView;
use crate::platform::ids::{OrganisationId, UserId};
use crate::platform::layout::render;
use crate::platform::permissions::{Action, allowed};
use crate::platform::session::{Csrf, RequireUser, SignedIn};
use crate::platform::{AppError, AppState, Page, now};

/// Routes of the organiser's pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events/new", get(new_page).post(create))
        .route("/events/{id}/edit", get(edit_page).post(update))
        .route("/events/{id}/cancel-event", post(cancel_event))
        .route(
            "/events/{id}/invitations",
            get(invitations_page).post(invite),
        )
        .route(
            "/events/{id}/files",
            // Room for the file and the form's other fields; the file's own size is checked
            // with a translated message.
            post(upload).layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 256 * 1024)),
        )
        .route("/events/{id}/files/{file}", get(download))
        .route("/events/questions", get(bank_page).post(add_to_bank))
}

/// One option of a list.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// A row of registration questions.
struct QuestionRow {
    index: usize,
    label: String,
    required: bool,
}

/// A question of the organiser's bank, offered for the tests.
struct BankRow {
    id: i64,
    prompt: String,
    organiser: String,
    checked: bool,
}

/// The message shown on a field.
struct FieldMessage {
    field: String,
    message: String,
}

#[derive(Template)]
#[template(path = "meetings/form.html")]
struct FormTemplate<'a> {
    page: &'a Page,
    csrf: String,
    heading: String,
    action: String,
    event: Option<EventView>,
    organiser_name: String,
    form: EventForm,
    error: Option<FieldMessage>,
    notice: Option<String>,
    kinds: Vec<Choice>,
    organisers: Vec<Choice>,
    territories: Vec<Choice>,
    modes: Vec<Choice>,
    policies: Vec<Choice>,
    programmes: Vec<String>,
    questions: Vec<QuestionRow>,
    bank: Vec<BankRow>,
    files: Vec<store::EventFile>,
    file_error: Option<String>,
    cancelled: bool,
}

impl FormTemplate<'_> {
    /// The message on `field`, if the form was refused because of it.
    fn err(&self, field: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// ` aria-invalid="true" aria-describedby="err-…"` on the field at fault (field names are
    /// literals of the template, never input).
    fn invalid(&self, field: &str) -> String {
        if self.err(field).is_some() {
            format!(r#" aria-invalid="true" aria-describedby="err-{field}""#)
        } else {
            String::new()
        }
    }
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> String,
    current: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            value: code(*v).to_string(),
            label: label(*v),
            selected: code(*v) == current,
        })
        .collect()
}

/// The organisations whose events `me` may manage, as (id, name in the page's language).
async fn organisers(
    state: &AppState,
    page: &Page,
    me: &SignedIn,
) -> Result<Vec<(i64, String)>, AppError> {
    let all = crate::accounts::store::organisation_choices(&state.db, page.locale).await?;
    let actor = me.actor();
    Ok(all
        .into_iter()
        .filter(|(id, _)| allowed(&actor, &Action::ManageEvents(*id)).is_ok())
        .map(|(id, name)| (id.0, name))
        .collect())
}

/// What the form page needs besides the form itself.
struct Context {
    event: Option<Event>,
    organisers: Vec<(i64, String)>,
    error: Option<FormError>,
    notice: Option<String>,
    file_error: Option<&'static str>,
}

async fn form_html(
    state: &AppState,
    page: &Page,
    csrf: String,
    form: EventForm,
    ctx: Context,
) -> Result<Html<String>, AppError> {
    let lang = page.locale.code();
    let territories = crate::territory::store::all_territories(&state.db)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .into_iter()
        .map(|t| Choice {
            selected: t.code == form.territory,
            label: t.names.get(lang).to_string(),
            value: t.code,
        })
        .collect();
    // The bank of the event's organiser, or of every organisation the person may choose.
    let bank_orgs: Vec<(i64, String)> = match &ctx.event {
        Some(e) => vec![(e.organiser_id, pick(page, &e.organiser_name).to_string())],
        None => ctx.organisers.clone(),
    };
    let mut bank = Vec::new();
    for (org, name) in &bank_orgs {
        for q in store::question_bank(&state.db, *org).await? {
            bank.push(BankRow {
                checked: form.test_questions.contains(&q.id),
                id: q.id,
                prompt: q.prompt,
                organiser: name.clone(),
            });
        }
    }
    let mut questions: Vec<QuestionRow> = form
        .questions
        .iter()
        .enumerate()
        .map(|(index, (label, required))| QuestionRow {
            index,
            label: label.clone(),
            required: *required,
        })
        .collect();
    let filled = questions.len();
    questions.extend(
        (filled..(filled + BLANK_QUESTIONS).min(MAX_QUESTIONS + BLANK_QUESTIONS)).map(|index| {
            QuestionRow {
                index,
                label: String::new(),
                required: false,
            }
        }),
    );
    let (heading, action, files) = match &ctx.event {
        Some(e) => (
            page.t("meetings-edit-event"),
            format!("/events/{}/edit", e.id),
            store::files(&state.db, e.id).await?,
        ),
        None => (page.t("meetings-new-event"), "/events/new".into(), vec![]),
    };
    render(&FormTemplate {
        page,
        csrf,
        heading,
        action,
        organiser_name: ctx
            .event
            .as_ref()
            .map(|e| pick(page, &e.organiser_name).to_string())
            .unwrap_or_default(),
        event: ctx.event.as_ref().map(|e| EventView::of(e, page)),
        cancelled: ctx
            .event
            .as_ref()
            .is_some_and(|e| e.status == EventStatus::Cancelled),
        error: ctx.error.map(|e| FieldMessage {
            field: e.field.to_string(),
            message: page.t(e.key),
        }),
        notice: ctx.notice,
        kinds: choices(
            EventKind::ALL,
            EventKind::code,
            |k| page.t(&format!("meetings-kind-{}", k.code().replace('_', "-"))),
            &form.kind,
        ),
        organisers: ctx
            .organisers
            .iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name.clone(),
                selected: id.to_string() == form.organiser.trim(),
            })
            .collect(),
        territories,
        modes: choices(
            ModeKind::ALL,
            ModeKind::code,
            |m| page.t(&format!("meetings-mode-{}", m.code().replace('_', "-"))),
            &form.mode,
        ),
        policies: choices(
            RegistrationPolicy::ALL,
            RegistrationPolicy::code,
            |p| page.t(&format!("meetings-policy-{}", p.code())),
            &form.policy,
        ),
        programmes: store::programmes(&state.db).await?,
        questions,
        bank,
        files,
        file_error: ctx.file_error.map(|k| page.t(k)),
        form,
    })
}

fn pick<'a>(page: &Page, (ar, fr): &'a (String, String)) -> &'a str {
    if page.locale.is_rtl() {
        ar.as_str()
    } else {
        fr.as_str()
    }
}

fn refused(html: Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
}

/// The territory chosen on the form, with the validated draft.
async fn checked(
    state: &AppState,
    form: &EventForm,
) -> Result<Result<(i64, EventDraft), FormError>, AppError> {
    let territory = match form.territory.as_str() {
        "" => None,
        code => crate::territory::store::territory_by_code(&state.db, code)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?,
    };
    let Some(territory) = territory else {
        return Ok(Err(FormError::new(
            "territory",
            "meetings-error-unknown-territory",
        )));
    };
    Ok(form.draft().map(|d| (territory.id, d)))
}

#[derive(Debug, Deserialize, Default)]
struct DoneQuery {
    done: Option<String>,
}

/// Notices the form page may show after a redirect.
const NOTICES: &[&str] = &["meetings-notice-event-saved", "meetings-notice-file-added"];

fn notice_of(page: &Page, q: &DoneQuery) -> Option<String> {
    q.done
        .as_deref()
        .and_then(|k| NOTICES.iter().find(|n| **n == k))
        .map(|k| page.t(k))
}

// ---------------------------------------------------------------------------------------------
// New event
// ---------------------------------------------------------------------------------------------

async fn new_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
) -> Result<Html<String>, AppError> {
    let organisers = organisers(&state, &page, &me).await?;
    if organisers.is_empty() {
        return Err(AppError::Forbidden);
    }
    let mut form = EventForm::blank();
    if let [(only, _)] = organisers.as_slice() {
        form.organiser = only.to_string();
    }
    let ctx = Context {
        event: None,
        organisers,
        error: None,
        notice: None,
        file_error: None,
    };
    form_html(&state, &page, csrf, form, ctx).await
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisers = organisers(&state, &page, &me).await?;
    if organisers.is_empty() {
        return Err(AppError::Forbidden);
    }
    let form = EventForm::from_fields(&fields);
    let organiser = form.organiser.trim().parse::<i64>().ok();
    if let Some(o) = organiser
        && allowed(&me.actor(), &Action::ManageEvents(OrganisationId(o))).is_err()
    {
        // An organisation the person does not work for: not a typing mistake.
        return Err(AppError::Forbidden);
    }
    let result = match organiser.filter(|o| organisers.iter().any(|(id, _)| id == o)) {
        None => Err(FormError::new(
            "organiser",
            "meetings-error-choose-organiser",
        )),
        Some(org) => checked(&state, &form).await?.map(|(t, d)| (org, t, d)),
    };
    let (org, territory, draft) = match result {
        Ok(ok) => ok,
        Err(error) => {
            let ctx = Context {
                event: None,
                organisers,
                error: Some(error),
                notice: None,
                file_error: None,
            };
            return Ok(refused(form_html(&state, &page, csrf, form, ctx).await?));
        }
    };
    let by = UserId(me.user.id.0);
    let place = Placement {
        organiser_id: org,
        territory_id: territory,
        demo: false,
    };
    let id = store::create_event(&state.db, place, &draft, Some(by), now()).await?;
    if !form.test_questions.is_empty() {
        store::set_event_questions(&state.db, id, &form.test_questions, Some(by)).await?;
    }
    Ok(Redirect::to(&format!("/events/{id}?done=meetings-notice-event-saved")).into_response())
}

// ---------------------------------------------------------------------------------------------
// Edit, cancel
// ---------------------------------------------------------------------------------------------

/// The event, once `me` is known to manage it.
async fn managed(state: &AppState, me: &SignedIn, id: i64) -> Result<Event, AppError> {
    let e = load(state, id).await?;
    allowed(
        &me.actor(),
        &Action::ManageEvents(OrganisationId(e.organiser_id)),
    )
    .map_err(|_| AppError::Forbidden)?;
    Ok(e)
}

async fn current_form(state: &AppState, e: &Event) -> Result<EventForm, AppError> {
    let tests = store::event_questions(&state.db, e.id)
        .await?
        .iter()
        .map(|q| q.id)
        .collect();
    Ok(EventForm::of(
        &e.draft,
        e.organiser_id,
        &e.territory_code,
        tests,
    ))
}

async fn edit_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let e = managed(&state, &me, id).await?;
    let form = current_form(&state, &e).await?;
    let ctx = Context {
        notice: notice_of(&page, &q),
        event: Some(e),
        organisers: vec![],
        error: None,
        file_error: None,
    };
    form_html(&state, &page, csrf, form, ctx).await
}

async fn update(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = managed(&state, &me, id).await?;
    if e.status == EventStatus::Cancelled {
        return Err(AppError::Conflict("meetings-error-event-cancelled"));
    }
    let mut form = EventForm::from_fields(&fields);
    form.organiser = e.organiser_id.to_string();
    let (territory, draft) = match checked(&state, &form).await? {
        Ok(ok) => ok,
        Err(error) => {
            let ctx = Context {
                event: Some(e),
                organisers: vec![],
                error: Some(error),
                notice: None,
                file_error: None,
            };
            return Ok(refused(form_html(&state, &page, csrf, form, ctx).await?));
        }
    };
    let by = UserId(me.user.id.0);
    let promoted = store::update_event(&state.db, id, territory, &draft, by, now()).await?;
    if !promoted.is_empty() {
        let e = load(&state, id).await?;
        if let Err(err) = mails::promoted(&state, &e, &promoted).await {
            tracing::error!(error = %err, event = id, "promotion mails not sent");
        }
    }
    let before: Vec<i64> = store::event_questions(&state.db, id)
        .await?
        .iter()
        .map(|q| q.id)
        .collect();
    if before != form.test_questions {
        store::set_event_questions(&state.db, id, &form.test_questions, Some(by)).await?;
    }
    Ok(Redirect::to(&format!("/events/{id}?done=meetings-notice-event-saved")).into_response())
}

async fn cancel_event(
    State(state): State<AppState>,
    RequireUser(me): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let e = managed(&state, &me, id).await?;
    if e.status == EventStatus::Cancelled {
        return Err(AppError::Conflict("meetings-error-event-cancelled"));
    }
    store::cancel_event(&state.db, id, UserId(me.user.id.0), now()).await?;
    // Everyone registered or waiting hears of it in their language.
    if let Err(err) = mails::event_cancelled(&state, &e).await {
        tracing::error!(error = %err, event = id, "cancellation mails not sent");
    }
    Ok(Redirect::to(&format!(
        "/events/{id}?done=meetings-notice-event-cancelled"
    ))
    .into_response())
}

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

/// A person invited, as listed.
struct InviteeRow {
    name: String,
    email: String,
    invited: String,
    status: String,
    status_code: &'static str,
}

#[derive(Template)]
#[template(path = "meetings/invitations.html")]
struct InvitationsTemplate<'a> {
    page: &'a Page,
    csrf: String,
    event: EventView,
    /// Registration is on invitation and the event not cancelled: the form is offered.
    open: bool,
    /// Why the form is not offered.
    closed_reason: Option<String>,
    addresses: String,
    error: Option<String>,
    malformed: Vec<String>,
    unknown: Vec<String>,
    notice: Option<String>,
    invited: Vec<InviteeRow>,
}

/// What became of the addresses of one submission.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct InviteOutcome {
    /// Accounts found (id, address as typed), once each.
    pub found: Vec<(UserId, String)>,
    /// Lines that are not an e-mail address, as typed.
    pub malformed: Vec<String>,
    /// Addresses with no live account, as typed.
    pub unknown: Vec<String>,
}

async fn sort_addresses(state: &AppState, lines: &[String]) -> Result<InviteOutcome, AppError> {
    let mut out = InviteOutcome::default();
    for line in lines {
        match crate::accounts::model::Email::parse(line) {
            Err(_) => out.malformed.push(line.clone()),
            Ok(email) => match crate::accounts::store::user_by_email(&state.db, &email).await? {
                None => out.unknown.push(line.clone()),
                Some(u) => {
                    if !out.found.iter().any(|(id, _)| *id == u.id) {
                        out.found.push((u.id, line.clone()));
                    }
                }
            },
        }
    }
    Ok(out)
}

struct InviteForm {
    addresses: String,
    error: Option<&'static str>,
    malformed: Vec<String>,
    unknown: Vec<String>,
    notice: Option<String>,
}

async fn invitations_html(
    state: &AppState,
    page: &Page,
    csrf: String,
    e: &Event,
    form: InviteForm,
) -> Result<Html<String>, AppError> {
    let closed_reason = if e.status == EventStatus::Cancelled {
        Some(page.t("meetings-cancelled"))
    } else if e.draft.policy != RegistrationPolicy::Invitation {
        Some(page.t("meetings-invite-not-invitation"))
    } else {
        None
    };
    let invited = store::invitations(&state.db, e.id)
        .await?
        .into_iter()
        .map(|i| InviteeRow {
            name: i.name,
            email: i.email,
            invited: page.datetime(&i.invited_at),
            status: match i.status {
                Some(s) => page.t(&format!("meetings-status-{}", s.code())),
                None => page.t("meetings-invite-not-registered"),
            },
            status_code: i.status.map_or("none", RegistrationStatus::code),
        })
        .collect();
    render(&InvitationsTemplate {
        page,
        csrf,
        event: EventView::of(e, page),
        open: closed_reason.is_none(),
        closed_reason,
        addresses: form.addresses,
        error: form.error.map(|k| page.t(k)),
        malformed: form.malformed,
        unknown: form.unknown,
        notice: form.notice,
        invited,
    })
}

#[derive(Debug, Deserialize, Default)]
struct InvitedQuery {
    sent: Option<usize>,
}

async fn invitations_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Query(q): Query<InvitedQuery>,
) -> Result<Html<String>, AppError> {
    let e = managed(&state, &me, id).await?;
    let form = InviteForm {
        addresses: String::new(),
        error: None,
        malformed: vec![],
        unknown: vec![],
        notice: q
            .sent
            .map(|n| page.tr("meetings-notice-invitations-sent", &[("count", n.into())])),
    };
    invitations_html(&state, &page, csrf, &e, form).await
}

async fn invite(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = managed(&state, &me, id).await?;
    if e.status == EventStatus::Cancelled {
        return Err(AppError::Conflict("meetings-error-event-cancelled"));
    }
    if e.draft.policy != RegistrationPolicy::Invitation {
        return Err(AppError::Conflict("meetings-invite-not-invitation"));
    }
    let typed = fields
        .iter()
        .find(|(k, _)| k == "addresses")
        .map_or(String::new(), |(_, v)| v.clone());
    let lines = invite_lines(&typed);
    let refuse = |key: &'static str| InviteForm {
        addresses: typed.clone(),
        error: Some(key),
        malformed: vec![],
        unknown: vec![],
        notice: None,
    };
    if lines.is_empty() {
        let html =
            invitations_html(&state, &page, csrf, &e, refuse("meetings-invite-empty")).await?;
        return Ok(refused(html));
    }
    if lines.len() > MAX_INVITES {
        let html =
            invitations_html(&state, &page, csrf, &e, refuse("meetings-invite-too-many")).await?;
        return Ok(refused(html));
    }
    let outcome = sort_addresses(&state, &lines).await?;
    // Everyone found is invited (once: the store ignores a repeat) and receives the mail.
    let by = UserId(me.user.id.0);
    let about = About::of(&state, &e);
    let mut mails_out = Vec::new();
    for (user, _) in &outcome.found {
        store::invite(&state.db, id, *user, by, now()).await?;
        if let Some(u) = crate::accounts::store::user(&state.db, *user).await? {
            mails_out.push(mails::build(
                EventMail::Invitation,
                mails::locale_of(u.language.code()),
                &u.email,
                &u.display_name,
                &about,
                None,
            ));
        }
    }
    crate::platform::mail::send_logged(&state, &mails_out).await;
    let sent = outcome.found.len();
    if outcome.malformed.is_empty() && outcome.unknown.is_empty() {
        return Ok(Redirect::to(&format!("/events/{id}/invitations?sent={sent}")).into_response());
    }
    // Some lines could not be used: they stay in the box, as typed, each one named.
    let kept: Vec<String> = outcome
        .malformed
        .iter()
        .chain(&outcome.unknown)
        .cloned()
        .collect();
    let form = InviteForm {
        addresses: kept.join("\n"),
        error: Some("meetings-invite-some-refused"),
        malformed: outcome.malformed,
        unknown: outcome.unknown,
        notice: (sent > 0).then(|| {
            page.tr(
                "meetings-notice-invitations-sent",
                &[("count", sent.into())],
            )
        }),
    };
    let html = invitations_html(&state, &page, csrf, &e, form).await?;
    Ok(refused(html))
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/// The uploaded file (name, bytes) and its purpose; `TooBig` as soon as it passes the limit.
async fn read_upload(
    multipart: &mut Multipart,
) -> Result<(Option<(String, Vec<u8>)>, String), FileError> {
    let mut file = None;
    let mut purpose = String::new();
    loop {
        let part = match multipart.next_field().await {
            Ok(Some(p)) => p,
            Ok(None) => break,
            // A body cut by the size limit.
            Err(_) => return Err(FileError::TooBig),
        };
        match part.name() {
            Some("purpose") => purpose = part.text().await.unwrap_or_default(),
            Some("file") => {
                let name = part.file_name().unwrap_or_default().to_string();
                let mut part = part;
                let mut bytes = Vec::new();
                loop {
                    match part.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                                return Err(FileError::TooBig);
                            }
                            bytes.extend_from_slice(&chunk);
                        }
                        Ok(None) => break,
                        Err(_) => return Err(FileError::TooBig),
                    }
                }
                file = Some((name, bytes));
            }
            _ => {}
        }
    }
    Ok((file, purpose))
}

async fn upload(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let e = managed(&state, &me, id).await?;
    let result = match read_upload(&mut multipart).await {
        Err(err) => Err(err),
        Ok((None, _)) => Err(FileError::Empty),
        Ok((Some((name, bytes)), purpose)) => {
            let count = store::files(&state.db, id).await?.len();
            let purpose = if purpose == "minutes" {
                "minutes"
            } else {
                "material"
            };
            if count >= MAX_FILES {
                Err(FileError::TooMany)
            } else {
                match check_upload(&name, &bytes) {
                    Ok(ok) => Ok((ok, bytes, purpose)),
                    Err(err) => Err(err),
                }
            }
        }
    };
    match result {
        Ok((file, bytes, purpose)) => {
            store::add_file(
                &state.db,
                id,
                purpose,
                &file.file_name,
                file.content_type,
                bytes,
                UserId(me.user.id.0),
                now(),
            )
            .await?;
            Ok(Redirect::to(&format!(
                "/events/{id}/edit?done=meetings-notice-file-added#files"
            ))
            .into_response())
        }
        Err(err) => {
            let form = current_form(&state, &e).await?;
            let ctx = Context {
                event: Some(e),
                organisers: vec![],
                error: None,
                notice: None,
                file_error: Some(err.key()),
            };
            let html = form_html(&state, &page, csrf, form, ctx).await?;
            let status = if err == FileError::TooBig {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Ok((status, html).into_response())
        }
    }
}

async fn download(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (meta, bytes) = store::file(&state.db, id, file)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&meta.content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    let ascii: String = meta
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        urlencoding::encode(&meta.file_name)
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// Question bank
// ---------------------------------------------------------------------------------------------

/// Most choices a bank question may have (as `Question::new` checks).
const MAX_CHOICES: usize = 6;

/// A question of a bank as listed: prompt and choices (text, right one).
struct BankQuestion {
    prompt: String,
    choices: Vec<(String, bool)>,
}

/// The bank of one organisation.
struct BankView {
    organiser: String,
    questions: Vec<BankQuestion>,
}

/// A choice row of the add form: index, what was typed, marked as the right one.
struct ChoiceRow {
    index: usize,
    value: String,
    correct: bool,
}

#[derive(Template)]
#[template(path = "meetings/bank.html")]
struct BankTemplate<'a> {
    page: &'a Page,
    csrf: String,
    organisers: Vec<Choice>,
    banks: Vec<BankView>,
    prompt: String,
    choices: Vec<ChoiceRow>,
    error: Option<String>,
    notice: Option<String>,
}

/// The add form as typed.
#[derive(Default)]
struct BankForm {
    organiser: String,
    prompt: String,
    choices: Vec<String>,
    correct: Option<usize>,
}

async fn bank_html(
    state: &AppState,
    page: &Page,
    csrf: String,
    organisers: &[(i64, String)],
    typed: &BankForm,
    error: Option<&'static str>,
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    let mut banks = Vec::new();
    for (org, name) in organisers {
        let questions = store::question_bank(&state.db, *org)
            .await?
            .into_iter()
            .map(|q| BankQuestion {
                prompt: q.prompt,
                choices: q
                    .choices
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| (c, i == q.correct))
                    .collect(),
            })
            .collect();
        banks.push(BankView {
            organiser: name.clone(),
            questions,
        });
    }
    render(&BankTemplate {
        page,
        csrf,
        organisers: organisers
            .iter()
            .map(|(id, name)| Choice {
                value: id.to_string(),
                label: name.clone(),
                selected: id.to_string() == typed.organiser.trim() || organisers.len() == 1,
            })
            .collect(),
        banks,
        prompt: typed.prompt.clone(),
        choices: (0..MAX_CHOICES)
            .map(|index| ChoiceRow {
                index,
                value: typed.choices.get(index).cloned().unwrap_or_default(),
                correct: typed.correct == Some(index),
            })
            .collect(),
        error: error.map(|k| page.t(k)),
        notice,
    })
}

async fn bank_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let organisers = organisers(&state, &page, &me).await?;
    if organisers.is_empty() {
        return Err(AppError::Forbidden);
    }
    let notice = q
        .done
        .as_deref()
        .filter(|k| *k == "meetings-notice-question-added")
        .map(|k| page.t(k));
    bank_html(
        &state,
        &page,
        csrf,
        &organisers,
        &BankForm::default(),
        None,
        notice,
    )
    .await
}

/// The question as typed: blank choice rows are dropped and the right answer is counted among
/// the choices that remain.
fn typed_question(form: &BankForm) -> Result<Question, QuestionError> {
    let chosen = form.correct.ok_or(QuestionError::Correct)?;
    if form.choices.get(chosen).is_none_or(|c| c.trim().is_empty()) {
        return Err(QuestionError::Correct);
    }
    let before = form.choices[..chosen]
        .iter()
        .filter(|c| !c.trim().is_empty())
        .count();
    Question::new(0, &form.prompt, &form.choices, before)
}

async fn add_to_bank(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisers = organisers(&state, &page, &me).await?;
    if organisers.is_empty() {
        return Err(AppError::Forbidden);
    }
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let typed = BankForm {
        organiser: get("organiser"),
        prompt: get("prompt"),
        choices: (0..MAX_CHOICES)
            .map(|i| get(&format!("choice_{i}")))
            .collect(),
        correct: get("correct").trim().parse().ok(),
    };
    let organiser = typed.organiser.trim().parse::<i64>().ok();
    if let Some(o) = organiser
        && allowed(&me.actor(), &Action::ManageEvents(OrganisationId(o))).is_err()
    {
        return Err(AppError::Forbidden);
    }
    let org = organiser.filter(|o| organisers.iter().any(|(id, _)| id == o));
    let result = match org {
        None => Err("meetings-error-choose-organiser"),
        Some(org) => typed_question(&typed)
            .map(|q| (org, q))
            .map_err(QuestionError::key),
    };
    match result {
        Ok((org, q)) => {
            store::add_question(&state.db, org, &q, Some(UserId(me.user.id.0)), now()).await?;
            Ok(
                Redirect::to("/events/questions?done=meetings-notice-question-added")
                    .into_response(),
            )
        }
        Err(key) => {
            let html = bank_html(&state, &page, csrf, &organisers, &typed, Some(key), None).await?;
            Ok(refused(html))
        }
    }
}
