//! Administration pages: add a commune or an arrondissement (form and CSV import), create and
//! rename organisations, register and edit associations, set an association's standing.
//!
//! Every handler asks `platform::permissions` first; every change goes through the store,
//! which records it in the audit log in the same transaction. A refused form comes back
//! filled in as typed, with a translated message next to each field (status 422).

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::import::{self, COLUMNS, REQUIRED, RowError};
use super::model::{
    ActivityField, AssociationInput, Code, FieldError, Level, NamesInput, NewOrganisation, OrgKind,
    Organisation, Problem, Standing, Territory, TerritoryInput, Topic, check_parent, clean_note,
    parse_past_date, validate_association, validate_names, validate_territory,
};
use super::routes::Shown;
use super::store::{self, ImportFailure, StoreError};
use crate::platform::audit::Actor as By;
use crate::platform::layout::render;
use crate::platform::permissions::{self, Action, Denied};
use crate::platform::session::{Csrf, CurrentUser, SignedIn};
use crate::platform::{AppError, AppState, Page};

/// Routes of the administration pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/territory", get(index))
        .route(
            "/admin/territories/new",
            get(new_territory).post(create_territory),
        )
        .route(
            "/admin/territories/import",
            get(import_page)
                .post(import_csv)
                // Room for the file and the form's other fields; the size of the file itself
                // is checked below, with a translated message.
                .layer(DefaultBodyLimit::max(import::MAX_BYTES * 2)),
        )
        .route("/admin/territories/template.csv", get(template_csv))
        .route(
            "/admin/organisations/new",
            get(new_organisation).post(create_organisation),
        )
        .route(
            "/admin/organisations/{code}/edit",
            get(edit_organisation).post(rename_organisation),
        )
        .route(
            "/admin/associations/new",
            get(new_association).post(create_association),
        )
        .route(
            "/admin/associations/{code}/edit",
            get(edit_association).post(update_association),
        )
        .route("/admin/associations/{code}/standing", post(set_standing))
}

type Reply = Result<Response, Refusal>;

/// A response that ends a handler early (an error page or a redirect to log in), boxed
/// because a `Response` is large.
struct Refusal(Box<Response>);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        *self.0
    }
}

fn fail(e: impl Into<AppError>) -> Refusal {
    Refusal(Box::new(e.into().into_response()))
}

/// Asks the permissions module; anonymous visitors are sent to log in and come back.
fn allow(user: &CurrentUser, action: &Action, page: &Page) -> Result<Arc<SignedIn>, Refusal> {
    match permissions::allowed(&user.actor(), action) {
        Ok(()) => user.0.clone().ok_or_else(|| fail(AppError::Forbidden)),
        Err(Denied::SignInRequired) => Err(Refusal(Box::new(
            Redirect::to(&format!(
                "/account/login?next={}",
                urlencoding::encode(&page.path_and_query)
            ))
            .into_response(),
        ))),
        Err(_) => Err(fail(AppError::Forbidden)),
    }
}

fn by(user: &SignedIn) -> By {
    By::Account(user.actor.id.0)
}

fn today() -> jiff::civil::Date {
    crate::platform::i18n::to_casablanca(jiff::Timestamp::now().as_second()).date()
}

// ---------------------------------------------------------------------------------------------
// Generic form views
// ---------------------------------------------------------------------------------------------

/// One choice of a select or a checkbox list.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub lang: Option<&'static str>,
    pub selected: bool,
}

/// How a field is drawn.
#[derive(PartialEq, Eq)]
pub enum Widget {
    Text,
    Number,
    Date,
    TextArea,
    Select,
    Checkboxes,
}

/// One form field as drawn: label, value typed, message when refused.
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub required: bool,
    pub widget: Widget,
    pub choices: Vec<Choice>,
    /// Language of the expected text (`ar`, `zgh`…), for the input's `lang` attribute.
    pub lang: Option<&'static str>,
    pub maxlength: usize,
}

impl Field {
    fn new(name: &'static str, label: String, value: &str, widget: Widget) -> Self {
        Field {
            name,
            label,
            hint: None,
            value: value.to_owned(),
            error: None,
            required: false,
            widget,
            choices: Vec::new(),
            lang: None,
            maxlength: super::model::MAX_NAME_CHARS,
        }
    }
    fn required(mut self) -> Self {
        self.required = true;
        self
    }
    fn lang(mut self, lang: &'static str) -> Self {
        self.lang = Some(lang);
        self
    }
    fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }
    fn choices(mut self, choices: Vec<Choice>) -> Self {
        self.choices = choices;
        self
    }
    fn max(mut self, n: usize) -> Self {
        self.maxlength = n;
        self
    }
}

/// A refused field, for the summary at the top of the form.
pub struct ErrorView {
    pub field: &'static str,
    pub label: String,
    pub message: String,
}

/// One form on a page.
pub struct FormView {
    pub id: &'static str,
    pub title: Option<String>,
    pub action: String,
    pub multipart: bool,
    pub fields: Vec<Field>,
    pub submit: String,
    pub errors: Vec<ErrorView>,
}

/// The translated message of a problem.
pub fn problem_message(page: &Page, problem: &Problem) -> String {
    use crate::platform::i18n::Arg;
    let args: Vec<(&str, Arg<'_>)> = problem
        .args()
        .into_iter()
        .map(|(name, value)| {
            let arg = if name == "expected" {
                // "prefecture/province" → the levels' names in the page's language.
                let names: Vec<String> = value
                    .split('/')
                    .filter_map(|l| l.parse::<Level>().ok())
                    .map(|l| page.t(l.message_key()))
                    .collect();
                Arg::from(names.join(" / "))
            } else {
                value
                    .parse::<i64>()
                    .map_or_else(|_| Arg::from(value), Arg::Num)
            };
            (name, arg)
        })
        .collect();
    page.tr(problem.key(), &args)
}

impl FormView {
    /// Attaches each error to its field (or to the summary only, for fields not drawn).
    fn with_errors(mut self, errors: &[FieldError], page: &Page) -> Self {
        for e in errors {
            let message = problem_message(page, &e.problem);
            let field = self.fields.iter_mut().find(|f| f.name == e.field);
            let label = field.as_ref().map_or_else(String::new, |f| f.label.clone());
            if let Some(f) = field
                && f.error.is_none()
            {
                f.error = Some(message.clone());
            }
            self.errors.push(ErrorView {
                field: e.field,
                label,
                message,
            });
        }
        self
    }
}

#[derive(Template)]
#[template(path = "territory/admin/form.html")]
struct FormPage<'a> {
    page: &'a Page,
    title: String,
    intro: Option<String>,
    back_href: String,
    back_label: String,
    csrf: String,
    notice: Option<String>,
    forms: Vec<FormView>,
}

fn form_response(status: StatusCode, page: &FormPage<'_>) -> Reply {
    let html = render(page).map_err(fail)?;
    Ok((status, html).into_response())
}

fn territory_choices(
    all: &[Territory],
    page: &Page,
    keep: impl Fn(&Territory) -> bool,
    selected: &[&str],
) -> Vec<Choice> {
    all.iter()
        .filter(|t| keep(t))
        .map(|t| {
            let shown = Shown::of(&t.names, page);
            Choice {
                label: format!("{} ({})", shown.text, page.t(t.level.message_key())),
                lang: Some(shown.lang),
                selected: selected.contains(&t.code.as_str()),
                value: t.code.clone(),
            }
        })
        .collect()
}

fn names_fields(page: &Page, values: &NamesInput, legal: bool) -> Vec<Field> {
    let (ar, fr) = if legal {
        (
            "territory-form-legal-name-ar",
            "territory-form-legal-name-fr",
        )
    } else {
        ("territory-form-name-ar", "territory-form-name-fr")
    };
    let mut fields = vec![
        Field::new("name_ar", page.t(ar), &values.ar, Widget::Text)
            .required()
            .lang("ar"),
        Field::new("name_fr", page.t(fr), &values.fr, Widget::Text)
            .required()
            .lang("fr"),
    ];
    if !legal {
        fields.push(
            Field::new(
                "name_zgh",
                page.t("territory-form-name-zgh"),
                &values.zgh,
                Widget::Text,
            )
            .lang("zgh"),
        );
        fields.push(
            Field::new(
                "name_en",
                page.t("territory-form-name-en"),
                &values.en,
                Widget::Text,
            )
            .lang("en"),
        );
    }
    fields
}

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

/// A row of the admin lists.
pub struct AdminRow {
    pub name: Shown,
    pub kind: String,
    pub href: String,
    pub edit_href: String,
}

#[derive(Template)]
#[template(path = "territory/admin/index.html")]
struct IndexPage<'a> {
    page: &'a Page,
    bodies: Vec<AdminRow>,
    associations: Vec<AdminRow>,
}

/// `GET /admin/territory`.
async fn index(page: Page, user: CurrentUser, State(state): State<AppState>) -> Reply {
    allow(&user, &Action::ManageTerritories, &page)?;
    let bodies = store::bodies(&state.db)
        .await
        .map_err(fail)?
        .iter()
        .map(|o| AdminRow {
            name: Shown::of(&o.names, &page),
            kind: page.t(o.kind.message_key()),
            href: format!("/organisations/{}", o.code),
            edit_href: format!("/admin/organisations/{}/edit", o.code),
        })
        .collect();
    let associations = store::registry(&state.db, &store::RegistryFilter::default())
        .await
        .map_err(fail)?
        .iter()
        .map(|e| AdminRow {
            name: Shown::of(&e.organisation.names, &page),
            kind: page.t(e.association.standing.message_key()),
            href: format!("/associations/{}", e.organisation.code),
            edit_href: format!("/admin/associations/{}/edit", e.organisation.code),
        })
        .collect();
    Ok(render(&IndexPage {
        page: &page,
        bodies,
        associations,
    })
    .map_err(fail)?
    .into_response())
}

// ---------------------------------------------------------------------------------------------
// Territories: form
// ---------------------------------------------------------------------------------------------

/// The territory form as posted (every field optional so a malformed post is a form error,
/// never a rejection page).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct TerritoryForm {
    code: String,
    level: String,
    parent: String,
    name_ar: String,
    name_fr: String,
    name_zgh: String,
    name_en: String,
    population: String,
    census_year: String,
    source: String,
}

impl TerritoryForm {
    fn input(&self) -> TerritoryInput {
        TerritoryInput {
            code: self.code.clone(),
            level: self.level.clone(),
            names: self.names(),
            population: self.population.clone(),
            census_year: self.census_year.clone(),
            source: self.source.clone(),
        }
    }
    fn names(&self) -> NamesInput {
        NamesInput {
            ar: self.name_ar.clone(),
            fr: self.name_fr.clone(),
            zgh: self.name_zgh.clone(),
            en: self.name_en.clone(),
        }
    }
}

async fn territory_form_page<'a>(
    page: &'a Page,
    state: &AppState,
    csrf: String,
    values: &TerritoryForm,
    errors: &[FieldError],
) -> Result<FormPage<'a>, Refusal> {
    let all = store::all_territories(&state.db).await.map_err(fail)?;
    let levels = [Level::Commune, Level::Arrondissement]
        .iter()
        .map(|l| Choice {
            value: l.as_str().to_owned(),
            label: page.t(l.message_key()),
            lang: None,
            selected: values.level == l.as_str(),
        })
        .collect();
    let parents = territory_choices(
        &all,
        page,
        |t| t.level.child_levels().iter().any(|c| c.addable()),
        &[values.parent.as_str()],
    );
    let mut fields = vec![
        Field::new(
            "code",
            page.t("territory-form-code"),
            &values.code,
            Widget::Text,
        )
        .required()
        .hint(page.t("territory-form-code-hint"))
        .max(super::model::MAX_CODE_CHARS),
        Field::new(
            "level",
            page.t("territory-form-level"),
            &values.level,
            Widget::Select,
        )
        .required()
        .choices(levels),
        Field::new(
            "parent",
            page.t("territory-form-parent"),
            &values.parent,
            Widget::Select,
        )
        .required()
        .choices(parents),
    ];
    fields.extend(names_fields(page, &values.names(), false));
    fields.extend([
        Field::new(
            "population",
            page.t("territory-form-population"),
            &values.population,
            Widget::Number,
        )
        .required()
        .max(20),
        Field::new(
            "census_year",
            page.t("territory-form-census-year"),
            &values.census_year,
            Widget::Number,
        )
        .required()
        .max(4),
        Field::new(
            "source",
            page.t("territory-form-source"),
            &values.source,
            Widget::TextArea,
        )
        .max(super::model::MAX_NOTE_CHARS),
    ]);
    let form = FormView {
        id: "territory",
        title: None,
        action: "/admin/territories/new".into(),
        multipart: false,
        fields,
        submit: page.t("territory-form-submit"),
        errors: Vec::new(),
    }
    .with_errors(errors, page);
    Ok(FormPage {
        page,
        title: page.t("territory-admin-add-territory"),
        intro: None,
        back_href: "/admin/territory".into(),
        back_label: page.t("territory-admin-title"),
        csrf,
        notice: None,
        forms: vec![form],
    })
}

/// `GET /admin/territories/new`.
async fn new_territory(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
) -> Reply {
    allow(&user, &Action::ManageTerritories, &page)?;
    let values = TerritoryForm {
        level: "commune".into(),
        census_year: "2024".into(),
        ..Default::default()
    };
    let p = territory_form_page(&page, &state, csrf, &values, &[]).await?;
    form_response(StatusCode::OK, &p)
}

/// `POST /admin/territories/new`.
async fn create_territory(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Form(form): Form<TerritoryForm>,
) -> Reply {
    let admin = allow(&user, &Action::ManageTerritories, &page)?;
    let mut errors = Vec::new();
    let checked = validate_territory(&form.input(), true).map_err(|e| errors.extend(e));
    let parent = match Code::parse(&form.parent) {
        Ok(code) => match store::territory_by_code(&state.db, code.as_str())
            .await
            .map_err(fail)?
        {
            Some(t) => {
                // Said now, with the other problems (the store checks it again on insert).
                if let Ok(level) = form.level.parse::<Level>()
                    && let Err(p) = check_parent(level, Some(t.level))
                {
                    errors.push(FieldError::new("parent", p));
                }
                Some(t.id)
            }
            None => {
                errors.push(FieldError::new("parent", Problem::UnknownParent));
                None
            }
        },
        Err(_) => {
            errors.push(FieldError::new("parent", Problem::ParentRequired));
            None
        }
    };
    if let (Ok(t), Some(parent)) = (&checked, parent)
        && errors.is_empty()
    {
        match store::insert_territory(&state.db, t, Some(parent), by(&admin)).await {
            Ok(_) => {
                return Ok(Redirect::to(&format!("/territories/{}", t.code)).into_response());
            }
            Err(StoreError::Invalid(e)) => errors.extend(e),
            Err(e) => return Err(fail(e)),
        }
    }
    let p = territory_form_page(&page, &state, csrf, &form, &errors).await?;
    form_response(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

// ---------------------------------------------------------------------------------------------
// Territories: CSV import
// ---------------------------------------------------------------------------------------------

/// One column of the documented header.
pub struct ColumnDoc {
    pub name: &'static str,
    pub required: bool,
    pub meaning: String,
}

/// One problem of the import report.
pub struct ReportRow {
    pub row: u64,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Template)]
#[template(path = "territory/admin/import.html")]
struct ImportPage<'a> {
    page: &'a Page,
    csrf: String,
    columns: Vec<ColumnDoc>,
    message: Option<String>,
    report_caption: String,
    report: Vec<ReportRow>,
    imported: Vec<super::routes::TerritoryRow>,
    done: Option<String>,
}

fn import_page_view<'a>(page: &'a Page, csrf: String) -> ImportPage<'a> {
    let columns = COLUMNS
        .iter()
        .map(|c| ColumnDoc {
            name: c,
            required: REQUIRED.contains(c),
            meaning: page.t(&format!("territory-import-meaning-{}", c.replace('_', "-"))),
        })
        .collect();
    ImportPage {
        page,
        csrf,
        columns,
        message: None,
        report_caption: String::new(),
        report: Vec::new(),
        imported: Vec::new(),
        done: None,
    }
}

/// `GET /admin/territories/import`.
async fn import_page(page: Page, user: CurrentUser, Csrf(csrf): Csrf) -> Reply {
    allow(&user, &Action::ManageTerritories, &page)?;
    Ok(render(&import_page_view(&page, csrf))
        .map_err(fail)?
        .into_response())
}

/// `GET /admin/territories/template.csv`: the header line to fill in.
async fn template_csv(page: Page, user: CurrentUser) -> Reply {
    allow(&user, &Action::ManageTerritories, &page)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"territories-template.csv\"",
            ),
        ],
        import::template(),
    )
        .into_response())
}

/// Reads the `file` part of the upload, refusing more than [`import::MAX_BYTES`].
async fn read_upload(multipart: &mut Multipart) -> Result<Option<Vec<u8>>, &'static str> {
    while let Ok(Some(mut part)) = multipart.next_field().await {
        if part.name() != Some("file") {
            continue;
        }
        let mut bytes = Vec::new();
        while let Ok(Some(chunk)) = part.chunk().await {
            if bytes.len() + chunk.len() > import::MAX_BYTES {
                return Err("territory-import-too-big");
            }
            bytes.extend_from_slice(&chunk);
        }
        return Ok(Some(bytes));
    }
    Ok(None)
}

/// `POST /admin/territories/import` (multipart, field `file`).
async fn import_csv(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Reply {
    let admin = allow(&user, &Action::ManageTerritories, &page)?;
    let mut view = import_page_view(&page, csrf);
    let bytes = match read_upload(&mut multipart).await {
        Ok(Some(b)) if !b.is_empty() => b,
        Ok(_) => {
            view.message = Some(page.t("territory-import-no-file"));
            return form_page_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
        Err(key) => {
            view.message = Some(page.t(key));
            return form_page_status(StatusCode::PAYLOAD_TOO_LARGE, &view);
        }
    };
    let known = store::known_territories(&state.db).await.map_err(fail)?;
    let rows = match import::parse(&bytes, |c| known.get(c).copied()) {
        Ok(rows) => rows,
        Err(errors) => {
            fill_report(&mut view, &page, &errors);
            return form_page_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
        }
    };
    match store::import_territories(&state.db, &rows, by(&admin)).await {
        Ok(ids) => {
            view.done = Some(page.tn("territory-import-done", ids.len() as i64));
            for id in ids {
                if let Some(t) = store::territory(&state.db, id).await.map_err(fail)? {
                    view.imported
                        .push(super::routes::TerritoryRow::new(&t, &page));
                }
            }
            form_page_status(StatusCode::OK, &view)
        }
        Err(ImportFailure::Row(row, errors)) => {
            let errors: Vec<RowError> = errors
                .into_iter()
                .map(|e| RowError {
                    row,
                    column: Some(e.field.replace("parent", "parent_code")),
                    problem: e.problem,
                })
                .collect();
            fill_report(&mut view, &page, &errors);
            form_page_status(StatusCode::UNPROCESSABLE_ENTITY, &view)
        }
        Err(ImportFailure::Db(e)) => Err(fail(e)),
    }
}

fn fill_report(view: &mut ImportPage<'_>, page: &Page, errors: &[RowError]) {
    view.report_caption = page.tn("territory-import-report-caption", errors.len() as i64);
    view.report = errors
        .iter()
        .map(|e| ReportRow {
            row: e.row,
            column: e.column.clone(),
            message: problem_message(page, &e.problem),
        })
        .collect();
}

fn form_page_status<T: Template>(status: StatusCode, t: &T) -> Reply {
    let html: Html<String> = render(t).map_err(fail)?;
    Ok((status, html).into_response())
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct OrganisationForm {
    code: String,
    kind: String,
    topic: String,
    territory: String,
    parent: String,
    name_ar: String,
    name_fr: String,
    name_zgh: String,
    name_en: String,
}

impl OrganisationForm {
    fn names(&self) -> NamesInput {
        NamesInput {
            ar: self.name_ar.clone(),
            fr: self.name_fr.clone(),
            zgh: self.name_zgh.clone(),
            en: self.name_en.clone(),
        }
    }
}

async fn organisation_form_page<'a>(
    page: &'a Page,
    state: &AppState,
    csrf: String,
    values: &OrganisationForm,
    errors: &[FieldError],
) -> Result<FormPage<'a>, Refusal> {
    let all = store::all_territories(&state.db).await.map_err(fail)?;
    let councils: Vec<Organisation> = store::bodies(&state.db)
        .await
        .map_err(fail)?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Council)
        .collect();
    let kinds = OrgKind::ALL
        .iter()
        .filter(|k| **k != OrgKind::Association)
        .map(|k| Choice {
            value: k.as_str().to_owned(),
            label: page.t(k.message_key()),
            lang: None,
            selected: values.kind == k.as_str(),
        })
        .collect();
    let mut topics = vec![Choice {
        value: String::new(),
        label: page.t("territory-form-none"),
        lang: None,
        selected: values.topic.is_empty(),
    }];
    topics.extend(Topic::ALL.iter().map(|t| Choice {
        value: t.as_str().to_owned(),
        label: page.t(t.message_key()),
        lang: None,
        selected: values.topic == t.as_str(),
    }));
    let mut parents = vec![Choice {
        value: String::new(),
        label: page.t("territory-form-none"),
        lang: None,
        selected: values.parent.is_empty(),
    }];
    parents.extend(councils.iter().map(|c| {
        let shown = Shown::of(&c.names, page);
        Choice {
            value: c.code.clone(),
            label: shown.text,
            lang: Some(shown.lang),
            selected: values.parent == c.code,
        }
    }));
    let mut fields = vec![
        Field::new(
            "code",
            page.t("territory-form-code"),
            &values.code,
            Widget::Text,
        )
        .required()
        .hint(page.t("territory-form-code-hint"))
        .max(super::model::MAX_CODE_CHARS),
        Field::new(
            "kind",
            page.t("territory-form-kind"),
            &values.kind,
            Widget::Select,
        )
        .required()
        .choices(kinds),
        Field::new(
            "topic",
            page.t("territory-form-topic"),
            &values.topic,
            Widget::Select,
        )
        .choices(topics),
        Field::new(
            "territory",
            page.t("territory-form-territory"),
            &values.territory,
            Widget::Select,
        )
        .required()
        .choices(territory_choices(
            &all,
            page,
            |_| true,
            &[values.territory.as_str()],
        )),
        Field::new(
            "parent",
            page.t("territory-form-council"),
            &values.parent,
            Widget::Select,
        )
        .choices(parents),
    ];
    fields.extend(names_fields(page, &values.names(), false));
    let form = FormView {
        id: "organisation",
        title: None,
        action: "/admin/organisations/new".into(),
        multipart: false,
        fields,
        submit: page.t("territory-form-submit"),
        errors: Vec::new(),
    }
    .with_errors(errors, page);
    Ok(FormPage {
        page,
        title: page.t("territory-admin-add-org"),
        intro: None,
        back_href: "/admin/territory".into(),
        back_label: page.t("territory-admin-title"),
        csrf,
        notice: None,
        forms: vec![form],
    })
}

/// `GET /admin/organisations/new`.
async fn new_organisation(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
) -> Reply {
    allow(&user, &Action::CreateOrganisation, &page)?;
    let values = OrganisationForm {
        kind: "standing_committee".into(),
        ..Default::default()
    };
    let p = organisation_form_page(&page, &state, csrf, &values, &[]).await?;
    form_response(StatusCode::OK, &p)
}

/// Resolves a territory code from a form into its id, or records why not.
async fn territory_id_of(
    state: &AppState,
    raw: &str,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Result<Option<i64>, Refusal> {
    let Ok(code) = Code::parse(raw) else {
        errors.push(FieldError::new(field, Problem::Required));
        return Ok(None);
    };
    let t = store::territory_by_code(&state.db, code.as_str())
        .await
        .map_err(fail)?;
    if t.is_none() {
        errors.push(FieldError::new(field, Problem::UnknownTerritory));
    }
    Ok(t.map(|t| t.id))
}

/// `POST /admin/organisations/new`.
async fn create_organisation(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Form(form): Form<OrganisationForm>,
) -> Reply {
    let admin = allow(&user, &Action::CreateOrganisation, &page)?;
    let mut errors = Vec::new();
    let code = Code::parse(&form.code)
        .map_err(|p| errors.push(FieldError::new("code", p)))
        .ok();
    let kind = match form.kind.parse::<OrgKind>() {
        Ok(OrgKind::Association) | Err(_) => {
            errors.push(FieldError::new("kind", Problem::UnknownKind));
            None
        }
        Ok(k) => Some(k),
    };
    let topic = if form.topic.trim().is_empty() {
        None
    } else {
        form.topic
            .parse::<Topic>()
            .map_err(|p| errors.push(FieldError::new("topic", p)))
            .ok()
    };
    let territory_id = territory_id_of(&state, &form.territory, "territory", &mut errors).await?;
    let parent_id = if form.parent.trim().is_empty() {
        None
    } else {
        match store::organisation_by_code(&state.db, form.parent.trim())
            .await
            .map_err(fail)?
        {
            Some(o) => Some(o.id),
            None => {
                errors.push(FieldError::new("parent", Problem::CouncilRequired));
                None
            }
        }
    };
    let names = validate_names(&form.names(), &mut errors);
    if let (Some(code), Some(kind), Some(territory_id), Some(names)) =
        (code, kind, territory_id, names)
        && errors.is_empty()
    {
        let new = NewOrganisation {
            code,
            kind,
            topic,
            territory_id,
            parent_id,
            names,
            demo: false,
        };
        match store::insert_organisation(&state.db, &new, by(&admin)).await {
            Ok(_) => {
                return Ok(Redirect::to(&format!("/organisations/{}", new.code)).into_response());
            }
            Err(StoreError::Invalid(e)) => errors.extend(e),
            Err(e) => return Err(fail(e)),
        }
    }
    let p = organisation_form_page(&page, &state, csrf, &form, &errors).await?;
    form_response(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

/// The names-only edit form of an organisation.
fn rename_form_page<'a>(
    page: &'a Page,
    csrf: String,
    org: &Organisation,
    values: &NamesInput,
    errors: &[FieldError],
    notice: Option<String>,
) -> FormPage<'a> {
    let form = FormView {
        id: "rename",
        title: None,
        action: format!("/admin/organisations/{}/edit", org.code),
        multipart: false,
        fields: names_fields(page, values, false),
        submit: page.t("territory-form-submit"),
        errors: Vec::new(),
    }
    .with_errors(errors, page);
    FormPage {
        page,
        title: page.t("territory-admin-edit-org"),
        intro: Some(Shown::of(&org.names, page).text),
        back_href: format!("/organisations/{}", org.code),
        back_label: Shown::of(&org.names, page).text,
        csrf,
        notice,
        forms: vec![form],
    }
}

async fn body_by_code(state: &AppState, code: &str) -> Result<Organisation, Refusal> {
    store::organisation_by_code(&state.db, code)
        .await
        .map_err(fail)?
        .filter(|o| o.kind != OrgKind::Association)
        .ok_or_else(|| fail(AppError::NotFound))
}

/// `GET /admin/organisations/{code}/edit`.
async fn edit_organisation(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Reply {
    let org = body_by_code(&state, &code).await?;
    allow(&user, &Action::ManageOrganisation(org_id(&org)), &page)?;
    let values = NamesInput {
        ar: org.names.ar.clone(),
        fr: org.names.fr.clone(),
        zgh: org.names.zgh.clone().unwrap_or_default(),
        en: org.names.en.clone().unwrap_or_default(),
    };
    form_response(
        StatusCode::OK,
        &rename_form_page(&page, csrf, &org, &values, &[], None),
    )
}

fn org_id(o: &Organisation) -> crate::platform::ids::OrganisationId {
    crate::platform::ids::OrganisationId(o.id)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NamesForm {
    name_ar: String,
    name_fr: String,
    name_zgh: String,
    name_en: String,
}

/// `POST /admin/organisations/{code}/edit`.
async fn rename_organisation(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Form(form): Form<NamesForm>,
) -> Reply {
    let org = body_by_code(&state, &code).await?;
    let editor = allow(&user, &Action::ManageOrganisation(org_id(&org)), &page)?;
    let values = NamesInput {
        ar: form.name_ar,
        fr: form.name_fr,
        zgh: form.name_zgh,
        en: form.name_en,
    };
    let mut errors = Vec::new();
    if let Some(names) = validate_names(&values, &mut errors) {
        store::rename_organisation(&state.db, org.id, &names, by(&editor))
            .await
            .map_err(fail)?;
        return Ok(Redirect::to(&format!("/organisations/{}", org.code)).into_response());
    }
    form_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        &rename_form_page(&page, csrf, &org, &values, &errors, None),
    )
}

// ---------------------------------------------------------------------------------------------
// Associations
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct AssociationForm {
    code: String,
    seat: String,
    branches: Vec<String>,
    name_ar: String,
    name_fr: String,
    created_on: String,
    standing: String,
    standing_on: String,
    standing_note: String,
    representative_name: String,
    fields: Vec<String>,
}

impl AssociationForm {
    fn record(&self) -> AssociationInput {
        AssociationInput {
            created_on: self.created_on.clone(),
            standing: self.standing.clone(),
            standing_on: self.standing_on.clone(),
            standing_note: self.standing_note.clone(),
            representative_name: self.representative_name.clone(),
            fields: self.fields.clone(),
        }
    }
    fn names(&self) -> NamesInput {
        NamesInput {
            ar: self.name_ar.clone(),
            fr: self.name_fr.clone(),
            ..Default::default()
        }
    }
}

fn standing_choices(page: &Page, selected: &str) -> Vec<Choice> {
    [Standing::Good, Standing::NotGood]
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_owned(),
            label: page.t(s.message_key()),
            lang: None,
            selected: selected == s.as_str(),
        })
        .collect()
}

/// The association form; `existing` is the code when editing (code and seat are then fixed).
async fn association_form_page<'a>(
    page: &'a Page,
    state: &AppState,
    csrf: String,
    values: &AssociationForm,
    errors: &[FieldError],
    existing: Option<&Organisation>,
) -> Result<FormPage<'a>, Refusal> {
    let all = store::all_territories(&state.db).await.map_err(fail)?;
    let mut fields = Vec::new();
    if existing.is_none() {
        fields.push(
            Field::new(
                "code",
                page.t("territory-form-code"),
                &values.code,
                Widget::Text,
            )
            .required()
            .hint(page.t("territory-form-code-hint"))
            .max(super::model::MAX_CODE_CHARS),
        );
        fields.push(
            Field::new(
                "seat",
                page.t("territory-form-seat"),
                &values.seat,
                Widget::Select,
            )
            .required()
            .choices(territory_choices(
                &all,
                page,
                |_| true,
                &[values.seat.as_str()],
            )),
        );
    }
    fields.extend(names_fields(page, &values.names(), true));
    let branches: Vec<&str> = values.branches.iter().map(String::as_str).collect();
    let field_choices = ActivityField::ALL
        .iter()
        .map(|f| Choice {
            value: f.as_str().to_owned(),
            label: page.t(f.message_key()),
            lang: None,
            selected: values.fields.iter().any(|v| v == f.as_str()),
        })
        .collect();
    fields.extend([
        Field::new(
            "created_on",
            page.t("territory-form-created-on"),
            &values.created_on,
            Widget::Date,
        )
        .required()
        .max(10),
        Field::new(
            "representative_name",
            page.t("territory-form-representative"),
            &values.representative_name,
            Widget::Text,
        )
        .required(),
        Field::new(
            "fields",
            page.t("territory-form-fields"),
            "",
            Widget::Checkboxes,
        )
        .required()
        .choices(field_choices),
        Field::new(
            "branches",
            page.t("territory-form-branches"),
            "",
            Widget::Checkboxes,
        )
        .choices(territory_choices(
            &all,
            page,
            |t| matches!(t.level, Level::Commune | Level::Arrondissement),
            &branches,
        )),
    ]);
    fields.extend(standing_fields(
        page,
        &values.standing,
        &values.standing_on,
        &values.standing_note,
    ));
    let (title, action, back_href, back_label) = match existing {
        Some(o) => (
            page.t("territory-admin-edit-assoc"),
            format!("/admin/associations/{}/edit", o.code),
            format!("/associations/{}", o.code),
            Shown::of(&o.names, page).text,
        ),
        None => (
            page.t("territory-admin-add-assoc"),
            "/admin/associations/new".to_owned(),
            "/admin/territory".to_owned(),
            page.t("territory-admin-title"),
        ),
    };
    let form = FormView {
        id: "association",
        title: None,
        action,
        multipart: false,
        fields,
        submit: page.t("territory-form-submit"),
        errors: Vec::new(),
    }
    .with_errors(errors, page);
    Ok(FormPage {
        page,
        title,
        intro: existing.map(|o| Shown::of(&o.names, page).text),
        back_href,
        back_label,
        csrf,
        notice: None,
        forms: vec![form],
    })
}

/// Resolves branch codes to ids.
async fn branch_ids(
    state: &AppState,
    codes: &[String],
    errors: &mut Vec<FieldError>,
) -> Result<Vec<i64>, Refusal> {
    let mut ids = Vec::new();
    for c in codes.iter().filter(|c| !c.trim().is_empty()) {
        match store::territory_by_code(&state.db, c.trim())
            .await
            .map_err(fail)?
        {
            Some(t) => ids.push(t.id),
            None => errors.push(FieldError::new("branches", Problem::UnknownTerritory)),
        }
    }
    Ok(ids)
}

/// `GET /admin/associations/new`.
async fn new_association(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
) -> Reply {
    allow(&user, &Action::CreateOrganisation, &page)?;
    let values = AssociationForm {
        standing: "good".into(),
        standing_on: today().to_string(),
        ..Default::default()
    };
    let p = association_form_page(&page, &state, csrf, &values, &[], None).await?;
    form_response(StatusCode::OK, &p)
}

/// `POST /admin/associations/new`.
async fn create_association(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Form(form): Form<AssociationForm>,
) -> Reply {
    let admin = allow(&user, &Action::CreateOrganisation, &page)?;
    let mut errors = Vec::new();
    let code = Code::parse(&form.code)
        .map_err(|p| errors.push(FieldError::new("code", p)))
        .ok();
    let seat = territory_id_of(&state, &form.seat, "seat", &mut errors).await?;
    let names = validate_names(&form.names(), &mut errors);
    let record = validate_association(&form.record(), today()).map_err(|e| errors.extend(e));
    let branches = branch_ids(&state, &form.branches, &mut errors).await?;
    if let (Some(code), Some(seat), Some(names), Ok(record)) = (code, seat, names, &record)
        && errors.is_empty()
    {
        let new = NewOrganisation {
            code,
            kind: OrgKind::Association,
            topic: None,
            territory_id: seat,
            parent_id: None,
            names,
            demo: false,
        };
        match store::insert_association(&state.db, &new, record, &branches, by(&admin)).await {
            Ok(_) => {
                return Ok(Redirect::to(&format!("/associations/{}", new.code)).into_response());
            }
            Err(StoreError::Invalid(e)) => errors.extend(e),
            Err(e) => return Err(fail(e)),
        }
    }
    let p = association_form_page(&page, &state, csrf, &form, &errors, None).await?;
    form_response(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

async fn association_by_code(state: &AppState, code: &str) -> Result<Organisation, Refusal> {
    store::organisation_by_code(&state.db, code)
        .await
        .map_err(fail)?
        .filter(|o| o.kind == OrgKind::Association)
        .ok_or_else(|| fail(AppError::NotFound))
}

/// The good-standing fields (status, date, note), in the association form and in the standing
/// form.
fn standing_fields(page: &Page, standing: &str, standing_on: &str, note: &str) -> Vec<Field> {
    vec![
        Field::new(
            "standing",
            page.t("territory-form-standing"),
            standing,
            Widget::Select,
        )
        .required()
        .choices(standing_choices(page, standing)),
        Field::new(
            "standing_on",
            page.t("territory-form-standing-on"),
            standing_on,
            Widget::Date,
        )
        .required()
        .max(10),
        Field::new(
            "standing_note",
            page.t("territory-form-standing-note"),
            note,
            Widget::TextArea,
        )
        .max(super::model::MAX_NOTE_CHARS),
    ]
}

/// The standing form shown under the association form.
fn standing_form(
    page: &Page,
    org: &Organisation,
    values: &StandingForm,
    errors: &[FieldError],
) -> FormView {
    FormView {
        id: "standing",
        title: Some(page.t("territory-admin-set-standing")),
        action: format!("/admin/associations/{}/standing", org.code),
        multipart: false,
        fields: standing_fields(
            page,
            &values.standing,
            &values.standing_on,
            &values.standing_note,
        ),
        submit: page.t("territory-admin-set-standing"),
        errors: Vec::new(),
    }
    .with_errors(errors, page)
}

/// `GET /admin/associations/{code}/edit`: the record form, then the standing form.
async fn edit_association(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Reply {
    let org = association_by_code(&state, &code).await?;
    allow(&user, &Action::ManageOrganisation(org_id(&org)), &page)?;
    let record = store::association(&state.db, org.id)
        .await
        .map_err(fail)?
        .ok_or_else(|| fail(AppError::NotFound))?;
    let all = store::all_territories(&state.db).await.map_err(fail)?;
    let codes: HashMap<i64, String> = all.into_iter().map(|t| (t.id, t.code)).collect();
    let values = AssociationForm {
        code: org.code.clone(),
        seat: codes.get(&org.territory_id).cloned().unwrap_or_default(),
        branches: record
            .branch_ids
            .iter()
            .filter_map(|b| codes.get(b).cloned())
            .collect(),
        name_ar: org.names.ar.clone(),
        name_fr: org.names.fr.clone(),
        created_on: record.created_on.to_string(),
        standing: record.standing.as_str().to_owned(),
        standing_on: record.standing_on.to_string(),
        standing_note: record.standing_note.clone(),
        representative_name: record.representative_name.clone(),
        fields: record
            .fields
            .iter()
            .map(|f| f.as_str().to_owned())
            .collect(),
    };
    let mut p = association_form_page(&page, &state, csrf, &values, &[], Some(&org)).await?;
    // The standing has its own form (and its own permission): drop it from the record form.
    if let Some(f) = p.forms.first_mut() {
        f.fields
            .retain(|f| !matches!(f.name, "standing" | "standing_on" | "standing_note"));
    }
    if permissions::allowed(&user.actor(), &Action::SetAssociationStanding(org_id(&org))).is_ok() {
        let standing = StandingForm {
            standing: values.standing.clone(),
            standing_on: today().to_string(),
            standing_note: values.standing_note.clone(),
        };
        p.forms.push(standing_form(&page, &org, &standing, &[]));
    }
    form_response(StatusCode::OK, &p)
}

/// `POST /admin/associations/{code}/edit`: names, record, fields and branches (the standing is
/// kept as it is; it changes through its own form).
async fn update_association(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Form(mut form): Form<AssociationForm>,
) -> Reply {
    let org = association_by_code(&state, &code).await?;
    let editor = allow(&user, &Action::ManageOrganisation(org_id(&org)), &page)?;
    let current = store::association(&state.db, org.id)
        .await
        .map_err(fail)?
        .ok_or_else(|| fail(AppError::NotFound))?;
    form.standing = current.standing.as_str().to_owned();
    form.standing_on = current.standing_on.to_string();
    form.standing_note = current.standing_note.clone();
    let mut errors = Vec::new();
    let names = validate_names(&form.names(), &mut errors);
    let record = validate_association(&form.record(), today()).map_err(|e| errors.extend(e));
    let branches = branch_ids(&state, &form.branches, &mut errors).await?;
    if let (Some(mut names), Ok(record)) = (names, &record)
        && errors.is_empty()
    {
        // The form edits the legal names only; keep the other languages.
        names.zgh = org.names.zgh.clone();
        names.en = org.names.en.clone();
        match store::update_association(&state.db, org.id, &names, record, &branches, by(&editor))
            .await
        {
            Ok(()) => {
                return Ok(Redirect::to(&format!("/associations/{}", org.code)).into_response());
            }
            Err(StoreError::Invalid(e)) => errors.extend(e),
            Err(e) => return Err(fail(e)),
        }
    }
    let mut p = association_form_page(&page, &state, csrf, &form, &errors, Some(&org)).await?;
    if let Some(f) = p.forms.first_mut() {
        f.fields
            .retain(|f| !matches!(f.name, "standing" | "standing_on" | "standing_note"));
    }
    form_response(StatusCode::UNPROCESSABLE_ENTITY, &p)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StandingForm {
    standing: String,
    standing_on: String,
    standing_note: String,
}

/// `POST /admin/associations/{code}/standing`.
async fn set_standing(
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Form(form): Form<StandingForm>,
) -> Reply {
    let org = association_by_code(&state, &code).await?;
    let admin = allow(&user, &Action::SetAssociationStanding(org_id(&org)), &page)?;
    let mut errors = Vec::new();
    let standing = form
        .standing
        .parse::<Standing>()
        .map_err(|p| errors.push(FieldError::new("standing", p)))
        .ok();
    let on = parse_past_date(&form.standing_on, today())
        .map_err(|p| errors.push(FieldError::new("standing_on", p)))
        .ok();
    let note = clean_note(&form.standing_note)
        .map_err(|p| errors.push(FieldError::new("standing_note", p)))
        .ok();
    if let (Some(standing), Some(on), Some(note)) = (standing, on, note)
        && errors.is_empty()
    {
        store::set_standing(&state.db, org.id, standing, on, &note, by(&admin))
            .await
            .map_err(fail)?;
        return Ok(Redirect::to(&format!("/associations/{}", org.code)).into_response());
    }
    let p = FormPage {
        page: &page,
        title: page.t("territory-admin-set-standing"),
        intro: Some(Shown::of(&org.names, &page).text),
        back_href: format!("/associations/{}", org.code),
        back_label: Shown::of(&org.names, &page).text,
        csrf,
        notice: None,
        forms: vec![standing_form(&page, &org, &form, &errors)],
    };
    form_response(StatusCode::UNPROCESSABLE_ENTITY, &p)
}
