//! HTTP of the meetings module: event list and page, registration (works without
//! JavaScript), my registrations, check-in at the door, walk-ins, minutes, tests, satisfaction,
//! certificates and their public verification, calendars, JSON, the dashboard and its CSV.
//!
//! Every change asks `platform::permissions` first and is audited by the store; refusals are
//! translated messages on the page the person was on, with what they typed kept.

use askama::Template;
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use super::calendar;
use super::certificates;
use super::model::RegistrationPolicy;
use super::model::attendance::{ActorType, Profile};
use super::model::dashboard::{self, Dashboard};
use super::model::evaluation::{Question, SATISFACTION_FIELDS, Satisfaction, TestPhase};
use super::model::registration::RegistrationStatus;
use super::qr;
use super::store::{self, Event, EventFilter, Identify, NewRegistration, StoreError};
use super::views::{EventView, RegistrationView};
use crate::accounts::model::{AgeGroup, Sex};
use crate::platform::chart::{Bar, BarChart};
use crate::platform::ids::{OrganisationId, UserId};
use crate::platform::layout::render;
use crate::platform::permissions::{Action, allowed};
use crate::platform::session::{Csrf, CurrentUser, RequireUser, SignedIn};
use crate::platform::{AppError, AppState, Page, now};

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Db(e) => AppError::Db(e),
            other => match other.key() {
                Some(key) => AppError::Conflict(key),
                None => AppError::Internal(anyhow::anyhow!("{other}")),
            },
        }
    }
}

/// Routes of the module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events", get(index))
        .route("/events.json", get(events_json))
        .route("/events.ics", get(all_ics))
        .route("/events/mine", get(mine))
        .route("/events/dashboard", get(dashboard_page))
        .route("/events/dashboard.csv", get(dashboard_csv))
        .route("/territories/{code}/events.ics", get(territory_ics))
        .route("/events/{id}", get(event_page))
        .route("/events/{id}/event.ics", get(event_ics))
        .route("/events/{id}/register", axum::routing::post(register))
        .route("/events/{id}/cancel", axum::routing::post(cancel))
        .route("/events/{id}/check-in", get(check_in_page).post(check_in))
        .route("/events/{id}/walk-in", axum::routing::post(walk_in))
        .route("/events/{id}/minutes", axum::routing::post(minutes))
        .route(
            "/events/{id}/test/{phase}",
            get(test_page).post(test_submit),
        )
        .route(
            "/events/{id}/satisfaction",
            get(satisfaction_page).post(satisfaction_submit),
        )
        .route("/events/{id}/certificate.pdf", get(certificate_pdf))
        .route("/certificates/verify", get(verify_page))
        .merge(super::manage::routes())
}

/// A submitted form, as pairs (repeated names kept).
pub(super) type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// The event, or 404.
pub(super) async fn load(state: &AppState, id: i64) -> Result<Event, AppError> {
    store::event(&state.db, id).await?.ok_or(AppError::NotFound)
}

fn may_manage(user: &CurrentUser, e: &Event) -> bool {
    allowed(
        &user.actor(),
        &Action::ManageEvents(OrganisationId(e.organiser_id)),
    )
    .is_ok()
}

fn require(user: &SignedIn, action: Action) -> Result<(), AppError> {
    allowed(&user.actor(), &action).map_err(|_| AppError::Forbidden)
}

// ---------------------------------------------------------------------------------------------
// List, JSON, calendars
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Deserialize, Default)]
struct ListQuery {
    programme: Option<String>,
    territory: Option<String>,
}

async fn filter_of(state: &AppState, q: &ListQuery) -> Result<EventFilter, AppError> {
    let mut f = EventFilter {
        programme: q.programme.clone().filter(|p| !p.is_empty()),
        ..Default::default()
    };
    if let Some(code) = q.territory.as_deref().filter(|c| !c.is_empty()) {
        let t = crate::territory::store::territory_by_code(&state.db, code)
            .await?
            .ok_or(AppError::NotFound)?;
        f.territories = Some(crate::territory::store::subtree_ids(&state.db, t.id).await?);
    }
    Ok(f)
}

#[derive(Template)]
#[template(path = "meetings/index.html")]
struct IndexTemplate<'a> {
    page: &'a Page,
    upcoming: Vec<EventView>,
    past: Vec<EventView>,
    programmes: Vec<String>,
    programme: String,
    territory: String,
    ics_href: String,
    can_create: bool,
}

async fn index(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let filter = filter_of(&state, &q).await?;
    let events = store::events(&state.db, &filter).await?;
    let t = now();
    let (upcoming, past): (Vec<_>, Vec<_>) = events.iter().partition(|e| e.draft.ends_at > t);
    let territory = q.territory.clone().unwrap_or_default();
    // The link to the event form, for the staff of an organisation (or an administrator).
    let actor = user.actor();
    let can_create = user.0.as_ref().is_some_and(|s| {
        s.actor.is_admin
            || s.actor
                .memberships
                .iter()
                .any(|m| allowed(&actor, &Action::ManageEvents(m.organisation)).is_ok())
    });
    render(&IndexTemplate {
        page: &page,
        can_create,
        upcoming: upcoming.iter().map(|e| EventView::of(e, &page)).collect(),
        past: past.iter().rev().map(|e| EventView::of(e, &page)).collect(),
        programmes: store::programmes(&state.db).await?,
        programme: q.programme.clone().unwrap_or_default(),
        ics_href: if territory.is_empty() {
            "/events.ics".into()
        } else {
            format!(
                "/territories/{}/events.ics",
                urlencoding::encode(&territory)
            )
        },
        territory,
    })
}

async fn events_json(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let filter = filter_of(&state, &q).await?;
    let events = store::events(&state.db, &filter).await?;
    let base = state.config.base_url.trim_end_matches('/');
    let list: Vec<serde_json::Value> = events
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id,
                "url": format!("{base}/events/{}", e.id),
                "kind": e.draft.kind.code(),
                "title": e.draft.title,
                "programme": e.draft.programme,
                "organiser": { "id": e.organiser_id, "name_ar": e.organiser_name.0, "name_fr": e.organiser_name.1 },
                "territory": { "code": e.territory_code, "name_ar": e.territory_name.0, "name_fr": e.territory_name.1 },
                "starts_at": rfc3339(e.draft.starts_at),
                "ends_at": rfc3339(e.draft.ends_at),
                "mode": e.draft.mode,
                "capacity": e.draft.capacity,
                "registration_policy": e.draft.policy.code(),
                "status": e.status.code(),
                "demo": e.demo,
            })
        })
        .collect();
    Ok(axum::Json(serde_json::json!({ "events": list })).into_response())
}

fn rfc3339(ts: i64) -> String {
    jiff::Timestamp::from_second(ts).map_or_else(|_| String::new(), |t| t.to_string())
}

fn ics_response(body: String, file: &str) -> Response {
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{file}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

async fn all_ics(State(state): State<AppState>) -> Result<Response, AppError> {
    let events = store::events(&state.db, &EventFilter::default()).await?;
    Ok(ics_response(
        calendar::feed("Nousharik", &events, &state.config.base_url),
        "events.ics",
    ))
}

async fn territory_ics(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let filter = filter_of(
        &state,
        &ListQuery {
            territory: Some(code.clone()),
            programme: None,
        },
    )
    .await?;
    let events = store::events(&state.db, &filter).await?;
    Ok(ics_response(
        calendar::feed(
            &format!("Nousharik – {code}"),
            &events,
            &state.config.base_url,
        ),
        "events.ics",
    ))
}

async fn event_ics(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    Ok(ics_response(
        calendar::feed(
            &e.draft.title,
            std::slice::from_ref(&e),
            &state.config.base_url,
        ),
        &format!("event-{id}.ics"),
    ))
}

// ---------------------------------------------------------------------------------------------
// Event page and registration
// ---------------------------------------------------------------------------------------------

/// A registration question with what was typed.
struct QuestionField {
    name: String,
    label: String,
    required: bool,
    value: String,
}

#[derive(Template)]
#[template(path = "meetings/event.html")]
struct EventTemplate<'a> {
    page: &'a Page,
    event: EventView,
    description: String,
    agenda: Vec<String>,
    speakers: Vec<String>,
    places: String,
    policy: String,
    registration_open: bool,
    not_invited: bool,
    invitation: bool,
    signed_in: bool,
    csrf: String,
    error: Option<String>,
    questions: Vec<QuestionField>,
    actor_types: Vec<(&'static str, String)>,
    actor_type: String,
    mine: Option<RegistrationView>,
    qr_svg: String,
    can_cancel: bool,
    has_tests: bool,
    certificate_offered: bool,
    attended: bool,
    manage: bool,
    minutes: Option<store::Minutes>,
    files: Vec<store::EventFile>,
    minutes_files: Vec<store::EventFile>,
    notice: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
struct EventQuery {
    done: Option<String>,
}

/// Messages a redirect may name (anything else is ignored).
const NOTICES: &[&str] = &[
    "meetings-notice-registered",
    "meetings-notice-waiting",
    "meetings-notice-cancelled",
    "meetings-notice-test-saved",
    "meetings-notice-satisfaction-saved",
    "meetings-notice-event-saved",
    "meetings-notice-event-cancelled",
];

async fn event_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Query(q): Query<EventQuery>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    let notice = q
        .done
        .as_deref()
        .and_then(|k| NOTICES.iter().find(|n| **n == k))
        .map(|k| page.t(k));
    let html = event_html(&state, &page, &user, csrf, &e, None, &[], "", notice).await?;
    Ok(html.into_response())
}

#[allow(clippy::too_many_arguments)]
async fn event_html(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    csrf: String,
    e: &Event,
    error: Option<String>,
    answers: &[String],
    actor_type: &str,
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    let t = now();
    let mine = match &user.0 {
        Some(s) => store::registration_of(&state.db, e.id, UserId(s.user.id.0)).await?,
        None => None,
    };
    let live = mine
        .as_ref()
        .filter(|r| r.status != RegistrationStatus::Cancelled);
    let confirmed = store::registrations_of_event(&state.db, e.id)
        .await?
        .iter()
        .filter(|r| r.status == RegistrationStatus::Confirmed)
        .count() as i64;
    let places = match e.draft.capacity {
        Some(cap) => page.tr(
            "meetings-places-left",
            &[
                ("left", (cap - confirmed).max(0).to_string().into()),
                ("capacity", cap.to_string().into()),
            ],
        ),
        None => page.t("meetings-places-unlimited"),
    };
    let qr_svg = match live {
        Some(r) if r.status == RegistrationStatus::Confirmed => {
            qr::svg(&r.display_code(), 180).unwrap_or_default()
        }
        _ => String::new(),
    };
    let (minutes_files, materials): (Vec<_>, Vec<_>) = store::files(&state.db, e.id)
        .await?
        .into_iter()
        .partition(|f| f.purpose == "minutes");
    let open = e.status == super::model::EventStatus::Scheduled
        && e.draft.policy != RegistrationPolicy::Closed
        && t < e.draft.registration_closes_at;
    // On invitation: the form only for the people invited.
    let not_invited = e.draft.policy == RegistrationPolicy::Invitation
        && match &user.0 {
            Some(s) => !store::is_invited(&state.db, e.id, UserId(s.user.id.0)).await?,
            None => false,
        };
    render(&EventTemplate {
        page,
        event: EventView::of(e, page),
        description: e.draft.description.clone(),
        agenda: lines(&e.draft.agenda),
        speakers: lines(&e.draft.speakers),
        places,
        policy: page.t(&format!("meetings-policy-{}", e.draft.policy.code())),
        registration_open: open,
        not_invited,
        invitation: e.draft.policy == RegistrationPolicy::Invitation,
        signed_in: user.0.is_some(),
        csrf,
        error,
        questions: e
            .draft
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| QuestionField {
                name: format!("answer_{i}"),
                label: q.label.clone(),
                required: q.required,
                value: answers.get(i).cloned().unwrap_or_default(),
            })
            .collect(),
        actor_types: ActorType::ALL
            .iter()
            .map(|a| (a.code(), page.t(&actor_key(*a))))
            .collect(),
        actor_type: actor_type.to_string(),
        can_cancel: live.is_some_and(|r| r.checked_in_at.is_none()) && t < e.draft.starts_at,
        attended: live.is_some_and(|r| r.checked_in_at.is_some()),
        mine: live.map(|r| RegistrationView::of(r, page)),
        qr_svg,
        has_tests: !store::event_questions(&state.db, e.id).await?.is_empty(),
        certificate_offered: e.draft.certificate.enabled,
        manage: may_manage(user, e),
        minutes: store::minutes(&state.db, e.id).await?,
        files: materials,
        minutes_files,
        notice,
    })
}

fn actor_key(a: ActorType) -> String {
    format!("meetings-actor-{}", a.code().replace('_', "-"))
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

async fn register(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    let user = CurrentUser(Some(me.clone()));
    let answers: Vec<String> = (0..e.draft.questions.len())
        .map(|i| field(&fields, &format!("answer_{i}")).to_string())
        .collect();
    let actor_code = field(&fields, "actor_type");
    let refuse = |key: &'static str| {
        let (state, page, user, csrf, e, answers) =
            (&state, &page, &user, csrf.clone(), &e, &answers);
        async move {
            let html = event_html(
                state,
                page,
                user,
                csrf,
                e,
                Some(page.t(key)),
                answers,
                actor_code,
                None,
            )
            .await?;
            Ok::<Response, AppError>((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
    };
    if let Err(denied) = allowed(&user.actor(), &Action::RegisterForEvent) {
        let key = match denied {
            crate::platform::permissions::Denied::EmailNotConfirmed => {
                "meetings-error-email-not-confirmed"
            }
            _ => "meetings-error-forbidden",
        };
        return refuse(key).await;
    }
    let actor_type = match actor_code {
        "" => None,
        code => match ActorType::parse(code) {
            Some(a) => Some(a),
            None => return refuse("meetings-error-actor-type").await,
        },
    };
    let new = NewRegistration {
        user: UserId(me.user.id.0),
        name: me.user.display_name.clone(),
        answers: answers.clone(),
        profile: Profile {
            // Only what the person consented to share (accounts keeps it only under consent).
            sex: me.user.demographics.as_ref().and_then(|d| d.sex()),
            age_group: me.user.demographics.as_ref().and_then(|d| d.age_group()),
            actor_type,
        },
    };
    match store::register(&state.db, id, &new, now()).await {
        Ok(r) => {
            let done = if r.status == RegistrationStatus::Waiting {
                "meetings-notice-waiting"
            } else {
                "meetings-notice-registered"
            };
            Ok(Redirect::to(&format!("/events/{id}?done={done}")).into_response())
        }
        Err(err) => match err.key() {
            Some(key) => refuse(key).await,
            None => Err(err.into()),
        },
    }
}

async fn cancel(
    State(state): State<AppState>,
    RequireUser(me): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let reg = store::registration_of(&state.db, id, UserId(me.user.id.0))
        .await?
        .ok_or(AppError::NotFound)?;
    let promoted =
        store::cancel_registration(&state.db, reg.id, UserId(me.user.id.0), now()).await?;
    // The people who moved up from the waiting list hear that they have a place.
    if !promoted.is_empty() {
        let e = load(&state, id).await?;
        if let Err(err) = super::mails::promoted(&state, &e, &promoted).await {
            tracing::error!(error = %err, event = id, "promotion mails not sent");
        }
    }
    Ok(Redirect::to(&format!("/events/{id}?done=meetings-notice-cancelled")).into_response())
}

#[derive(Template)]
#[template(path = "meetings/mine.html")]
struct MineTemplate<'a> {
    page: &'a Page,
    rows: Vec<(EventView, RegistrationView)>,
}

async fn mine(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
) -> Result<Html<String>, AppError> {
    let regs = store::registrations_of_user(&state.db, UserId(me.user.id.0)).await?;
    let mut rows = Vec::new();
    for r in regs {
        if let Some(e) = store::event(&state.db, r.event_id).await? {
            rows.push((EventView::of(&e, &page), RegistrationView::of(&r, &page)));
        }
    }
    render(&MineTemplate { page: &page, rows })
}

// ---------------------------------------------------------------------------------------------
// Check-in, walk-ins, minutes (organiser's staff)
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "meetings/checkin.html")]
struct CheckInTemplate<'a> {
    page: &'a Page,
    event: EventView,
    csrf: String,
    error: Option<String>,
    notice: Option<String>,
    code: String,
    search: String,
    registrations: Vec<RegistrationView>,
    attended: usize,
    sexes: Vec<(&'static str, String)>,
    ages: Vec<(&'static str, String)>,
    actor_types: Vec<(&'static str, String)>,
    minutes_body: String,
    contributions: String,
}

#[derive(Debug, Deserialize, Default)]
struct CheckInQuery {
    q: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn check_in_html(
    state: &AppState,
    page: &Page,
    csrf: String,
    e: &Event,
    error: Option<String>,
    notice: Option<String>,
    code: &str,
    search: &str,
) -> Result<Html<String>, AppError> {
    let all = store::registrations_of_event(&state.db, e.id).await?;
    let attended = all.iter().filter(|r| r.checked_in_at.is_some()).count();
    let needle = search.trim().to_lowercase();
    let registrations = all
        .iter()
        .filter(|r| needle.is_empty() || r.name.to_lowercase().contains(&needle))
        .map(|r| RegistrationView::of(r, page))
        .collect();
    let m = store::minutes(&state.db, e.id).await?;
    render(&CheckInTemplate {
        page,
        event: EventView::of(e, page),
        csrf,
        error,
        notice,
        code: code.to_string(),
        search: search.to_string(),
        registrations,
        attended,
        sexes: Sex::ALL
            .iter()
            .map(|s| (s.code(), page.t(&format!("meetings-sex-{}", s.code()))))
            .collect(),
        ages: AgeGroup::ALL
            .iter()
            .map(|a| {
                (
                    a.code(),
                    page.t(&format!("meetings-age-{}", a.code().replace('_', "-"))),
                )
            })
            .collect(),
        actor_types: ActorType::ALL
            .iter()
            .map(|a| (a.code(), page.t(&actor_key(*a))))
            .collect(),
        minutes_body: m.as_ref().map(|m| m.body.clone()).unwrap_or_default(),
        contributions: m.map(|m| m.contributions.to_string()).unwrap_or_default(),
    })
}

async fn check_in_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Query(q): Query<CheckInQuery>,
) -> Result<Html<String>, AppError> {
    let e = load(&state, id).await?;
    require(
        &me,
        Action::CheckInAttendees(OrganisationId(e.organiser_id)),
    )?;
    check_in_html(
        &state,
        &page,
        csrf,
        &e,
        None,
        None,
        "",
        q.q.as_deref().unwrap_or(""),
    )
    .await
}

fn door_profile(fields: &Fields) -> Profile {
    Profile {
        sex: Sex::parse(field(fields, "sex")),
        age_group: AgeGroup::parse(field(fields, "age_group")),
        actor_type: ActorType::parse(field(fields, "actor_type")),
    }
}

async fn check_in(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    require(
        &me,
        Action::CheckInAttendees(OrganisationId(e.organiser_id)),
    )?;
    let code = field(&fields, "code").to_string();
    let who = match field(&fields, "registration").parse::<i64>() {
        Ok(reg) => Identify::Registration(reg),
        Err(_) => Identify::Code(code.clone()),
    };
    let result = store::check_in(
        &state.db,
        id,
        &who,
        door_profile(&fields),
        UserId(me.user.id.0),
        now(),
    )
    .await;
    match result {
        Ok(r) => {
            let notice = page.tr("meetings-notice-checked-in", &[("name", r.name.into())]);
            let html = check_in_html(&state, &page, csrf, &e, None, Some(notice), "", "").await?;
            Ok(html.into_response())
        }
        Err(err) => match err.key() {
            Some(key) => {
                let html =
                    check_in_html(&state, &page, csrf, &e, Some(page.t(key)), None, &code, "")
                        .await?;
                Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
            }
            None => Err(err.into()),
        },
    }
}

async fn walk_in(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    require(
        &me,
        Action::CheckInAttendees(OrganisationId(e.organiser_id)),
    )?;
    let name = field(&fields, "name").trim().to_string();
    if name.is_empty() || name.chars().count() > 200 {
        let html = check_in_html(
            &state,
            &page,
            csrf,
            &e,
            Some(page.t("meetings-error-name-required")),
            None,
            "",
            "",
        )
        .await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    let result = store::walk_in(
        &state.db,
        id,
        &name,
        None,
        door_profile(&fields),
        UserId(me.user.id.0),
        now(),
    )
    .await;
    match result {
        Ok(r) => {
            let notice = page.tr("meetings-notice-checked-in", &[("name", r.name.into())]);
            Ok(
                check_in_html(&state, &page, csrf, &e, None, Some(notice), "", "")
                    .await?
                    .into_response(),
            )
        }
        Err(err) => match err.key() {
            Some(key) => Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                check_in_html(&state, &page, csrf, &e, Some(page.t(key)), None, "", "").await?,
            )
                .into_response()),
            None => Err(err.into()),
        },
    }
}

async fn minutes(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    require(&me, Action::ManageEvents(OrganisationId(e.organiser_id)))?;
    let body = field(&fields, "body").trim().to_string();
    let contributions = field(&fields, "contributions").trim().parse::<i64>();
    let error = match &contributions {
        _ if body.is_empty() || body.chars().count() > super::model::MAX_TEXT => {
            Some("meetings-error-minutes")
        }
        Ok(n) if (0..=100_000).contains(n) => None,
        _ => Some("meetings-error-contributions"),
    };
    if let Some(key) = error {
        let html = check_in_html(&state, &page, csrf, &e, Some(page.t(key)), None, "", "").await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response());
    }
    let n = contributions.unwrap_or(0);
    store::set_minutes(&state.db, id, &body, n, UserId(me.user.id.0), now()).await?;
    let notice = page.t("meetings-notice-minutes-saved");
    Ok(
        check_in_html(&state, &page, csrf, &e, None, Some(notice), "", "")
            .await?
            .into_response(),
    )
}

// ---------------------------------------------------------------------------------------------
// Tests, satisfaction, certificates
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "meetings/test.html")]
struct TestTemplate<'a> {
    page: &'a Page,
    event: EventView,
    phase: &'static str,
    title: String,
    csrf: String,
    error: Option<String>,
    questions: Vec<TestQuestion>,
}

/// A question as shown: number, prompt, choices (value, text, chosen).
struct TestQuestion {
    index: usize,
    prompt: String,
    choices: Vec<(usize, String, bool)>,
}

fn parse_phase(phase: &str) -> Result<TestPhase, AppError> {
    TestPhase::parse(phase).ok_or(AppError::NotFound)
}

async fn my_registration(
    state: &AppState,
    me: &SignedIn,
    event: i64,
) -> Result<store::Registration, AppError> {
    store::registration_of(&state.db, event, UserId(me.user.id.0))
        .await?
        .filter(|r| r.status != RegistrationStatus::Cancelled)
        .ok_or(AppError::Conflict("meetings-error-not-registered"))
}

async fn test_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, phase)): Path<(i64, String)>,
) -> Result<Html<String>, AppError> {
    let phase = parse_phase(&phase)?;
    let e = load(&state, id).await?;
    my_registration(&state, &me, id).await?;
    let qs = store::event_questions(&state.db, id).await?;
    test_html(&page, &e, phase, csrf, None, qs, &[])
}

fn test_html(
    page: &Page,
    e: &Event,
    phase: TestPhase,
    csrf: String,
    error: Option<String>,
    qs: Vec<Question>,
    answers: &[Option<usize>],
) -> Result<Html<String>, AppError> {
    if qs.is_empty() {
        return Err(AppError::NotFound);
    }
    render(&TestTemplate {
        page,
        event: EventView::of(e, page),
        phase: phase.code(),
        title: page.t(&format!("meetings-test-{}-title", phase.code())),
        csrf,
        error,
        questions: qs
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                let chosen = answers.get(i).copied().flatten();
                TestQuestion {
                    index: i,
                    prompt: q.prompt,
                    choices: q
                        .choices
                        .into_iter()
                        .enumerate()
                        .map(|(c, text)| (c, text, chosen == Some(c)))
                        .collect(),
                }
            })
            .collect(),
    })
}

async fn test_submit(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, phase)): Path<(i64, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let phase = parse_phase(&phase)?;
    let e = load(&state, id).await?;
    let reg = my_registration(&state, &me, id).await?;
    let qs = store::event_questions(&state.db, id).await?;
    let answers: Vec<Option<usize>> = (0..qs.len())
        .map(|i| field(&fields, &format!("q_{i}")).parse::<usize>().ok())
        .collect();
    match store::submit_test(
        &state.db,
        &reg,
        phase,
        &answers,
        UserId(me.user.id.0),
        now(),
    )
    .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/events/{id}?done=meetings-notice-test-saved")).into_response(),
        ),
        Err(err) => match err.key() {
            Some(key) => {
                let html = test_html(&page, &e, phase, csrf, Some(page.t(key)), qs, &answers)?;
                Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
            }
            None => Err(err.into()),
        },
    }
}

#[derive(Template)]
#[template(path = "meetings/satisfaction.html")]
struct SatisfactionTemplate<'a> {
    page: &'a Page,
    event: EventView,
    csrf: String,
    error: Option<String>,
    fields: Vec<(&'static str, String, String)>,
    comment: String,
}

fn satisfaction_html(
    page: &Page,
    e: &Event,
    csrf: String,
    error: Option<String>,
    values: &Fields,
) -> Result<Html<String>, AppError> {
    render(&SatisfactionTemplate {
        page,
        event: EventView::of(e, page),
        csrf,
        error,
        fields: SATISFACTION_FIELDS
            .iter()
            .map(|f| {
                (
                    *f,
                    page.t(&format!("meetings-satisfaction-{f}")),
                    field(values, f).to_string(),
                )
            })
            .collect(),
        comment: field(values, "comment").to_string(),
    })
}

async fn satisfaction_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let e = load(&state, id).await?;
    my_registration(&state, &me, id).await?;
    satisfaction_html(&page, &e, csrf, None, &Vec::new())
}

async fn satisfaction_submit(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let e = load(&state, id).await?;
    let reg = my_registration(&state, &me, id).await?;
    let ratings = SATISFACTION_FIELDS.map(|f| field(&fields, f));
    let parsed = Satisfaction::parse(ratings, field(&fields, "comment"));
    let result = match parsed {
        Ok(s) => store::submit_satisfaction(&state.db, &reg, &s, Some(UserId(me.user.id.0)), now())
            .await
            .map_err(|e| (e.key(), Some(e))),
        Err(e) => Err((Some(e.key()), None)),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!(
            "/events/{id}?done=meetings-notice-satisfaction-saved"
        ))
        .into_response()),
        Err((Some(key), _)) => {
            let html = satisfaction_html(&page, &e, csrf, Some(page.t(key)), &fields)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err((None, Some(err))) => Err(err.into()),
        Err((None, None)) => Err(AppError::Internal(anyhow::anyhow!("satisfaction"))),
    }
}

async fn certificate_pdf(
    State(state): State<AppState>,
    RequireUser(me): RequireUser,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let reg = my_registration(&state, &me, id).await?;
    let cert = store::issue_certificate(&state.db, &reg, now()).await?;
    let pdf = certificates::render(&cert, &state.config.base_url)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let mut r = pdf.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"certificate-{}.pdf\"",
        cert.code
    )) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

#[derive(Template)]
#[template(path = "meetings/verify.html")]
struct VerifyTemplate<'a> {
    page: &'a Page,
    code: String,
    searched: bool,
    found: Option<(String, EventView, String)>,
}

#[derive(Debug, Deserialize, Default)]
struct VerifyQuery {
    code: Option<String>,
}

async fn verify_page(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<VerifyQuery>,
) -> Result<Response, AppError> {
    let code = q.code.unwrap_or_default();
    let searched = !code.trim().is_empty();
    let found = if searched {
        store::certificate_by_code(&state.db, &code)
            .await?
            .map(|c| {
                (
                    c.registration.name.clone(),
                    EventView::of(&c.event, &page),
                    page.date(&c.issued_at),
                )
            })
    } else {
        None
    };
    let status = if searched && found.is_none() {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    let html = render(&VerifyTemplate {
        page: &page,
        code,
        searched,
        found,
    })?;
    Ok((status, html).into_response())
}

// ---------------------------------------------------------------------------------------------
// Dashboard
// ---------------------------------------------------------------------------------------------

async fn figures(state: &AppState, q: &ListQuery) -> Result<Dashboard, AppError> {
    let filter = filter_of(state, q).await?;
    let events = store::events(&state.db, &filter).await?;
    let f = store::facts(&state.db, &events).await?;
    Ok(dashboard::compute(
        &f.events,
        &f.attendances,
        &f.gains,
        &f.ratings,
        now(),
    ))
}

/// One line of the figures table.
struct Figure {
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "meetings/dashboard.html")]
struct DashboardTemplate<'a> {
    page: &'a Page,
    programmes: Vec<String>,
    programme: String,
    territory: String,
    figures: Vec<Figure>,
    charts: Vec<String>,
    csv_href: String,
}

fn permille(p: Option<u64>) -> String {
    p.map_or_else(|| "—".into(), |v| format!("{}.{} %", v / 10, v % 10))
}

fn signed_bp(bp: Option<i64>) -> String {
    bp.map_or_else(
        || "—".into(),
        |v| {
            let sign = if v < 0 { "-" } else { "+" };
            let a = v.abs();
            format!("{sign}{}.{:02}", a / 100, a % 100)
        },
    )
}

fn summary_rows(d: &Dashboard, page: &Page) -> Vec<Figure> {
    let f = |key: &str, value: String| Figure {
        label: page.t(key),
        value,
    };
    vec![
        f("meetings-fig-events-held", d.events_held.to_string()),
        f("meetings-fig-events-planned", d.events_planned.to_string()),
        f("meetings-fig-people-total", d.people_total.to_string()),
        f("meetings-fig-people-unique", d.people_unique.to_string()),
        f("meetings-fig-tested", d.tested_people.to_string()),
        f("meetings-fig-gain", signed_bp(d.average_gain_bp)),
        f(
            "meetings-fig-satisfaction",
            d.satisfaction
                .average_hundredths
                .map_or_else(|| "—".into(), |v| format!("{}.{:02} / 5", v / 100, v % 100)),
        ),
        f(
            "meetings-fig-satisfied",
            permille(d.satisfaction.satisfied_permille),
        ),
    ]
}

fn breakdown_chart(
    page: &Page,
    caption: &str,
    b: &super::model::attendance::Breakdown,
    key: impl Fn(&str) -> String,
) -> BarChart {
    let mut bars: Vec<Bar> = b
        .counts
        .iter()
        .map(|(code, n)| {
            Bar::new(
                page.t(&key(code)),
                *n as i64,
                format!("{n} ({})", permille(b.share_permille(code))),
            )
        })
        .collect();
    let unknown_share = (b.total() > 0).then(|| (b.unknown * 2000 + b.total()) / (2 * b.total()));
    bars.push(Bar::new(
        page.t("meetings-unknown"),
        b.unknown as i64,
        format!("{} ({})", b.unknown, permille(unknown_share)),
    ));
    BarChart {
        caption: caption.to_string(),
        label_header: page.t("meetings-col-category"),
        value_header: page.t("meetings-col-people"),
        bars,
    }
}

fn charts(d: &Dashboard, page: &Page) -> Vec<BarChart> {
    vec![
        breakdown_chart(page, &page.t("meetings-chart-sex"), &d.unique.sex, |c| {
            format!("meetings-sex-{c}")
        }),
        breakdown_chart(
            page,
            &page.t("meetings-chart-age"),
            &d.unique.age_group,
            |c| format!("meetings-age-{}", c.replace('_', "-")),
        ),
        breakdown_chart(
            page,
            &page.t("meetings-chart-actor"),
            &d.unique.actor_type,
            |c| format!("meetings-actor-{}", c.replace('_', "-")),
        ),
    ]
}

async fn dashboard_page(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<ListQuery>,
) -> Result<Html<String>, AppError> {
    let d = figures(&state, &q).await?;
    let programme = q.programme.clone().unwrap_or_default();
    let territory = q.territory.clone().unwrap_or_default();
    render(&DashboardTemplate {
        page: &page,
        programmes: store::programmes(&state.db).await?,
        figures: summary_rows(&d, &page),
        charts: charts(&d, &page)
            .iter()
            .map(|c| c.to_html(page.locale.is_rtl()))
            .collect(),
        csv_href: format!(
            "/events/dashboard.csv?programme={}&territory={}",
            urlencoding::encode(&programme),
            urlencoding::encode(&territory)
        ),
        programme,
        territory,
    })
}

async fn dashboard_csv(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let d = figures(&state, &q).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |a: &str, b: &str, c: String| w.write_record([a, b, &c]);
    let mut go = || -> Result<(), csv::Error> {
        row("figure", "category", "value".into())?;
        row("events_held", "", d.events_held.to_string())?;
        row("events_planned", "", d.events_planned.to_string())?;
        row("events_cancelled", "", d.events_cancelled.to_string())?;
        row("people_total", "", d.people_total.to_string())?;
        row("people_unique", "", d.people_unique.to_string())?;
        for (name, b) in [
            ("unique_by_sex", &d.unique.sex),
            ("unique_by_age_group", &d.unique.age_group),
            ("unique_by_actor_type", &d.unique.actor_type),
            ("total_by_sex", &d.total.sex),
            ("total_by_age_group", &d.total.age_group),
            ("total_by_actor_type", &d.total.actor_type),
        ] {
            for (code, n) in &b.counts {
                row(name, code, n.to_string())?;
            }
            row(name, "unknown", b.unknown.to_string())?;
        }
        row("tested_people", "", d.tested_people.to_string())?;
        row(
            "average_gain_percentage_points",
            "",
            d.average_gain_bp
                .map_or_else(String::new, |v| format!("{:.2}", v as f64 / 100.0)),
        )?;
        row(
            "satisfaction_responses",
            "",
            d.satisfaction.responses.to_string(),
        )?;
        row(
            "satisfaction_average_of_5",
            "",
            d.satisfaction
                .average_hundredths
                .map_or_else(String::new, |v| format!("{:.2}", v as f64 / 100.0)),
        )?;
        Ok(())
    };
    go().map_err(|e| AppError::Internal(e.into()))?;
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let mut r = bytes.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    r.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"meetings-dashboard.csv\""),
    );
    Ok(r)
}
