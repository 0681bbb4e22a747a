//! HTTP of the results framework: the programme list, each programme's dashboard (progress of
//! every indicator against its target, with a chart and its data table), its JSON and CSV
//! exports, and the staff pages that build the framework and enter the values of manual
//! indicators with their evidence.
//!
//! Every change asks `platform::permissions` (`ManageResults` of the programme's organisation)
//! first and is audited by the store; refused input comes back on the same form with what was
//! typed and a translated message.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};

use super::model::evidence::{self, MAX_FILE_BYTES};
use super::model::{
    FieldError, IndicatorForm, NamedQuery, ProgrammeForm, Source, ValueForm, validate_title,
};
use super::store::{self, EvidenceFile, Level, Objective, Owner, Programme, StoreError};
use super::views::{self, Evaluated};
use crate::accounts::model::OrgRole;
use crate::platform::audit::Actor as By;
use crate::platform::chart::{Bar, BarChart};
use crate::platform::ids::OrganisationId;
use crate::platform::layout::render;
use crate::platform::permissions::{Action, allowed};
use crate::platform::session::{Csrf, CurrentUser, RequireUser, SignedIn};
use crate::platform::{AppError, AppState, Page, now};

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::DuplicateKey => AppError::Conflict("results-error-key-taken"),
            StoreError::NotManual => AppError::Conflict("results-error-not-manual"),
            StoreError::Db(e) => AppError::Db(e),
            StoreError::Corrupt(c) => AppError::Internal(anyhow::anyhow!("corrupt row: {c}")),
        }
    }
}

/// Routes of the module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/results", get(index))
        .route("/results/new", get(new_programme_page))
        .route("/results/programmes", post(create_programme))
        .route("/results/programmes/{file}", get(programme_file))
        .route(
            "/results/programmes/{id}/edit",
            get(edit_programme_page).post(edit_programme),
        )
        .route("/results/programmes/{id}/manage", get(manage_page))
        .route("/results/programmes/{id}/nodes", post(add_node))
        .route("/results/programmes/{id}/nodes/rename", post(rename_node))
        .route(
            "/results/programmes/{id}/results/{result}/indicators",
            get(new_indicator_page).post(add_indicator),
        )
        .route(
            "/results/programmes/{id}/indicators/{ind}",
            get(indicator_page),
        )
        .route(
            "/results/programmes/{id}/indicators/{ind}/edit",
            get(edit_indicator_page).post(edit_indicator),
        )
        .route(
            "/results/programmes/{id}/indicators/{ind}/values",
            post(add_value).layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 256 * 1024)),
        )
        .route(
            "/results/programmes/{id}/values/{value}/evidence",
            get(evidence_file),
        )
}

type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn by(me: &SignedIn) -> By {
    By::Account(me.user.id.0)
}

async fn load(state: &AppState, id: i64) -> Result<Programme, AppError> {
    store::programme(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn may_manage(user: &CurrentUser, p: &Programme) -> bool {
    allowed(
        &user.actor(),
        &Action::ManageResults(OrganisationId(p.organisation_id)),
    )
    .is_ok()
}

/// Refuses unless `me` manages the programme: 403 (the permission decides).
fn require(me: &SignedIn, p: &Programme) -> Result<(), AppError> {
    allowed(
        &me.actor(),
        &Action::ManageResults(OrganisationId(p.organisation_id)),
    )
    .map_err(AppError::from)
}

fn unprocessable(html: Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
}

/// What a form shows: the values typed and the refused fields with their messages.
#[derive(Debug, Default)]
pub struct FormView {
    values: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
}

impl FormView {
    fn new(values: Vec<(&'static str, String)>) -> Self {
        Self {
            values,
            errors: Vec::new(),
        }
    }

    fn with_errors(mut self, page: &Page, errors: &[FieldError]) -> Self {
        self.errors = errors.iter().map(|e| (e.field, page.t(e.key))).collect();
        self
    }

    /// The value typed in `name`.
    pub fn value(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The error of `name`, if refused.
    pub fn error(&self, name: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every refused field (for the summary at the top).
    pub fn errors(&self) -> &[(&'static str, String)] {
        &self.errors
    }
}

fn period_text(page: &Page, p: &Programme) -> String {
    page.tr(
        "results-period-value",
        &[
            ("from", p.period.from.to_string().into()),
            ("to", p.period.to.to_string().into()),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------------------------

struct ProgrammeRow {
    href: String,
    title: String,
    key: String,
    period: String,
    demo: bool,
}

#[derive(Template)]
#[template(path = "results/index.html")]
struct IndexTemplate<'a> {
    page: &'a Page,
    programmes: Vec<ProgrammeRow>,
    can_create: bool,
}

/// Staff of some organisation, or an administrator: may start a programme.
fn may_create(user: &CurrentUser) -> bool {
    user.0.as_ref().is_some_and(|s| {
        s.actor.email_confirmed
            && (s.actor.is_admin || s.actor.memberships.iter().any(|m| m.role == OrgRole::Staff))
    })
}

async fn index(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
) -> Result<Html<String>, AppError> {
    let programmes = store::programmes(&state.db)
        .await?
        .into_iter()
        .map(|p| ProgrammeRow {
            href: format!("/results/programmes/{}", p.id),
            period: period_text(&page, &p),
            title: p.title,
            key: p.key,
            demo: p.demo,
        })
        .collect();
    render(&IndexTemplate {
        page: &page,
        programmes,
        can_create: may_create(&user),
    })
}

// ---------------------------------------------------------------------------------------------
// Programme form (new and edit)
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "results/programme_form.html")]
struct ProgrammeFormTemplate<'a> {
    page: &'a Page,
    csrf: String,
    heading: String,
    action: String,
    back_href: String,
    form: FormView,
    /// (id, name, selected); empty when editing (the owner does not change).
    organisations: Vec<(i64, String, bool)>,
}

fn programme_values(f: &ProgrammeForm, organisation: &str) -> Vec<(&'static str, String)> {
    vec![
        ("key", f.key.clone()),
        ("title", f.title.clone()),
        ("description", f.description.clone()),
        ("starts_on", f.starts_on.clone()),
        ("ends_on", f.ends_on.clone()),
        ("organisation", organisation.to_string()),
    ]
}

fn programme_form_of(fields: &Fields) -> ProgrammeForm {
    ProgrammeForm {
        key: field(fields, "key").to_string(),
        title: field(fields, "title").to_string(),
        description: field(fields, "description").to_string(),
        starts_on: field(fields, "starts_on").to_string(),
        ends_on: field(fields, "ends_on").to_string(),
    }
}

/// The organisations `me` may start a programme for: all bodies and associations for an
/// administrator, the organisations where one is staff otherwise.
async fn owner_choices(
    state: &AppState,
    page: &Page,
    me: &SignedIn,
    selected: &str,
) -> Result<Vec<(i64, String, bool)>, AppError> {
    let lang = page.locale.code();
    let mut out = Vec::new();
    if me.actor.is_admin {
        for o in crate::territory::store::bodies(&state.db).await? {
            out.push((o.id, o.names.get(lang).to_string()));
        }
    } else {
        for m in me
            .actor
            .memberships
            .iter()
            .filter(|m| m.role == OrgRole::Staff)
        {
            if let Some(o) =
                crate::territory::store::organisation(&state.db, m.organisation.0).await?
            {
                out.push((o.id, o.names.get(lang).to_string()));
            }
        }
    }
    Ok(out
        .into_iter()
        .map(|(id, name)| (id, name, id.to_string() == selected))
        .collect())
}

async fn new_programme_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
) -> Result<Html<String>, AppError> {
    let organisations = owner_choices(&state, &page, &me, "").await?;
    if organisations.is_empty() || !me.actor.email_confirmed {
        return Err(AppError::Forbidden);
    }
    render(&ProgrammeFormTemplate {
        heading: page.t("results-new-programme"),
        page: &page,
        csrf,
        action: "/results/programmes".into(),
        back_href: "/results".into(),
        form: FormView::default(),
        organisations,
    })
}

async fn create_programme(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let org_raw = field(&fields, "organisation").trim().to_string();
    let org = org_raw.parse::<i64>().ok();
    let organisation = match org {
        Some(id) => crate::territory::store::organisation(&state.db, id).await?,
        None => None,
    };
    // The permission is decided on the organisation chosen: staff of it, or an administrator.
    let owner_id = organisation.as_ref().map_or(0, |o| o.id);
    allowed(
        &me.actor(),
        &Action::ManageResults(OrganisationId(owner_id)),
    )
    .map_err(AppError::from)?;
    let Some(organisation) = organisation else {
        return Err(AppError::BadRequest("results-error-organisation"));
    };
    let f = programme_form_of(&fields);
    let owner = Owner {
        organisation_id: organisation.id,
        territory_id: organisation.territory_id,
        demo: false,
    };
    let errors = match f.validate() {
        Ok(d) => match store::create_programme(&state.db, owner, &d, by(&me), now()).await {
            Ok(id) => {
                return Ok(
                    Redirect::to(&format!("/results/programmes/{id}/manage")).into_response()
                );
            }
            Err(StoreError::DuplicateKey) => vec![FieldError {
                field: "key",
                key: "results-error-key-taken",
            }],
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let organisations = owner_choices(&state, &page, &me, &org_raw).await?;
    let html = render(&ProgrammeFormTemplate {
        heading: page.t("results-new-programme"),
        csrf,
        action: "/results/programmes".into(),
        back_href: "/results".into(),
        form: FormView::new(programme_values(&f, &org_raw)).with_errors(&page, &errors),
        organisations,
        page: &page,
    })?;
    Ok(unprocessable(html))
}

async fn edit_programme_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let f = ProgrammeForm {
        key: p.key.clone(),
        title: p.title.clone(),
        description: p.description.clone(),
        starts_on: p.period.from.to_string(),
        ends_on: p.period.to.to_string(),
    };
    render(&ProgrammeFormTemplate {
        heading: page.t("results-edit-programme"),
        page: &page,
        csrf,
        action: format!("/results/programmes/{id}/edit"),
        back_href: format!("/results/programmes/{id}/manage"),
        form: FormView::new(programme_values(&f, "")),
        organisations: Vec::new(),
    })
}

async fn edit_programme(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let f = programme_form_of(&fields);
    let errors = match f.validate() {
        Ok(d) => match store::update_programme(&state.db, id, &d, by(&me), now()).await {
            Ok(()) => {
                return Ok(
                    Redirect::to(&format!("/results/programmes/{id}/manage")).into_response()
                );
            }
            Err(StoreError::DuplicateKey) => vec![FieldError {
                field: "key",
                key: "results-error-key-taken",
            }],
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    let html = render(&ProgrammeFormTemplate {
        heading: page.t("results-edit-programme"),
        csrf,
        action: format!("/results/programmes/{id}/edit"),
        back_href: format!("/results/programmes/{id}/manage"),
        form: FormView::new(programme_values(&f, "")).with_errors(&page, &errors),
        organisations: Vec::new(),
        page: &page,
    })?;
    Ok(unprocessable(html))
}

// ---------------------------------------------------------------------------------------------
// Dashboard and exports
// ---------------------------------------------------------------------------------------------

/// One indicator as the dashboard shows it.
struct IndicatorRow {
    id: i64,
    href: String,
    title: String,
    unit: String,
    activity: String,
    baseline: i64,
    target: i64,
    current: String,
    permille: i64,
    percent: String,
    reached: bool,
    source: String,
    breakdown: String,
}

struct ResultView {
    id: i64,
    title: String,
    activities: Vec<(i64, String)>,
    rows: Vec<IndicatorRow>,
}

struct ObjectiveView {
    id: i64,
    title: String,
    results: Vec<ResultView>,
}

fn row_of(page: &Page, p: &Programme, e: &Evaluated, activities: &[(i64, String)]) -> IndicatorRow {
    let ind = &e.indicator;
    IndicatorRow {
        id: ind.id,
        href: format!("/results/programmes/{}/indicators/{}", p.id, ind.id),
        title: ind.title.clone(),
        unit: ind.unit.clone(),
        activity: ind
            .activity_id
            .and_then(|a| activities.iter().find(|(id, _)| *id == a))
            .map(|(_, t)| t.clone())
            .unwrap_or_default(),
        baseline: ind.baseline,
        target: ind.target,
        current: e
            .current
            .map_or_else(|| page.t("results-no-value"), |c| c.to_string()),
        permille: e.progress.map_or(0, |p| p.permille),
        percent: e
            .progress
            .map_or_else(|| "—".to_string(), |p| views::percent(p.permille)),
        reached: e.progress.is_some_and(|p| p.reached),
        source: views::source_label(page, ind.source),
        breakdown: views::breakdown_text(page, e),
    }
}

fn tree(
    page: &Page,
    p: &Programme,
    framework: &[Objective],
    evaluated: &[Evaluated],
) -> Vec<ObjectiveView> {
    framework
        .iter()
        .map(|o| ObjectiveView {
            id: o.id,
            title: o.title.clone(),
            results: o
                .results
                .iter()
                .map(|r| {
                    let activities: Vec<(i64, String)> = r
                        .activities
                        .iter()
                        .map(|a| (a.id, a.title.clone()))
                        .collect();
                    ResultView {
                        id: r.id,
                        title: r.title.clone(),
                        rows: evaluated
                            .iter()
                            .filter(|e| e.indicator.result_id == r.id)
                            .map(|e| row_of(page, p, e, &activities))
                            .collect(),
                        activities,
                    }
                })
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "results/programme.html")]
struct ProgrammeTemplate<'a> {
    page: &'a Page,
    p: &'a Programme,
    period: String,
    organisation: String,
    territory: String,
    objectives: Vec<ObjectiveView>,
    chart: String,
    can_manage: bool,
    events_href: String,
}

/// `/results/programmes/{id}`, `{id}.json` and `{id}.csv`.
async fn programme_file(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let (id, ext) = match file.split_once('.') {
        Some((id, ext)) => (id, ext),
        None => (file.as_str(), ""),
    };
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let p = load(&state, id).await?;
    let framework = store::framework(&state.db, id).await?;
    let evaluated = views::evaluate(&state.db, &p, &framework, now()).await?;
    match ext {
        "" => Ok(dashboard(&state, &page, &user, &p, &framework, &evaluated)
            .await?
            .into_response()),
        "json" => {
            let report = views::Report {
                programme: &p,
                computed_at: now(),
                objectives: &framework,
                indicators: &evaluated,
            };
            Ok(axum::Json(report).into_response())
        }
        "csv" => {
            let bytes = views::to_csv(&p, &framework, &evaluated).map_err(AppError::Internal)?;
            let mut r = bytes.into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            if let Ok(v) =
                HeaderValue::from_str(&format!("attachment; filename=\"programme-{id}.csv\""))
            {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            Ok(r)
        }
        _ => Err(AppError::NotFound),
    }
}

async fn dashboard(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    p: &Programme,
    framework: &[Objective],
    evaluated: &[Evaluated],
) -> Result<Html<String>, AppError> {
    let lang = page.locale.code();
    let organisation = crate::territory::store::organisation(&state.db, p.organisation_id)
        .await?
        .map(|o| o.names.get(lang).to_string())
        .unwrap_or_default();
    let territory = crate::territory::store::territory(&state.db, p.territory_id)
        .await?
        .map(|t| t.names.get(lang).to_string())
        .unwrap_or_default();
    let chart = BarChart {
        caption: page.t("results-chart-caption"),
        label_header: page.t("results-col-indicator"),
        value_header: page.t("results-col-progress"),
        bars: evaluated
            .iter()
            .map(|e| {
                let permille = e.progress.map_or(0, |p| p.permille);
                Bar::new(
                    e.indicator.title.clone(),
                    permille,
                    e.progress.map_or_else(
                        || page.t("results-no-value"),
                        |p| views::percent(p.permille),
                    ),
                )
            })
            .collect(),
    };
    render(&ProgrammeTemplate {
        page,
        p,
        period: period_text(page, p),
        organisation,
        territory,
        objectives: tree(page, p, framework, evaluated),
        chart: chart.to_html(page.locale.is_rtl()),
        can_manage: may_manage(user, p),
        events_href: format!(
            "/events/dashboard?programme={}",
            urlencoding::encode(&p.key)
        ),
    })
}

// ---------------------------------------------------------------------------------------------
// Building the framework
// ---------------------------------------------------------------------------------------------

/// A refused add or rename form on the management page: which form, what was typed, why.
struct Failed {
    form: String,
    typed: String,
    message: String,
}

#[derive(Template)]
#[template(path = "results/manage.html")]
struct ManageTemplate<'a> {
    page: &'a Page,
    csrf: String,
    p: &'a Programme,
    objectives: Vec<ObjectiveView>,
    failed: Option<Failed>,
}

impl ManageTemplate<'_> {
    /// What was typed in form `<kind>-<id>` (kept after a refusal).
    fn typed(&self, kind: &str, id: &i64) -> &str {
        match &self.failed {
            Some(f) if f.form == format!("{kind}-{id}") => &f.typed,
            _ => "",
        }
    }

    /// The refusal of form `<kind>-<id>`, if it is the one refused.
    fn failed_message(&self, kind: &str, id: &i64) -> Option<&str> {
        match &self.failed {
            Some(f) if f.form == format!("{kind}-{id}") => Some(&f.message),
            _ => None,
        }
    }
}

async fn manage_html(
    state: &AppState,
    page: &Page,
    csrf: String,
    p: &Programme,
    failed: Option<Failed>,
) -> Result<Html<String>, AppError> {
    let framework = store::framework(&state.db, p.id).await?;
    let evaluated = views::evaluate(&state.db, p, &framework, now()).await?;
    render(&ManageTemplate {
        page,
        csrf,
        p,
        objectives: tree(page, p, &framework, &evaluated),
        failed,
    })
}

async fn manage_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
) -> Result<Html<String>, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    manage_html(&state, &page, csrf, &p, None).await
}

fn level_of(raw: &str) -> Option<Level> {
    match raw {
        "objective" => Some(Level::Objective),
        "result" => Some(Level::Result),
        "activity" => Some(Level::Activity),
        _ => None,
    }
}

/// Reads a node form of the manage page: its level, the node it names (field `key`: the
/// parent for an addition, the node for a renaming) and its title. `Err` carries the manage
/// page again with the message and the typed title, for the form `{form}-{level}-{node}`.
async fn node_form(
    state: &AppState,
    page: &Page,
    csrf: String,
    p: &Programme,
    fields: &Fields,
    (key, form): (&str, &str),
) -> Result<Result<(Level, i64, String), Response>, AppError> {
    let level =
        level_of(field(fields, "level")).ok_or(AppError::BadRequest("results-error-level"))?;
    let node: i64 = field(fields, key)
        .parse()
        .map_err(|_| AppError::BadRequest("results-error-level"))?;
    let typed = field(fields, "title").to_string();
    match validate_title(&typed) {
        Ok(title) => Ok(Ok((level, node, title))),
        Err(errors) => {
            let failed = Failed {
                form: format!("{form}-{}-{node}", level.code()),
                typed,
                message: page.t(errors[0].key),
            };
            Ok(Err(unprocessable(
                manage_html(state, page, csrf, p, Some(failed)).await?,
            )))
        }
    }
}

async fn add_node(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let (level, parent, title) =
        match node_form(&state, &page, csrf, &p, &fields, ("parent", "add")).await? {
            Ok(v) => v,
            Err(again) => return Ok(again),
        };
    store::add_node(&state.db, id, level, parent, &title, by(&me)).await?;
    Ok(Redirect::to(&format!("/results/programmes/{id}/manage")).into_response())
}

async fn rename_node(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let (level, node, title) =
        match node_form(&state, &page, csrf, &p, &fields, ("id", "rename")).await? {
            Ok(v) => v,
            Err(again) => return Ok(again),
        };
    store::rename_node(&state.db, id, level, node, &title, by(&me)).await?;
    Ok(Redirect::to(&format!("/results/programmes/{id}/manage")).into_response())
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "results/indicator_form.html")]
struct IndicatorFormTemplate<'a> {
    page: &'a Page,
    csrf: String,
    heading: String,
    action: String,
    back_href: String,
    form: FormView,
    /// (code, label, selected)
    sources: Vec<(String, String, bool)>,
    /// (id, title, selected)
    activities: Vec<(String, String, bool)>,
}

fn indicator_values(f: &IndicatorForm) -> Vec<(&'static str, String)> {
    vec![
        ("title", f.title.clone()),
        ("unit", f.unit.clone()),
        ("baseline", f.baseline.clone()),
        ("target", f.target.clone()),
        ("source", f.source.clone()),
        ("note", f.note.clone()),
        ("activity", f.activity.clone()),
    ]
}

fn indicator_form_of(fields: &Fields) -> IndicatorForm {
    IndicatorForm {
        title: field(fields, "title").to_string(),
        unit: field(fields, "unit").to_string(),
        baseline: field(fields, "baseline").to_string(),
        target: field(fields, "target").to_string(),
        source: field(fields, "source").to_string(),
        note: field(fields, "note").to_string(),
        activity: field(fields, "activity").to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
async fn indicator_form_html(
    state: &AppState,
    page: &Page,
    csrf: String,
    result: i64,
    action: String,
    heading: String,
    back_href: String,
    form: FormView,
) -> Result<Html<String>, AppError> {
    let chosen = form.value("source").to_string();
    let mut sources = vec![(
        "manual".to_string(),
        page.t("results-source-manual"),
        chosen == "manual",
    )];
    sources.extend(NamedQuery::ALL.iter().map(|q| {
        (
            q.code().to_string(),
            page.t(&views::query_key(*q)),
            chosen == q.code(),
        )
    }));
    let chosen_activity = form.value("activity").to_string();
    let framework_activities = activity_titles(state, result).await?;
    let activities = framework_activities
        .into_iter()
        .map(|(id, t)| {
            let id = id.to_string();
            let selected = id == chosen_activity;
            (id, t, selected)
        })
        .collect();
    render(&IndicatorFormTemplate {
        page,
        csrf,
        heading,
        action,
        back_href,
        form,
        sources,
        activities,
    })
}

async fn activity_titles(state: &AppState, result: i64) -> Result<Vec<(i64, String)>, AppError> {
    let Some(programme) = store::programme_of_result(&state.db, result).await? else {
        return Ok(Vec::new());
    };
    let framework = store::framework(&state.db, programme).await?;
    Ok(framework
        .iter()
        .flat_map(|o| &o.results)
        .filter(|r| r.id == result)
        .flat_map(|r| r.activities.iter().map(|a| (a.id, a.title.clone())))
        .collect())
}

async fn check_result(state: &AppState, p: &Programme, result: i64) -> Result<(), AppError> {
    if store::programme_of_result(&state.db, result).await? == Some(p.id) {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

async fn new_indicator_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, result)): Path<(i64, i64)>,
) -> Result<Html<String>, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    check_result(&state, &p, result).await?;
    let form = FormView::new(vec![("baseline", "0".into()), ("source", "manual".into())]);
    indicator_form_html(
        &state,
        &page,
        csrf,
        result,
        format!("/results/programmes/{id}/results/{result}/indicators"),
        page.t("results-new-indicator"),
        format!("/results/programmes/{id}/manage"),
        form,
    )
    .await
}

async fn add_indicator(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, result)): Path<(i64, i64)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    check_result(&state, &p, result).await?;
    let f = indicator_form_of(&fields);
    let activities = store::activities_of(&state.db, result).await?;
    match f.validate(&activities) {
        Ok(d) => {
            let ind = store::add_indicator(&state.db, id, result, &d, by(&me), now()).await?;
            Ok(Redirect::to(&format!("/results/programmes/{id}/indicators/{ind}")).into_response())
        }
        Err(errors) => Ok(unprocessable(
            indicator_form_html(
                &state,
                &page,
                csrf,
                result,
                format!("/results/programmes/{id}/results/{result}/indicators"),
                page.t("results-new-indicator"),
                format!("/results/programmes/{id}/manage"),
                FormView::new(indicator_values(&f)).with_errors(&page, &errors),
            )
            .await?,
        )),
    }
}

async fn edit_indicator_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, ind)): Path<(i64, i64)>,
) -> Result<Html<String>, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let i = store::indicator(&state.db, id, ind)
        .await?
        .ok_or(AppError::NotFound)?;
    let source = match i.source {
        Source::Manual => "manual".to_string(),
        Source::Computed(q) => q.code().to_string(),
    };
    let f = IndicatorForm {
        title: i.title.clone(),
        unit: i.unit.clone(),
        baseline: i.baseline.to_string(),
        target: i.target.to_string(),
        source,
        note: i.note.clone(),
        activity: i.activity_id.map(|a| a.to_string()).unwrap_or_default(),
    };
    indicator_form_html(
        &state,
        &page,
        csrf,
        i.result_id,
        format!("/results/programmes/{id}/indicators/{ind}/edit"),
        page.t("results-edit-indicator"),
        format!("/results/programmes/{id}/indicators/{ind}"),
        FormView::new(indicator_values(&f)),
    )
    .await
}

async fn edit_indicator(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, ind)): Path<(i64, i64)>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let i = store::indicator(&state.db, id, ind)
        .await?
        .ok_or(AppError::NotFound)?;
    let f = indicator_form_of(&fields);
    let activities = store::activities_of(&state.db, i.result_id).await?;
    match f.validate(&activities) {
        Ok(d) => {
            store::update_indicator(&state.db, id, ind, &d, by(&me), now()).await?;
            Ok(Redirect::to(&format!("/results/programmes/{id}/indicators/{ind}")).into_response())
        }
        Err(errors) => Ok(unprocessable(
            indicator_form_html(
                &state,
                &page,
                csrf,
                i.result_id,
                format!("/results/programmes/{id}/indicators/{ind}/edit"),
                page.t("results-edit-indicator"),
                format!("/results/programmes/{id}/indicators/{ind}"),
                FormView::new(indicator_values(&f)).with_errors(&page, &errors),
            )
            .await?,
        )),
    }
}

/// A value as the indicator page lists it.
struct ValueRow {
    measured_on: String,
    value: i64,
    note: String,
    url: Option<String>,
    file: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "results/indicator.html")]
struct IndicatorTemplate<'a> {
    page: &'a Page,
    csrf: String,
    p: &'a Programme,
    row: IndicatorRow,
    note: String,
    manual: bool,
    can_manage: bool,
    values: Vec<ValueRow>,
    form: FormView,
    notice: Option<String>,
    max_megabytes: usize,
}

#[allow(clippy::too_many_arguments)]
async fn indicator_html(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    csrf: String,
    p: &Programme,
    ind: i64,
    form: FormView,
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    let framework = store::framework(&state.db, p.id).await?;
    let evaluated = views::evaluate(&state.db, p, &framework, now()).await?;
    let e = evaluated
        .iter()
        .find(|e| e.indicator.id == ind)
        .ok_or(AppError::NotFound)?;
    let activities: Vec<(i64, String)> = framework
        .iter()
        .flat_map(|o| &o.results)
        .flat_map(|r| r.activities.iter().map(|a| (a.id, a.title.clone())))
        .collect();
    let values = e
        .values
        .iter()
        .rev()
        .map(|v| ValueRow {
            measured_on: v.measured_on.to_string(),
            value: v.value,
            note: v.note.clone(),
            url: v.evidence_url.clone(),
            file: v.evidence_name.clone().map(|n| {
                (
                    format!("/results/programmes/{}/values/{}/evidence", p.id, v.id),
                    n,
                )
            }),
        })
        .collect();
    render(&IndicatorTemplate {
        page,
        csrf,
        p,
        row: row_of(page, p, e, &activities),
        note: e.indicator.note.clone(),
        manual: e.indicator.source == Source::Manual,
        can_manage: may_manage(user, p),
        values,
        form,
        notice,
        max_megabytes: MAX_FILE_BYTES / (1024 * 1024),
    })
}

async fn indicator_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path((id, ind)): Path<(i64, i64)>,
) -> Result<Html<String>, AppError> {
    let p = load(&state, id).await?;
    indicator_html(
        &state,
        &page,
        &user,
        csrf,
        &p,
        ind,
        FormView::default(),
        None,
    )
    .await
}

/// The parts of the value form, the file read with its size limit.
#[derive(Default)]
struct Upload {
    form: ValueForm,
    file_name: String,
    bytes: Vec<u8>,
    too_large: bool,
}

async fn read_upload(multipart: &mut Multipart) -> Result<Upload, AppError> {
    let mut u = Upload::default();
    loop {
        let part = match multipart.next_field().await {
            Ok(Some(p)) => p,
            Ok(None) => break,
            Err(_) => return Err(AppError::BadRequest("results-error-upload")),
        };
        let name = part.name().unwrap_or("").to_string();
        if name == "file" {
            u.file_name = part.file_name().unwrap_or("").to_string();
            let mut part = part;
            loop {
                match part.chunk().await {
                    Ok(Some(chunk)) => {
                        if u.bytes.len() + chunk.len() > MAX_FILE_BYTES {
                            u.too_large = true;
                        } else if !u.too_large {
                            u.bytes.extend_from_slice(&chunk);
                        }
                    }
                    Ok(None) => break,
                    Err(_) => return Err(AppError::BadRequest("results-error-upload")),
                }
            }
            continue;
        }
        let text = part
            .text()
            .await
            .map_err(|_| AppError::BadRequest("results-error-upload"))?;
        match name.as_str() {
            "measured_on" => u.form.measured_on = text,
            "value" => u.form.value = text,
            "note" => u.form.note = text,
            "evidence_url" => u.form.evidence_url = text,
            _ => {}
        }
    }
    Ok(u)
}

fn value_values(f: &ValueForm) -> Vec<(&'static str, String)> {
    vec![
        ("measured_on", f.measured_on.clone()),
        ("value", f.value.clone()),
        ("note", f.note.clone()),
        ("evidence_url", f.evidence_url.clone()),
    ]
}

async fn add_value(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    RequireUser(me): RequireUser,
    Csrf(csrf): Csrf,
    Path((id, ind)): Path<(i64, i64)>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    let p = load(&state, id).await?;
    require(&me, &p)?;
    let i = store::indicator(&state.db, id, ind)
        .await?
        .ok_or(AppError::NotFound)?;
    if i.source != Source::Manual {
        return Err(AppError::Conflict("results-error-not-manual"));
    }
    let u = read_upload(&mut multipart).await?;
    let mut errors = Vec::new();
    let file = if u.too_large {
        errors.push(FieldError {
            field: "file",
            key: "results-error-file-too-large",
        });
        None
    } else if u.file_name.is_empty() && u.bytes.is_empty() {
        None
    } else {
        match evidence::check_file(&u.file_name, &u.bytes) {
            Ok(t) => Some(EvidenceFile {
                name: evidence::clean_name(&u.file_name),
                file_type: t,
                bytes: u.bytes,
            }),
            Err(e) => {
                errors.push(FieldError {
                    field: "file",
                    key: e.key(),
                });
                None
            }
        }
    };
    // A refused file is still "a file": the value form then reports only the file's problem.
    let has_file = file.is_some() || !errors.is_empty();
    let draft = match u.form.validate(has_file) {
        Ok(d) if errors.is_empty() => Some(d),
        Ok(_) => None,
        Err(mut e) => {
            e.extend(errors.iter().copied());
            errors = e;
            None
        }
    };
    match draft {
        Some(d) => {
            store::add_value(&state.db, id, ind, &d, file.as_ref(), by(&me), now()).await?;
            let notice = Some(page.t("results-value-saved"));
            Ok(indicator_html(
                &state,
                &page,
                &user,
                csrf,
                &p,
                ind,
                FormView::default(),
                notice,
            )
            .await?
            .into_response())
        }
        None => {
            let form = FormView::new(value_values(&u.form)).with_errors(&page, &errors);
            Ok(unprocessable(
                indicator_html(&state, &page, &user, csrf, &p, ind, form, None).await?,
            ))
        }
    }
}

async fn evidence_file(
    State(state): State<AppState>,
    Path((id, value)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, content_type, bytes) = store::evidence(&state.db, id, value)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut r = bytes.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    // The stored name is cleaned (letters, digits, dot, dash, underscore, space); RFC 5987
    // encoding keeps Arabic names.
    let disposition = format!(
        "attachment; filename=\"evidence-{value}\"; filename*=UTF-8''{}",
        urlencoding::encode(&name)
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}
