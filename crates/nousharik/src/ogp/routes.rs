//! HTTP of the OGP module: plans, commitments, milestones, indicators, progress updates with
//! evidence, self-assessment, civil-society review, improvement plan; the published report
//! (web page, PDF in Arabic or French), `/ogp/plans/{id}.json` and the CSV of every commitment
//! and rating.
//!
//! Every change asks `platform::permissions` first and is audited by the store; refusals a
//! person can fix are translated messages on the page they were on, with what they typed kept.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::model::evidence::{self, MAX_FILE_BYTES};
use super::model::{
    CommitmentForm, Completion, FieldError, IndicatorDraft, MAX_TEXT, MilestoneDraft,
    MilestoneKind, MilestoneStatus, OgpValue, PlanForm, PlanStatus, Potential, RatingForm,
    parse_choice, parse_date, parse_number, required_text,
};
use super::store::{self, NewEvidence, OrgChoice, Plan, PlanBundle, StoreError};
use super::views::{
    self, CommitmentRow, IndicatorView, MilestoneView, PlanView, RatingView, UpdateView, pick,
    today,
};
use crate::accounts::model::OrgRole;
use crate::platform::i18n::Locale;
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
        .route("/ogp", get(index))
        .route("/ogp/commitments.csv", get(all_csv))
        .route("/ogp/plans", post(create_plan))
        .route("/ogp/plans/new", get(new_plan_page))
        .route("/ogp/plans/{id}", get(plan_or_export))
        .route("/ogp/plans/{id}/forum", post(add_forum_member))
        .route("/ogp/plans/{id}/events", post(link_event))
        .route("/ogp/plans/{id}/close", post(close_plan))
        .route(
            "/ogp/plans/{id}/commitments",
            get(new_commitment_page).post(create_commitment),
        )
        .route("/ogp/plans/{id}/report", get(report_page))
        .route("/ogp/plans/{id}/report.pdf", get(report_pdf))
        .route("/ogp/commitments/{id}", get(commitment_page))
        .route(
            "/ogp/commitments/{id}/edit",
            get(edit_commitment_page).post(edit_commitment),
        )
        .route(
            "/ogp/milestones/{id}/edit",
            get(edit_milestone_page).post(edit_milestone),
        )
        .route(
            "/ogp/indicators/{id}/edit",
            get(edit_indicator_page).post(edit_indicator),
        )
        .route("/ogp/commitments/{id}/milestones", post(add_milestone))
        .route("/ogp/commitments/{id}/indicators", post(add_indicator))
        .route(
            "/ogp/commitments/{id}/updates",
            post(add_update).layer(DefaultBodyLimit::max(MAX_FILE_BYTES * 2)),
        )
        .route("/ogp/commitments/{id}/assessment", post(assess))
        .route("/ogp/commitments/{id}/reviews", post(review))
        .route("/ogp/milestones/{id}/status", post(milestone_status))
        .route("/ogp/indicators/{id}/values", post(indicator_value))
        .route("/ogp/evidence/{id}", get(evidence_file))
}

type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn all_of(fields: &Fields, name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn may(user: &SignedIn, action: &Action) -> bool {
    allowed(&user.actor(), action).is_ok()
}

fn require(user: &SignedIn, action: Action) -> Result<(), AppError> {
    allowed(&user.actor(), &action).map_err(|_| AppError::Forbidden)
}

fn by(user: &SignedIn) -> Option<UserId> {
    Some(user.actor.id)
}

async fn load_plan(state: &AppState, id: i64) -> Result<Plan, AppError> {
    store::plan(&state.db, id).await?.ok_or(AppError::NotFound)
}

/// The commitment and its plan.
async fn load_commitment(state: &AppState, id: i64) -> Result<(store::Commitment, Plan), AppError> {
    let c = store::commitment(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = load_plan(state, c.plan_id).await?;
    Ok((c, p))
}

fn choices<T: Copy>(
    locale: Locale,
    all: &[T],
    code: fn(T) -> &'static str,
    key: fn(T) -> String,
) -> Vec<(&'static str, String)> {
    all.iter().map(|v| (code(*v), locale.t(&key(*v)))).collect()
}

fn value_choices(locale: Locale) -> Vec<(&'static str, String)> {
    choices(locale, OgpValue::ALL, OgpValue::code, OgpValue::key)
}

/// What a person typed in the form that was refused, to show it again.
#[derive(Debug, Clone, Default)]
pub struct Kept {
    form: &'static str,
    fields: Fields,
    error: Option<String>,
}

impl Kept {
    fn new(form: &'static str, fields: Fields, error: String) -> Self {
        Self {
            form,
            fields,
            error: Some(error),
        }
    }

    /// The typed value of `name` in `form` (empty for another form).
    pub fn v(&self, form: &str, name: &str) -> &str {
        if self.form == form {
            field(&self.fields, name)
        } else {
            ""
        }
    }

    /// Whether `value` was chosen for `name` in `form`.
    pub fn on(&self, form: &str, name: &str, value: &str) -> bool {
        self.form == form && self.fields.iter().any(|(k, v)| k == name && v == value)
    }

    /// The error of `form`, if it is the one refused.
    pub fn error(&self, form: &str) -> Option<&str> {
        if self.form == form {
            self.error.as_deref()
        } else {
            None
        }
    }
}

fn page_with_status<T: Template>(status: StatusCode, t: &T) -> Result<Response, AppError> {
    Ok((status, render(t)?).into_response())
}

fn field_message(locale: Locale, e: FieldError) -> String {
    format!(
        "{} — {}",
        locale.t(&format!("ogp-field-{}", e.field.replace('_', "-"))),
        locale.t(e.key)
    )
}

// ---------------------------------------------------------------------------------------------
// List and new plan
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "ogp/index.html")]
struct IndexTemplate<'a> {
    page: &'a Page,
    plans: Vec<PlanView>,
    can_create: bool,
}

async fn councils_managed(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<OrgChoice>, AppError> {
    let Some(me) = user.0.as_ref() else {
        return Ok(Vec::new());
    };
    Ok(store::organisations_of_kind(&state.db, "council")
        .await?
        .into_iter()
        .filter(|(id, ..)| may(me, &Action::ManageOgpPlan(OrganisationId(*id))))
        .collect())
}

async fn index(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
) -> Result<Html<String>, AppError> {
    let plans = store::plans(&state.db).await?;
    render(&IndexTemplate {
        page: &page,
        plans: plans.iter().map(|p| PlanView::of(p, page.locale)).collect(),
        can_create: !councils_managed(&state, &user).await?.is_empty(),
    })
}

#[derive(Template)]
#[template(path = "ogp/new_plan.html")]
struct NewPlanTemplate<'a> {
    page: &'a Page,
    csrf: String,
    bodies: Vec<(i64, String)>,
    organisation: String,
    form: PlanForm,
    error: Option<String>,
}

fn body_choices(page: &Page, orgs: &[OrgChoice]) -> Vec<(i64, String)> {
    orgs.iter()
        .map(|(id, _, ar, fr)| (*id, pick(page.locale, &(ar.clone(), fr.clone()))))
        .collect()
}

async fn new_plan_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(_me): RequireUser,
    user: CurrentUser,
    Csrf(csrf): Csrf,
) -> Result<Html<String>, AppError> {
    let bodies = councils_managed(&state, &user).await?;
    if bodies.is_empty() {
        return Err(AppError::Forbidden);
    }
    render(&NewPlanTemplate {
        bodies: body_choices(&page, &bodies),
        page: &page,
        csrf,
        organisation: String::new(),
        form: PlanForm::default(),
        error: None,
    })
}

async fn create_plan(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let organisation = field(&fields, "organisation").to_string();
    let org: i64 = organisation.parse().map_err(|_| AppError::Forbidden)?;
    require(&me, Action::ManageOgpPlan(OrganisationId(org)))?;
    let form = PlanForm {
        title: field(&fields, "title").into(),
        starts_on: field(&fields, "starts_on").into(),
        ends_on: field(&fields, "ends_on").into(),
        co_creation: field(&fields, "co_creation").into(),
        participants: field(&fields, "participants").into(),
        contributions: field(&fields, "contributions").into(),
    };
    match form.parse() {
        Ok(d) => {
            let id = store::create_plan(&state.db, org, &d, false, by(&me), now()).await?;
            Ok(Redirect::to(&format!("/ogp/plans/{id}")).into_response())
        }
        Err(e) => {
            let user = CurrentUser(Some(me.clone()));
            let bodies = councils_managed(&state, &user).await?;
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &NewPlanTemplate {
                    bodies: body_choices(&page, &bodies),
                    error: Some(field_message(page.locale, e)),
                    page: &page,
                    csrf,
                    organisation,
                    form,
                },
            )
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Plan page, forum, meetings, closing
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "ogp/plan.html")]
struct PlanTemplate<'a> {
    page: &'a Page,
    csrf: String,
    plan: PlanView,
    forum: Vec<String>,
    events: Vec<(i64, String, String)>,
    commitments: Vec<CommitmentRow>,
    overdue_count: i64,
    can_manage: bool,
    associations: Vec<(i64, String)>,
    linkable: Vec<(i64, String)>,
    kept: Kept,
}

async fn plan_page(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    csrf: String,
    id: i64,
    kept: Kept,
    status: StatusCode,
) -> Result<Response, AppError> {
    let b = store::plan_bundle(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let can_manage = user.0.as_ref().is_some_and(|me| {
        may(
            me,
            &Action::ManageOgpPlan(OrganisationId(b.plan.organisation_id)),
        )
    });
    let day = today(now());
    let commitments: Vec<CommitmentRow> = b
        .commitments
        .iter()
        .map(|c| CommitmentRow::of(c, b.plan.status, day, page.locale))
        .collect();
    let (associations, linkable) = if can_manage && b.plan.status == PlanStatus::Open {
        let in_forum: Vec<i64> = b.forum.iter().map(|m| m.association_id).collect();
        let associations = store::organisations_of_kind(&state.db, "association")
            .await?
            .into_iter()
            .filter(|(id, ..)| !in_forum.contains(id))
            .map(|(id, _, ar, fr)| (id, pick(page.locale, &(ar, fr))))
            .collect();
        let linked: Vec<i64> = b.events.iter().map(|e| e.event_id).collect();
        let linkable = store::linkable_events(&state.db)
            .await?
            .into_iter()
            .filter(|(id, ..)| !linked.contains(id))
            .map(|(id, title, at)| (id, format!("{} — {title}", page.date(&at))))
            .collect();
        (associations, linkable)
    } else {
        (Vec::new(), Vec::new())
    };
    page_with_status(
        status,
        &PlanTemplate {
            page,
            csrf,
            plan: PlanView::of(&b.plan, page.locale),
            forum: b.forum.iter().map(|m| pick(page.locale, &m.name)).collect(),
            events: b
                .events
                .iter()
                .map(|e| (e.event_id, e.title.clone(), page.date(&e.starts_at)))
                .collect(),
            overdue_count: commitments.iter().filter(|c| c.overdue).count() as i64,
            commitments,
            can_manage,
            associations,
            linkable,
            kept,
        },
    )
}

/// `/ogp/plans/{id}`, `/ogp/plans/{id}.json` and `/ogp/plans/{id}.csv`.
async fn plan_or_export(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    if let Some(n) = id.strip_suffix(".json") {
        let n: i64 = n.parse().map_err(|_| AppError::NotFound)?;
        return plan_json(&state, n).await;
    }
    if let Some(n) = id.strip_suffix(".csv") {
        let n: i64 = n.parse().map_err(|_| AppError::NotFound)?;
        load_plan(&state, n).await?;
        return csv_response(&state, Some(n), &format!("ogp-plan-{n}.csv")).await;
    }
    let n: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    plan_page(
        &state,
        &page,
        &user,
        csrf,
        n,
        Kept::default(),
        StatusCode::OK,
    )
    .await
}

/// After a refused plan form: the plan page again with the message and what was typed.
async fn plan_refused(
    state: &AppState,
    page: &Page,
    me: &std::sync::Arc<SignedIn>,
    csrf: String,
    id: i64,
    kept: Kept,
    status: StatusCode,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me.clone()));
    plan_page(state, page, &user, csrf, id, kept, status).await
}

fn refusal_status(e: &StoreError) -> StatusCode {
    match e {
        StoreError::PlanClosed | StoreError::Duplicate => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// A form of the plan page that links something to the plan.
struct PlanLink {
    /// The form's name on the plan page (kept input).
    form: &'static str,
    /// The section of the plan page to go back to.
    anchor: &'static str,
    /// The message when the linked row does not exist.
    not_found: &'static str,
}

/// Answers a form that links something to plan `id` (a forum member, a meeting): back to the
/// plan's section on success; on a refusal the plan page again with the form kept and its
/// message.
#[allow(clippy::too_many_arguments)]
async fn after_plan_link(
    state: &AppState,
    page: &Page,
    me: &std::sync::Arc<SignedIn>,
    csrf: String,
    id: i64,
    fields: Fields,
    result: Result<(), StoreError>,
    link: PlanLink,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/ogp/plans/{id}#{}", link.anchor)).into_response()),
        Err(e) if e.key().is_some() || matches!(e, StoreError::NotFound) => {
            let key = e.key().unwrap_or(link.not_found);
            let kept = Kept::new(link.form, fields, page.t(key));
            plan_refused(state, page, me, csrf, id, kept, refusal_status(&e)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn add_forum_member(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let plan = load_plan(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let association: Option<i64> = field(&fields, "association").parse().ok();
    let result = match association {
        Some(a) => store::add_forum_member(&state.db, id, a, by(&me), now()).await,
        None => Err(StoreError::NotAnAssociation),
    };
    let link = PlanLink {
        form: "forum",
        anchor: "forum",
        not_found: "ogp-error-not-association",
    };
    after_plan_link(&state, &page, &me, csrf, id, fields, result, link).await
}

async fn link_event(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let plan = load_plan(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let event: Option<i64> = field(&fields, "event").parse().ok();
    let result = match event {
        Some(e) => store::link_event(&state.db, id, e, by(&me), now()).await,
        None => Err(StoreError::NotFound),
    };
    let link = PlanLink {
        form: "events",
        anchor: "meetings",
        not_found: "ogp-error-no-event",
    };
    after_plan_link(&state, &page, &me, csrf, id, fields, result, link).await
}

async fn close_plan(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let plan = load_plan(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    match store::close_plan(&state.db, id, by(&me), now()).await {
        Ok(()) => Ok(Redirect::to(&format!("/ogp/plans/{id}")).into_response()),
        Err(e @ StoreError::PlanClosed) => {
            let kept = Kept::new("close", Vec::new(), page.t("ogp-error-plan-closed"));
            plan_refused(&state, &page, &me, csrf, id, kept, refusal_status(&e)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// New commitment
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "ogp/commitment_form.html")]
struct CommitmentFormTemplate<'a> {
    page: &'a Page,
    csrf: String,
    plan: PlanView,
    /// Where the form posts.
    action: String,
    /// The page's heading.
    heading: String,
    /// The submit button's label.
    button: String,
    /// For a correction: the commitment's page (address, "code · title").
    back: Option<(String, String)>,
    /// False on a closed plan's correction page (only the refusal is shown).
    show_form: bool,
    form: CommitmentForm,
    values: Vec<(&'static str, String)>,
    error: Option<String>,
}

impl CommitmentFormTemplate<'_> {
    fn ticked(&self, code: &str) -> bool {
        self.form.values.iter().any(|v| v == code)
    }

    /// The form to create a commitment in `plan`.
    fn new_in<'a>(page: &'a Page, csrf: String, plan: &Plan) -> CommitmentFormTemplate<'a> {
        CommitmentFormTemplate {
            plan: PlanView::of(plan, page.locale),
            action: format!("/ogp/plans/{}/commitments", plan.id),
            heading: page.t("ogp-new-commitment"),
            button: page.t("ogp-create"),
            back: None,
            show_form: true,
            values: value_choices(page.locale),
            page,
            csrf,
            form: CommitmentForm::default(),
            error: None,
        }
    }

    /// The form to correct commitment `c` of `plan`, filled with what is stored.
    fn edit_of<'a>(
        page: &'a Page,
        csrf: String,
        plan: &Plan,
        c: &store::Commitment,
    ) -> CommitmentFormTemplate<'a> {
        CommitmentFormTemplate {
            action: format!("/ogp/commitments/{}/edit", c.id),
            heading: page.t("ogp-edit-commitment"),
            button: page.t("ogp-save"),
            back: Some((
                format!("/ogp/commitments/{}", c.id),
                format!("{} · {}", c.draft.code, c.draft.title),
            )),
            form: CommitmentForm::from(&c.draft),
            ..Self::new_in(page, csrf, plan)
        }
    }
}

fn commitment_form_of(fields: &Fields) -> CommitmentForm {
    CommitmentForm {
        code: field(fields, "code").into(),
        title: field(fields, "title").into(),
        problem: field(fields, "problem").into(),
        status_quo: field(fields, "status_quo").into(),
        action: field(fields, "action").into(),
        how_it_solves: field(fields, "how_it_solves").into(),
        values: all_of(fields, "values"),
        lead_institution: field(fields, "lead_institution").into(),
        supporting_institutions: field(fields, "supporting_institutions").into(),
        starts_on: field(fields, "starts_on").into(),
        ends_on: field(fields, "ends_on").into(),
    }
}

async fn new_commitment_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let plan = load_plan(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    page_with_status(
        StatusCode::OK,
        &CommitmentFormTemplate::new_in(&page, csrf, &plan),
    )
}

async fn create_commitment(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let plan = load_plan(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let form = commitment_form_of(&fields);
    let (error, status) = match form.parse() {
        Ok(d) => match store::create_commitment(&state.db, id, &d, by(&me), now()).await {
            Ok(cid) => return Ok(Redirect::to(&format!("/ogp/commitments/{cid}")).into_response()),
            Err(e) => match e.key() {
                Some(k) => (page.t(k), refusal_status(&e)),
                None => return Err(e.into()),
            },
        },
        Err(e) => (
            field_message(page.locale, e),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    page_with_status(
        status,
        &CommitmentFormTemplate {
            form,
            error: Some(error),
            ..CommitmentFormTemplate::new_in(&page, csrf, &plan)
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Corrections: a commitment's OGP fields, a milestone, an indicator (the plan's staff, while
// the plan is open; each audited with the old and new values by the store)
// ---------------------------------------------------------------------------------------------

/// The message of a refused correction: a closed plan says that nothing can be changed.
fn edit_refusal(page: &Page, e: &StoreError) -> Option<String> {
    match e {
        StoreError::PlanClosed => Some(page.t("ogp-error-plan-closed-edit")),
        other => other.key().map(|k| page.t(k)),
    }
}

/// The plan's staff (or an administrator) only.
fn require_manager(me: &SignedIn, plan: &Plan) -> Result<(), AppError> {
    require(
        me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )
}

/// A correction page opened on a closed plan: the refusal, and no form.
fn closed_for_edits(page: &Page, plan: &Plan) -> (StatusCode, Option<String>, bool) {
    if plan.status == PlanStatus::Open {
        (StatusCode::OK, None, true)
    } else {
        (
            StatusCode::CONFLICT,
            Some(page.t("ogp-error-plan-closed-edit")),
            false,
        )
    }
}

async fn edit_commitment_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (c, plan) = load_commitment(&state, id).await?;
    require_manager(&me, &plan)?;
    let (status, error, show_form) = closed_for_edits(&page, &plan);
    page_with_status(
        status,
        &CommitmentFormTemplate {
            error,
            show_form,
            ..CommitmentFormTemplate::edit_of(&page, csrf, &plan, &c)
        },
    )
}

async fn edit_commitment(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (c, plan) = load_commitment(&state, id).await?;
    require_manager(&me, &plan)?;
    let form = commitment_form_of(&fields);
    let (error, status) = match form.parse() {
        Ok(d) => match store::update_commitment(&state.db, id, &d, by(&me), now()).await {
            Ok(_) => return Ok(Redirect::to(&format!("/ogp/commitments/{id}")).into_response()),
            Err(e) => match edit_refusal(&page, &e) {
                Some(m) => (m, refusal_status(&e)),
                None => return Err(e.into()),
            },
        },
        Err(e) => (
            field_message(page.locale, e),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    page_with_status(
        status,
        &CommitmentFormTemplate {
            form,
            error: Some(error),
            ..CommitmentFormTemplate::edit_of(&page, csrf, &plan, &c)
        },
    )
}

#[derive(Template)]
#[template(path = "ogp/edit_milestone.html")]
struct EditMilestoneTemplate<'a> {
    page: &'a Page,
    csrf: String,
    plan: PlanView,
    /// (id, code, title) of the commitment.
    commitment: (i64, String, String),
    id: i64,
    /// Milestone or improvement action, translated.
    kind: String,
    /// The stored title (the heading).
    title: String,
    status_options: Vec<(&'static str, String)>,
    /// What the form shows: the stored values, or what was typed.
    fields: Fields,
    error: Option<String>,
    show_form: bool,
}

impl EditMilestoneTemplate<'_> {
    fn v(&self, name: &str) -> &str {
        field(&self.fields, name)
    }
}

fn milestone_fields(m: &store::Milestone) -> Fields {
    [
        ("title", m.draft.title.clone()),
        ("responsible", m.draft.responsible.clone()),
        ("starts_on", m.draft.starts_on.to_string()),
        ("due_on", m.draft.due_on.to_string()),
        ("status", m.status.code().to_string()),
        (
            "completed_on",
            m.completed_on.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The milestone, its commitment and its plan.
async fn load_milestone(
    state: &AppState,
    id: i64,
) -> Result<(store::Milestone, store::Commitment, Plan), AppError> {
    let m = store::milestone(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, plan) = load_commitment(state, m.commitment_id).await?;
    Ok((m, c, plan))
}

#[allow(clippy::too_many_arguments)]
fn milestone_page<'a>(
    page: &'a Page,
    csrf: String,
    plan: &Plan,
    c: &store::Commitment,
    m: &store::Milestone,
    fields: Fields,
    error: Option<String>,
    show_form: bool,
) -> EditMilestoneTemplate<'a> {
    EditMilestoneTemplate {
        plan: PlanView::of(plan, page.locale),
        commitment: (c.id, c.draft.code.clone(), c.draft.title.clone()),
        id: m.id,
        kind: page.t(&m.draft.kind.key()),
        title: m.draft.title.clone(),
        status_options: choices(
            page.locale,
            MilestoneStatus::ALL,
            MilestoneStatus::code,
            MilestoneStatus::key,
        ),
        page,
        csrf,
        fields,
        error,
        show_form,
    }
}

async fn edit_milestone_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (m, c, plan) = load_milestone(&state, id).await?;
    require_manager(&me, &plan)?;
    let (status, error, show_form) = closed_for_edits(&page, &plan);
    let fields = milestone_fields(&m);
    page_with_status(
        status,
        &milestone_page(&page, csrf, &plan, &c, &m, fields, error, show_form),
    )
}

async fn edit_milestone(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (m, c, plan) = load_milestone(&state, id).await?;
    require_manager(&me, &plan)?;
    let parsed = MilestoneDraft::parse(
        m.draft.kind,
        field(&fields, "title"),
        field(&fields, "responsible"),
        field(&fields, "starts_on"),
        field(&fields, "due_on"),
    )
    .and_then(|d| {
        let s = parse_choice("status", field(&fields, "status"), MilestoneStatus::parse)?;
        let done = if s == MilestoneStatus::Completed {
            Some(parse_date("completed_on", field(&fields, "completed_on"))?)
        } else {
            None
        };
        Ok((d, s, done))
    });
    let (error, status) = match parsed {
        Ok((d, s, done)) => {
            match store::update_milestone(&state.db, id, &d, s, done, by(&me), now()).await {
                Ok(cid) => {
                    let anchor = match m.draft.kind {
                        MilestoneKind::Milestone => "milestones",
                        MilestoneKind::Improvement => "improvements",
                    };
                    return Ok(
                        Redirect::to(&format!("/ogp/commitments/{cid}#{anchor}")).into_response()
                    );
                }
                Err(e) => match edit_refusal(&page, &e) {
                    Some(msg) => (msg, refusal_status(&e)),
                    None => return Err(e.into()),
                },
            }
        }
        Err(e) => (
            field_message(page.locale, e),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    page_with_status(
        status,
        &milestone_page(&page, csrf, &plan, &c, &m, fields, Some(error), true),
    )
}

#[derive(Template)]
#[template(path = "ogp/edit_indicator.html")]
struct EditIndicatorTemplate<'a> {
    page: &'a Page,
    csrf: String,
    plan: PlanView,
    /// (id, code, title) of the commitment.
    commitment: (i64, String, String),
    id: i64,
    /// The stored name (the heading).
    name: String,
    /// What the form shows: the stored values, or what was typed.
    fields: Fields,
    error: Option<String>,
    show_form: bool,
}

impl EditIndicatorTemplate<'_> {
    fn v(&self, name: &str) -> &str {
        field(&self.fields, name)
    }
}

/// The indicator, its commitment and its plan.
async fn load_indicator(
    state: &AppState,
    id: i64,
) -> Result<(IndicatorDraft, store::Commitment, Plan), AppError> {
    let (commitment_id, d) = store::indicator(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, plan) = load_commitment(state, commitment_id).await?;
    Ok((d, c, plan))
}

#[allow(clippy::too_many_arguments)]
fn indicator_page<'a>(
    page: &'a Page,
    csrf: String,
    plan: &Plan,
    c: &store::Commitment,
    (id, d): (i64, &IndicatorDraft),
    fields: Fields,
    error: Option<String>,
    show_form: bool,
) -> EditIndicatorTemplate<'a> {
    EditIndicatorTemplate {
        plan: PlanView::of(plan, page.locale),
        commitment: (c.id, c.draft.code.clone(), c.draft.title.clone()),
        id,
        name: d.name.clone(),
        page,
        csrf,
        fields,
        error,
        show_form,
    }
}

async fn edit_indicator_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (d, c, plan) = load_indicator(&state, id).await?;
    require_manager(&me, &plan)?;
    let (status, error, show_form) = closed_for_edits(&page, &plan);
    let fields: Fields = [
        ("name", d.name.clone()),
        ("unit", d.unit.clone()),
        ("baseline", views::number(d.baseline)),
        ("target", views::number(d.target)),
        ("data_source", d.data_source.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    page_with_status(
        status,
        &indicator_page(&page, csrf, &plan, &c, (id, &d), fields, error, show_form),
    )
}

async fn edit_indicator(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (old, c, plan) = load_indicator(&state, id).await?;
    require_manager(&me, &plan)?;
    let parsed = IndicatorDraft::parse(
        field(&fields, "name"),
        field(&fields, "unit"),
        field(&fields, "baseline"),
        field(&fields, "target"),
        field(&fields, "data_source"),
    );
    let (error, status) = match parsed {
        Ok(d) => match store::update_indicator(&state.db, id, &d, by(&me)).await {
            Ok(cid) => {
                return Ok(
                    Redirect::to(&format!("/ogp/commitments/{cid}#indicators")).into_response()
                );
            }
            Err(e) => match edit_refusal(&page, &e) {
                Some(msg) => (msg, refusal_status(&e)),
                None => return Err(e.into()),
            },
        },
        Err(e) => (
            field_message(page.locale, e),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    };
    page_with_status(
        status,
        &indicator_page(
            &page,
            csrf,
            &plan,
            &c,
            (id, &old),
            fields,
            Some(error),
            true,
        ),
    )
}

// ---------------------------------------------------------------------------------------------
// Commitment page and its forms
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "ogp/commitment.html")]
struct CommitmentTemplate<'a> {
    page: &'a Page,
    csrf: String,
    plan: PlanView,
    c: store::Commitment,
    values: String,
    overdue: bool,
    last_update: String,
    milestones: Vec<MilestoneView>,
    improvements: Vec<MilestoneView>,
    indicators: Vec<IndicatorView>,
    updates: Vec<UpdateView>,
    assessment: Option<RatingView>,
    reviews: Vec<RatingView>,
    can_manage: bool,
    can_assess: bool,
    my_associations: Vec<(i64, String)>,
    completion_options: Vec<(&'static str, String)>,
    potential_options: Vec<(&'static str, String)>,
    value_options: Vec<(&'static str, String)>,
    status_options: Vec<(&'static str, String)>,
    max_file_mb: i64,
    kept: Kept,
}

async fn commitment_view(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    csrf: String,
    id: i64,
    kept: Kept,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (c, plan) = load_commitment(state, id).await?;
    let b = store::commitment_bundle(&state.db, c).await?;
    let day = today(now());
    let locale = page.locale;
    let body = OrganisationId(plan.organisation_id);
    let (can_manage, can_assess, my_associations) = match user.0.as_ref() {
        None => (false, false, Vec::new()),
        Some(me) => {
            let represented: Vec<i64> = me
                .actor
                .memberships
                .iter()
                .filter(|m| m.role == OrgRole::AssociationRepresentative)
                .map(|m| m.organisation.0)
                .collect();
            let mine = if represented.is_empty() {
                Vec::new()
            } else {
                store::organisations_of_kind(&state.db, "association")
                    .await?
                    .into_iter()
                    .filter(|(id, ..)| represented.contains(id))
                    .map(|(id, _, ar, fr)| (id, pick(locale, &(ar, fr))))
                    .collect()
            };
            (
                may(me, &Action::ManageOgpPlan(body)),
                may(me, &Action::SelfAssessOgpCommitment(body)),
                mine,
            )
        }
    };
    let own = b.assessment.as_ref();
    let (milestones, improvements): (Vec<_>, Vec<_>) = b
        .milestones
        .iter()
        .partition(|m| m.draft.kind == MilestoneKind::Milestone);
    page_with_status(
        status,
        &CommitmentTemplate {
            page,
            csrf,
            plan: PlanView::of(&plan, locale),
            values: views::value_labels(locale, &b.commitment.draft.values),
            overdue: views::overdue(&b.commitment, plan.status, day),
            last_update: b
                .commitment
                .last_update_at
                .map_or_else(|| locale.t("ogp-never-updated"), |t| locale.format_date(t)),
            milestones: milestones
                .iter()
                .map(|m| MilestoneView::of(m, day, locale))
                .collect(),
            improvements: improvements
                .iter()
                .map(|m| MilestoneView::of(m, day, locale))
                .collect(),
            indicators: b.indicators.iter().map(IndicatorView::of).collect(),
            updates: b
                .updates
                .iter()
                .map(|u| UpdateView::of(u, locale))
                .collect(),
            assessment: own.map(|a| RatingView::of(a, None, locale)),
            reviews: b
                .reviews
                .iter()
                .map(|r| RatingView::of(r, own, locale))
                .collect(),
            c: b.commitment.clone(),
            can_manage,
            can_assess,
            my_associations,
            completion_options: choices(locale, Completion::ALL, Completion::code, Completion::key),
            potential_options: choices(locale, Potential::ALL, Potential::code, Potential::key),
            value_options: value_choices(locale),
            status_options: choices(
                locale,
                MilestoneStatus::ALL,
                MilestoneStatus::code,
                MilestoneStatus::key,
            ),
            max_file_mb: (MAX_FILE_BYTES / (1024 * 1024)) as i64,
            kept,
        },
    )
}

async fn commitment_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    commitment_view(
        &state,
        &page,
        &user,
        csrf,
        id,
        Kept::default(),
        StatusCode::OK,
    )
    .await
}

/// The commitment page again after a refusal: message, typed values, status.
async fn refused(
    state: &AppState,
    page: &Page,
    me: &std::sync::Arc<SignedIn>,
    csrf: String,
    id: i64,
    kept: Kept,
    status: StatusCode,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me.clone()));
    commitment_view(state, page, &user, csrf, id, kept, status).await
}

/// The outcome of a store change from a commitment form: back to the page, or the page with
/// the translated refusal and what was typed.
#[allow(clippy::too_many_arguments)]
async fn after_change<T>(
    state: &AppState,
    page: &Page,
    me: &std::sync::Arc<SignedIn>,
    csrf: String,
    commitment_id: i64,
    form: &'static str,
    fields: Fields,
    result: Result<T, StoreError>,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/ogp/commitments/{commitment_id}#{form}")).into_response())
        }
        Err(e) => match e.key() {
            Some(k) => {
                let kept = Kept::new(form, fields, page.t(k));
                refused(
                    state,
                    page,
                    me,
                    csrf,
                    commitment_id,
                    kept,
                    refusal_status(&e),
                )
                .await
            }
            None => Err(e.into()),
        },
    }
}

#[allow(clippy::too_many_arguments)]
async fn invalid(
    state: &AppState,
    page: &Page,
    me: &std::sync::Arc<SignedIn>,
    csrf: String,
    commitment_id: i64,
    form: &'static str,
    fields: Fields,
    e: FieldError,
) -> Result<Response, AppError> {
    let kept = Kept::new(form, fields, field_message(page.locale, e));
    refused(
        state,
        page,
        me,
        csrf,
        commitment_id,
        kept,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn add_milestone(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (_, plan) = load_commitment(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let kind = MilestoneKind::parse(field(&fields, "kind")).unwrap_or(MilestoneKind::Milestone);
    let form = match kind {
        MilestoneKind::Milestone => "milestones",
        MilestoneKind::Improvement => "improvements",
    };
    let parsed = MilestoneDraft::parse(
        kind,
        field(&fields, "title"),
        field(&fields, "responsible"),
        field(&fields, "starts_on"),
        field(&fields, "due_on"),
    );
    match parsed {
        Ok(d) => {
            let r = store::add_milestone(&state.db, id, &d, by(&me), now()).await;
            after_change(&state, &page, &me, csrf, id, form, fields, r).await
        }
        Err(e) => invalid(&state, &page, &me, csrf, id, form, fields, e).await,
    }
}

async fn milestone_status(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let commitment_id: i64 = state
        .db
        .query_scalar("SELECT commitment_id FROM ogp_milestones WHERE id = ?")
        .bind(id)
        .fetch_optional(state.db.pool())
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, plan) = load_commitment(&state, commitment_id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let parsed =
        parse_choice("status", field(&fields, "status"), MilestoneStatus::parse).and_then(|s| {
            let done = field(&fields, "completed_on");
            if s == MilestoneStatus::Completed {
                Ok((s, Some(parse_date("completed_on", done)?)))
            } else {
                Ok((s, None))
            }
        });
    match parsed {
        Ok((s, done)) => {
            let r = store::set_milestone_status(&state.db, id, s, done, by(&me), now()).await;
            after_change(
                &state,
                &page,
                &me,
                csrf,
                commitment_id,
                "milestones",
                fields,
                r,
            )
            .await
        }
        Err(e) => {
            invalid(
                &state,
                &page,
                &me,
                csrf,
                commitment_id,
                "milestones",
                fields,
                e,
            )
            .await
        }
    }
}

async fn add_indicator(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (_, plan) = load_commitment(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let parsed = IndicatorDraft::parse(
        field(&fields, "name"),
        field(&fields, "unit"),
        field(&fields, "baseline"),
        field(&fields, "target"),
        field(&fields, "data_source"),
    );
    match parsed {
        Ok(d) => {
            let r = store::add_indicator(&state.db, id, &d, by(&me), now()).await;
            after_change(&state, &page, &me, csrf, id, "indicators", fields, r).await
        }
        Err(e) => invalid(&state, &page, &me, csrf, id, "indicators", fields, e).await,
    }
}

async fn indicator_value(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let commitment_id: i64 = state
        .db
        .query_scalar("SELECT commitment_id FROM ogp_indicators WHERE id = ?")
        .bind(id)
        .fetch_optional(state.db.pool())
        .await?
        .ok_or(AppError::NotFound)?;
    let (_, plan) = load_commitment(&state, commitment_id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let parsed = parse_date("measured_on", field(&fields, "measured_on"))
        .and_then(|d| Ok((d, parse_number("value", field(&fields, "value"))?)));
    match parsed {
        Ok((d, v)) => {
            let r = store::add_indicator_value(&state.db, id, d, v, by(&me), now()).await;
            after_change(
                &state,
                &page,
                &me,
                csrf,
                commitment_id,
                "indicators",
                fields,
                r,
            )
            .await
        }
        Err(e) => {
            invalid(
                &state,
                &page,
                &me,
                csrf,
                commitment_id,
                "indicators",
                fields,
                e,
            )
            .await
        }
    }
}

fn rating_form(fields: &Fields) -> RatingForm {
    RatingForm {
        completion: field(fields, "completion").into(),
        potential: field(fields, "potential").into(),
        relevant_values: all_of(fields, "relevant_values"),
        narrative: field(fields, "narrative").into(),
        evidence_link: field(fields, "evidence_link").into(),
    }
}

async fn assess(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (_, plan) = load_commitment(&state, id).await?;
    require(
        &me,
        Action::SelfAssessOgpCommitment(OrganisationId(plan.organisation_id)),
    )?;
    match rating_form(&fields).parse() {
        Ok(r) => {
            let res = store::record_assessment(&state.db, id, &r, by(&me), now()).await;
            after_change(&state, &page, &me, csrf, id, "assessment", fields, res).await
        }
        Err(e) => invalid(&state, &page, &me, csrf, id, "assessment", fields, e).await,
    }
}

async fn review(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    load_commitment(&state, id).await?;
    let association: i64 = field(&fields, "association")
        .parse()
        .map_err(|_| AppError::Forbidden)?;
    require(
        &me,
        Action::ReviewOgpCommitment(OrganisationId(association)),
    )?;
    match rating_form(&fields).parse() {
        Ok(r) => {
            let res = store::record_review(&state.db, id, association, &r, by(&me), now()).await;
            after_change(&state, &page, &me, csrf, id, "review", fields, res).await
        }
        Err(e) => invalid(&state, &page, &me, csrf, id, "review", fields, e).await,
    }
}

/// The parts of the update form: the text fields, and the file (name, bytes) if one was sent.
type UpdateParts = (Fields, Option<(String, Vec<u8>)>);

/// Reads the update form; a file larger than the limit is reported without reading the rest.
async fn read_update_form(
    multipart: &mut Multipart,
) -> Result<UpdateParts, (Fields, evidence::EvidenceError)> {
    let mut fields = Vec::new();
    let mut file = None;
    loop {
        let part = match multipart.next_field().await {
            Ok(Some(p)) => p,
            Ok(None) => break,
            // A body cut off by the size limit.
            Err(_) => return Err((fields, evidence::EvidenceError::TooLarge)),
        };
        let name = part.name().unwrap_or_default().to_string();
        if name == "file" {
            let file_name = part.file_name().unwrap_or_default().to_string();
            let mut part = part;
            let mut bytes = Vec::new();
            loop {
                match part.chunk().await {
                    Ok(Some(chunk)) => {
                        if bytes.len() + chunk.len() > MAX_FILE_BYTES {
                            return Err((fields, evidence::EvidenceError::TooLarge));
                        }
                        bytes.extend_from_slice(&chunk);
                    }
                    Ok(None) => break,
                    Err(_) => return Err((fields, evidence::EvidenceError::TooLarge)),
                }
            }
            if !(file_name.is_empty() && bytes.is_empty()) {
                file = Some((file_name, bytes));
            }
        } else {
            let text = part.text().await.unwrap_or_default();
            fields.push((name, text));
        }
    }
    Ok((fields, file))
}

async fn add_update(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let (_, plan) = load_commitment(&state, id).await?;
    require(
        &me,
        Action::ManageOgpPlan(OrganisationId(plan.organisation_id)),
    )?;
    let (fields, file) = match read_update_form(&mut multipart).await {
        Ok(parts) => parts,
        Err((fields, e)) => {
            let kept = Kept::new("update", fields, page.t(e.key()));
            return refused(
                &state,
                &page,
                &me,
                csrf,
                id,
                kept,
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await;
        }
    };
    let body = match required_text("body", field(&fields, "body"), MAX_TEXT) {
        Ok(b) => b,
        Err(e) => return invalid(&state, &page, &me, csrf, id, "update", fields, e).await,
    };
    let mut evidence_list = Vec::new();
    let link = field(&fields, "link").trim();
    if !link.is_empty() {
        match evidence::parse_link(link) {
            Ok(l) => evidence_list.push(NewEvidence::Link(l)),
            Err(key) => {
                let e = FieldError { field: "link", key };
                return invalid(&state, &page, &me, csrf, id, "update", fields, e).await;
            }
        }
    }
    if let Some((name, bytes)) = file {
        match evidence::check_file(&name, &bytes) {
            Ok(checked) => evidence_list.push(NewEvidence::File(checked, bytes)),
            Err(e) => {
                let status = match e {
                    evidence::EvidenceError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
                    _ => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                };
                let kept = Kept::new("update", fields, page.t(e.key()));
                return refused(&state, &page, &me, csrf, id, kept, status).await;
            }
        }
    }
    let r = store::add_update(&state.db, id, &body, &evidence_list, by(&me), now()).await;
    after_change(&state, &page, &me, csrf, id, "update", fields, r).await
}

async fn evidence_file(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = store::evidence_file(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut r = bytes.into_response();
    let ct = HeaderValue::from_str(&ctype)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    r.headers_mut().insert(header::CONTENT_TYPE, ct);
    // Always a download, never rendered in our origin.
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        urlencoding::encode(&name)
    )) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

// ---------------------------------------------------------------------------------------------
// Report: web page, PDF, JSON, CSV
// ---------------------------------------------------------------------------------------------

/// One commitment in the report.
pub struct ReportCommitment {
    /// Link.
    pub id: i64,
    /// Identifier.
    pub code: String,
    /// Title.
    pub title: String,
    /// OGP values.
    pub values: String,
    /// Milestones completed of all.
    pub milestones_done: String,
    /// The self-assessment.
    pub assessment: Option<RatingView>,
    /// The reviews.
    pub reviews: Vec<RatingView>,
    /// Evidence of its updates.
    pub evidence: Vec<views::EvidenceView>,
    /// Update overdue.
    pub overdue: bool,
}

fn report_commitments(b: &PlanBundle, locale: Locale) -> Vec<ReportCommitment> {
    let day = today(now());
    b.commitments
        .iter()
        .map(|c| {
            let own = c.assessment.as_ref();
            let ms: Vec<_> = c
                .milestones
                .iter()
                .filter(|m| m.draft.kind == MilestoneKind::Milestone)
                .collect();
            let done = ms
                .iter()
                .filter(|m| m.status == MilestoneStatus::Completed)
                .count();
            ReportCommitment {
                id: c.commitment.id,
                code: c.commitment.draft.code.clone(),
                title: c.commitment.draft.title.clone(),
                values: views::value_labels(locale, &c.commitment.draft.values),
                milestones_done: format!("{done} / {}", ms.len()),
                assessment: own.map(|a| RatingView::of(a, None, locale)),
                reviews: c
                    .reviews
                    .iter()
                    .map(|r| RatingView::of(r, own, locale))
                    .collect(),
                evidence: c
                    .updates
                    .iter()
                    .flat_map(|u| UpdateView::of(u, locale).evidence)
                    .collect(),
                overdue: views::overdue(&c.commitment, b.plan.status, day),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "ogp/report.html")]
struct ReportTemplate<'a> {
    page: &'a Page,
    plan: PlanView,
    forum: Vec<String>,
    events: usize,
    commitments: Vec<ReportCommitment>,
    charts: Vec<String>,
}

async fn load_bundle(state: &AppState, id: i64) -> Result<PlanBundle, AppError> {
    store::plan_bundle(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

async fn report_page(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let b = load_bundle(&state, id).await?;
    let rtl = page.locale.is_rtl();
    render(&ReportTemplate {
        plan: PlanView::of(&b.plan, page.locale),
        forum: b.forum.iter().map(|m| pick(page.locale, &m.name)).collect(),
        events: b.events.len(),
        commitments: report_commitments(&b, page.locale),
        charts: views::charts(&b, today(now()), page.locale)
            .iter()
            .map(|c| c.to_html(rtl))
            .collect(),
        page: &page,
    })
}

#[derive(Debug, Deserialize)]
struct PdfQuery {
    lang: Option<String>,
}

async fn report_pdf(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    Query(q): Query<PdfQuery>,
) -> Result<Response, AppError> {
    let locale = match q.lang.as_deref() {
        None | Some("ar") => Locale::Ar,
        Some("fr") => Locale::Fr,
        Some(_) => return Err(AppError::BadRequest("ogp-error-pdf-language")),
    };
    let b = load_bundle(&state, id).await?;
    let base = state.config.base_url.clone();
    let pdf =
        tokio::task::spawn_blocking(move || super::pdf::render(&b, locale, &base, today(now())))
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
            .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let mut r = pdf.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"ogp-report-{id}-{}.pdf\"",
        locale.code()
    )) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

fn rating_json(r: &store::RatingRecord) -> serde_json::Value {
    serde_json::json!({
        "association": r.association.as_ref().map(|(id, ar, fr)| serde_json::json!({"id": id, "name_ar": ar, "name_fr": fr})),
        "completion": r.rating.completion.code(),
        "potential": r.rating.potential.code(),
        "relevant_values": r.rating.relevant_values.iter().map(|v| v.code()).collect::<Vec<_>>(),
        "narrative": r.rating.narrative,
        "evidence_link": r.rating.evidence_link,
        "recorded_at": rfc3339(r.at),
    })
}

fn rfc3339(ts: i64) -> String {
    jiff::Timestamp::from_second(ts).map_or_else(|_| String::new(), |t| t.to_string())
}

async fn plan_json(state: &AppState, id: i64) -> Result<Response, AppError> {
    let b = load_bundle(state, id).await?;
    let base = state.config.base_url.trim_end_matches('/');
    let day = today(now());
    let p = &b.plan;
    let commitments: Vec<serde_json::Value> = b
        .commitments
        .iter()
        .map(|c| {
            let d = &c.commitment.draft;
            serde_json::json!({
                "id": c.commitment.id,
                "url": format!("{base}/ogp/commitments/{}", c.commitment.id),
                "code": d.code,
                "title": d.title,
                "problem": d.problem,
                "status_quo": d.status_quo,
                "action": d.action,
                "how_it_solves": d.how_it_solves,
                "ogp_values": d.values.iter().map(|v| v.code()).collect::<Vec<_>>(),
                "lead_institution": d.lead_institution,
                "supporting_institutions": d.supporting_institutions,
                "starts_on": d.starts_on.to_string(),
                "ends_on": d.ends_on.to_string(),
                "last_update_at": c.commitment.last_update_at.map(rfc3339),
                "update_overdue": views::overdue(&c.commitment, p.status, day),
                "milestones": c.milestones.iter().map(|m| serde_json::json!({
                    "kind": m.draft.kind.code(),
                    "title": m.draft.title,
                    "responsible": m.draft.responsible,
                    "starts_on": m.draft.starts_on.to_string(),
                    "due_on": m.draft.due_on.to_string(),
                    "status": m.status.code(),
                    "completed_on": m.completed_on.map(|d| d.to_string()),
                    "timeliness": super::model::progress::timeliness(m.status, m.draft.due_on, m.completed_on, day).code(),
                })).collect::<Vec<_>>(),
                "indicators": c.indicators.iter().map(|i| serde_json::json!({
                    "name": i.draft.name,
                    "unit": i.draft.unit,
                    "baseline": i.draft.baseline,
                    "target": i.draft.target,
                    "data_source": i.draft.data_source,
                    "values": i.values.iter().map(|(d, v)| serde_json::json!({"measured_on": d.to_string(), "value": v})).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "updates": c.updates.iter().map(|u| serde_json::json!({
                    "body": u.body,
                    "at": rfc3339(u.created_at),
                    "evidence": u.evidence.iter().map(|e| match &e.link {
                        Some(l) => l.clone(),
                        None => format!("{base}/ogp/evidence/{}", e.id),
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "self_assessment": c.assessment.as_ref().map(rating_json),
                "reviews": c.reviews.iter().map(rating_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(axum::Json(serde_json::json!({
        "id": p.id,
        "url": format!("{base}/ogp/plans/{}", p.id),
        "title": p.draft.title,
        "body": { "id": p.organisation_id, "code": p.organisation_code, "name_ar": p.organisation_name.0, "name_fr": p.organisation_name.1 },
        "starts_on": p.draft.starts_on.to_string(),
        "ends_on": p.draft.ends_on.to_string(),
        "status": p.status.code(),
        "demo": p.demo,
        "co_creation": {
            "narrative": p.draft.co_creation,
            "participants": p.draft.participants,
            "contributions": p.draft.contributions,
            "meetings": b.events.iter().map(|e| serde_json::json!({"id": e.event_id, "url": format!("{base}/events/{}", e.event_id), "title": e.title, "starts_at": rfc3339(e.starts_at)})).collect::<Vec<_>>(),
        },
        "forum": b.forum.iter().map(|m| serde_json::json!({"id": m.association_id, "code": m.code, "name_ar": m.name.0, "name_fr": m.name.1})).collect::<Vec<_>>(),
        "commitments": commitments,
    }))
    .into_response())
}

async fn all_csv(State(state): State<AppState>) -> Result<Response, AppError> {
    csv_response(&state, None, "ogp-commitments.csv").await
}

/// One CSV row per (commitment, rating): the self-assessment and each association's review;
/// a commitment with no rating has one row with empty rating columns.
async fn csv_response(
    state: &AppState,
    plan: Option<i64>,
    file: &str,
) -> Result<Response, AppError> {
    let plans = match plan {
        Some(id) => vec![load_plan(state, id).await?],
        None => store::plans(&state.db).await?,
    };
    let day = today(now());
    let mut w = csv::Writer::from_writer(Vec::new());
    let csv_err = |e: csv::Error| AppError::Internal(anyhow::anyhow!("{e}"));
    w.write_record([
        "plan_id",
        "plan_title",
        "body",
        "plan_status",
        "commitment_id",
        "code",
        "title",
        "ogp_values",
        "lead_institution",
        "starts_on",
        "ends_on",
        "last_update",
        "update_overdue",
        "milestones_completed",
        "milestones_total",
        "rated_by",
        "association",
        "completion",
        "potential",
        "relevant_values",
        "rated_at",
    ])
    .map_err(csv_err)?;
    for p in &plans {
        for c in store::commitments(&state.db, p.id).await? {
            let b = store::commitment_bundle(&state.db, c).await?;
            let d = &b.commitment.draft;
            let ms: Vec<_> = b
                .milestones
                .iter()
                .filter(|m| m.draft.kind == MilestoneKind::Milestone)
                .collect();
            let done = ms
                .iter()
                .filter(|m| m.status == MilestoneStatus::Completed)
                .count();
            let base = vec![
                p.id.to_string(),
                p.draft.title.clone(),
                p.organisation_name.1.clone(),
                p.status.code().to_string(),
                b.commitment.id.to_string(),
                d.code.clone(),
                d.title.clone(),
                super::model::values_to_codes(&d.values),
                d.lead_institution.clone(),
                d.starts_on.to_string(),
                d.ends_on.to_string(),
                b.commitment.last_update_at.map(rfc3339).unwrap_or_default(),
                views::overdue(&b.commitment, p.status, day).to_string(),
                done.to_string(),
                ms.len().to_string(),
            ];
            let ratings: Vec<&store::RatingRecord> =
                b.assessment.iter().chain(b.reviews.iter()).collect();
            if ratings.is_empty() {
                let mut row = base.clone();
                row.extend(std::iter::repeat_n(String::new(), 6));
                w.write_record(&row).map_err(csv_err)?;
            }
            for r in ratings {
                let mut row = base.clone();
                row.push(
                    if r.association.is_some() {
                        "civil_society_review"
                    } else {
                        "self_assessment"
                    }
                    .into(),
                );
                row.push(
                    r.association
                        .as_ref()
                        .map(|(_, _, fr)| fr.clone())
                        .unwrap_or_default(),
                );
                row.push(r.rating.completion.code().into());
                row.push(r.rating.potential.code().into());
                row.push(super::model::values_to_codes(&r.rating.relevant_values));
                row.push(rfc3339(r.at));
                w.write_record(&row).map_err(csv_err)?;
            }
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let mut r = bytes.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}
