//! Public pages of territories, organisations and the association registry, and their JSON.
//!
//! Every page works without JavaScript. Stored names are printed escaped by askama and wrapped
//! in an element carrying their own `lang` (and `dir="auto"` or `<bdi>`), so an Arabic name
//! reads right inside a French page and the other way round.

use std::collections::HashMap;

use askama::Template;
use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::{Deserialize, Serialize};

use super::model::{ActivityField, Association, Level, Names, OrgKind, Organisation, Territory};
use super::store::{self, RegistryEntry, RegistryFilter, StoreError};
use crate::platform::layout::render;
use crate::platform::{AppError, AppState, Page};

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Db(e) => AppError::Db(e),
            StoreError::Invalid(errors) => {
                AppError::Internal(anyhow::anyhow!("unhandled invalid input: {errors:?}"))
            }
            StoreError::Corrupt(what) => AppError::Internal(anyhow::anyhow!("corrupt row: {what}")),
        }
    }
}

/// Routes of the public pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/territories", get(index))
        .route("/territories.json", get(territories_json))
        .route("/territories/{code}", get(territory_page))
        .route("/organisations/{code}", get(organisation_page))
        .route("/associations", get(registry_page))
        .route("/associations.json", get(associations_json))
        .route("/associations/{code}", get(association_page))
        .merge(super::admin::routes())
}

// ---------------------------------------------------------------------------------------------
// View helpers
// ---------------------------------------------------------------------------------------------

/// A stored name as shown: the text and the language it is in (which may be a fallback).
#[derive(Debug, Clone)]
pub struct Shown {
    pub text: String,
    pub lang: &'static str,
}

impl Shown {
    /// `names` in the page's language.
    pub fn of(names: &Names, page: &Page) -> Self {
        let code = page.locale.code();
        Shown {
            text: names.get(code).to_owned(),
            lang: names.lang_shown(code),
        }
    }
}

/// Groups the digits of a population with the locale's thousands separator (Latin digits
/// everywhere): a narrow no-break space in Arabic, French and Tamazight, a comma in English.
pub fn group_digits(n: i64, page: &Page) -> String {
    let sep = if page.locale.code() == "en" {
        ","
    } else {
        "\u{202F}"
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The separator of a list of labels: the Arabic comma in Arabic.
fn list_sep(page: &Page) -> &'static str {
    if page.locale.code() == "ar" {
        "، "
    } else {
        ", "
    }
}

/// Whether a population source says the figure still has to be confirmed.
fn to_confirm(source: &str) -> bool {
    source.contains("[to confirm]")
}

/// One territory in a table.
pub struct TerritoryRow {
    pub href: String,
    pub name: Shown,
    pub level: String,
    pub population: String,
    pub census_year: i32,
    pub to_confirm: bool,
    /// Nesting depth (0 for the region), for the index's indentation.
    pub depth: u8,
}

impl TerritoryRow {
    pub fn new(t: &Territory, page: &Page) -> Self {
        TerritoryRow {
            href: format!("/territories/{}", t.code),
            name: Shown::of(&t.names, page),
            level: page.t(t.level.message_key()),
            population: group_digits(t.population, page),
            census_year: t.census_year,
            to_confirm: to_confirm(&t.source),
            depth: t.level.tier(),
        }
    }
}

/// A link to an organisation.
pub struct OrgLink {
    pub href: String,
    pub name: Shown,
    pub kind: String,
    pub topic: Option<String>,
    pub demo: bool,
}

impl OrgLink {
    fn new(o: &Organisation, page: &Page) -> Self {
        let href = if o.kind == OrgKind::Association {
            format!("/associations/{}", o.code)
        } else {
            format!("/organisations/{}", o.code)
        };
        OrgLink {
            href,
            name: Shown::of(&o.names, page),
            kind: page.t(o.kind.message_key()),
            topic: o.topic.map(|t| page.t(t.message_key())),
            demo: o.demo,
        }
    }
}

/// Puts the territories in tree order (each followed by its subtree), children by name.
fn tree_order(all: Vec<Territory>) -> Vec<Territory> {
    let mut by_parent: HashMap<Option<i64>, Vec<Territory>> = HashMap::new();
    for t in all {
        by_parent.entry(t.parent_id).or_default().push(t);
    }
    let mut out = Vec::new();
    let mut stack: Vec<Territory> = by_parent.remove(&None).unwrap_or_default();
    stack.reverse();
    while let Some(t) = stack.pop() {
        let mut kids = by_parent.remove(&Some(t.id)).unwrap_or_default();
        kids.reverse();
        out.push(t);
        stack.extend(kids);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Territories
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "territory/index.html")]
struct IndexTemplate<'a> {
    page: &'a Page,
    rows: Vec<TerritoryRow>,
}

/// `GET /territories`: every territory, as a tree, with its legal population.
async fn index(page: Page, State(state): State<AppState>) -> Result<Html<String>, AppError> {
    let all = store::all_territories(&state.db).await?;
    let rows = tree_order(all)
        .iter()
        .map(|t| TerritoryRow::new(t, &page))
        .collect();
    render(&IndexTemplate { page: &page, rows })
}

/// A name in one language, for the names table.
pub struct NameRow {
    pub language: String,
    pub lang: &'static str,
    pub text: Option<String>,
}

fn name_rows(names: &Names, page: &Page) -> Vec<NameRow> {
    [
        ("ar", Some(&names.ar)),
        ("fr", Some(&names.fr)),
        ("zgh", names.zgh.as_ref()),
        ("en", names.en.as_ref()),
    ]
    .into_iter()
    .map(|(lang, text)| NameRow {
        language: page.t(&format!("territory-lang-{lang}")),
        lang,
        text: text.cloned(),
    })
    .collect()
}

#[derive(Template)]
#[template(path = "territory/territory.html")]
struct TerritoryTemplate<'a> {
    page: &'a Page,
    name: Shown,
    level: String,
    population: String,
    source: String,
    to_confirm: bool,
    ancestors: Vec<TerritoryRow>,
    names: Vec<NameRow>,
    children_caption: String,
    children: Vec<TerritoryRow>,
    council: Option<OrgLink>,
    council_bodies: Vec<OrgLink>,
    cells: Vec<OrgLink>,
    associations_href: String,
    associations_link: String,
}

/// `GET /territories/{code}`.
async fn territory_page(
    page: Page,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Html<String>, AppError> {
    let db = &state.db;
    let t = store::territory_by_code(db, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    let name = Shown::of(&t.names, &page);
    let ancestors = store::ancestors(db, &t)
        .await?
        .iter()
        .map(|a| TerritoryRow::new(a, &page))
        .collect();
    let children = store::children(db, t.id)
        .await?
        .iter()
        .map(|c| TerritoryRow::new(c, &page))
        .collect();
    let orgs = store::organisations_of_territory(db, t.id).await?;
    let council = orgs.iter().find(|o| o.kind == OrgKind::Council);
    let council_bodies = match council {
        Some(c) => store::organisation_children(db, c.id)
            .await?
            .iter()
            .map(|o| OrgLink::new(o, &page))
            .collect(),
        None => Vec::new(),
    };
    let cells = orgs
        .iter()
        .filter(|o| o.kind == OrgKind::CoordinationCell)
        .map(|o| OrgLink::new(o, &page))
        .collect();
    let population = page.tr(
        "territory-population",
        &[
            ("population", group_digits(t.population, &page).into()),
            ("year", i64::from(t.census_year).into()),
        ],
    );
    render(&TerritoryTemplate {
        level: page.t(t.level.message_key()),
        population,
        source: page.tr("territory-source", &[("source", t.source.as_str().into())]),
        to_confirm: to_confirm(&t.source),
        ancestors,
        names: name_rows(&t.names, &page),
        children_caption: page.tr(
            "territory-children-caption",
            &[("name", name.text.as_str().into())],
        ),
        children,
        council: council.map(|c| OrgLink::new(c, &page)),
        council_bodies,
        cells,
        associations_href: format!("/associations?territory={}", t.code),
        associations_link: page.tr(
            "territory-associations-link",
            &[("name", name.text.as_str().into())],
        ),
        name,
        page: &page,
    })
}

/// One territory in `/territories.json`.
#[derive(Serialize)]
struct TerritoryJson<'a> {
    code: &'a str,
    level: Level,
    parent_code: Option<&'a str>,
    names: &'a Names,
    population: i64,
    census_year: i32,
    source: &'a str,
}

/// `GET /territories.json`: every territory, parents before children.
async fn territories_json(State(state): State<AppState>) -> Result<Response, AppError> {
    let all = tree_order(store::all_territories(&state.db).await?);
    let codes: HashMap<i64, &str> = all.iter().map(|t| (t.id, t.code.as_str())).collect();
    let out: Vec<TerritoryJson<'_>> = all
        .iter()
        .map(|t| TerritoryJson {
            code: &t.code,
            level: t.level,
            parent_code: t.parent_id.and_then(|p| codes.get(&p).copied()),
            names: &t.names,
            population: t.population,
            census_year: t.census_year,
            source: &t.source,
        })
        .collect();
    Ok(Json(out).into_response())
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "territory/organisation.html")]
struct OrganisationTemplate<'a> {
    page: &'a Page,
    org: OrgLink,
    names: Vec<NameRow>,
    territory: TerritoryRow,
    council: Option<OrgLink>,
    members: Vec<OrgLink>,
    is_council: bool,
}

/// `GET /organisations/{code}` (associations are redirected to their registry page).
async fn organisation_page(
    page: Page,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let db = &state.db;
    let o = store::organisation_by_code(db, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    if o.kind == OrgKind::Association {
        return Ok(Redirect::permanent(&format!("/associations/{}", o.code)).into_response());
    }
    let territory = store::territory(db, o.territory_id)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("organisation without territory")))?;
    let council = match o.parent_id {
        Some(p) => store::organisation(db, p).await?,
        None => None,
    };
    let members = store::organisation_children(db, o.id)
        .await?
        .iter()
        .map(|m| OrgLink::new(m, &page))
        .collect();
    Ok(render(&OrganisationTemplate {
        org: OrgLink::new(&o, &page),
        names: name_rows(&o.names, &page),
        territory: TerritoryRow::new(&territory, &page),
        council: council.as_ref().map(|c| OrgLink::new(c, &page)),
        members,
        is_council: o.kind == OrgKind::Council,
        page: &page,
    })?
    .into_response())
}

// ---------------------------------------------------------------------------------------------
// Association registry
// ---------------------------------------------------------------------------------------------

/// Query of the registry page.
#[derive(Debug, Deserialize, Default)]
pub struct RegistryQuery {
    /// A territory code (its subdivisions are included).
    pub territory: Option<String>,
    /// A field of activity.
    pub field: Option<String>,
}

/// One option of a filter's select.
pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub lang: &'static str,
    pub selected: bool,
}

/// One association in the registry table.
pub struct RegistryRow {
    pub org: OrgLink,
    pub seat: Shown,
    pub seat_href: String,
    pub fields: String,
    pub standing: String,
    pub good: bool,
    pub created_on: String,
}

fn registry_row(
    e: &RegistryEntry,
    territories: &HashMap<i64, Territory>,
    page: &Page,
) -> RegistryRow {
    let seat = territories.get(&e.organisation.territory_id);
    RegistryRow {
        org: OrgLink::new(&e.organisation, page),
        seat: seat.map_or(
            Shown {
                text: String::new(),
                lang: "ar",
            },
            |t| Shown::of(&t.names, page),
        ),
        seat_href: seat.map_or_else(String::new, |t| format!("/territories/{}", t.code)),
        fields: e
            .association
            .fields
            .iter()
            .map(|f| page.t(f.message_key()))
            .collect::<Vec<_>>()
            .join(list_sep(page)),
        standing: page.t(e.association.standing.message_key()),
        good: e.association.standing == super::model::Standing::Good,
        created_on: e.association.created_on.to_string(),
    }
}

#[derive(Template)]
#[template(path = "territory/registry.html")]
struct RegistryTemplate<'a> {
    page: &'a Page,
    territory_options: Vec<FilterOption>,
    field_options: Vec<FilterOption>,
    caption: String,
    rows: Vec<RegistryRow>,
    json_href: String,
}

/// Resolves the registry filters; an unknown territory or field is a 400 with a message.
async fn registry_filter(
    state: &AppState,
    q: &RegistryQuery,
) -> Result<(RegistryFilter, Option<String>), AppError> {
    let mut filter = RegistryFilter::default();
    let mut territory_code = None;
    if let Some(code) = q.territory.as_deref().filter(|c| !c.is_empty()) {
        let t = store::territory_by_code(&state.db, code)
            .await?
            .ok_or(AppError::BadRequest("territory-problem-unknown-territory"))?;
        filter.territory_id = Some(t.id);
        territory_code = Some(t.code);
    }
    if let Some(f) = q.field.as_deref().filter(|f| !f.is_empty()) {
        filter.field = Some(
            f.parse::<ActivityField>()
                .map_err(|_| AppError::BadRequest("territory-problem-unknown-activity-field"))?,
        );
    }
    Ok((filter, territory_code))
}

/// `GET /associations?territory=&field=`: the registry, filtered.
async fn registry_page(
    page: Page,
    State(state): State<AppState>,
    Query(q): Query<RegistryQuery>,
) -> Result<Html<String>, AppError> {
    let (filter, territory_code) = registry_filter(&state, &q).await?;
    let entries = store::registry(&state.db, &filter).await?;
    let all = tree_order(store::all_territories(&state.db).await?);
    let territory_options = all
        .iter()
        .map(|t| {
            let shown = Shown::of(&t.names, &page);
            FilterOption {
                label: format!(
                    "{}{} ({})",
                    "\u{2014} ".repeat(usize::from(t.level.tier())),
                    shown.text,
                    page.t(t.level.message_key())
                ),
                lang: shown.lang,
                selected: territory_code.as_deref() == Some(t.code.as_str()),
                value: t.code.clone(),
            }
        })
        .collect();
    let field_options = ActivityField::ALL
        .iter()
        .map(|f| FilterOption {
            value: f.as_str().to_owned(),
            label: page.t(f.message_key()),
            lang: page.locale.code(),
            selected: filter.field == Some(*f),
        })
        .collect();
    let by_id: HashMap<i64, Territory> = all.into_iter().map(|t| (t.id, t)).collect();
    let rows: Vec<RegistryRow> = entries
        .iter()
        .map(|e| registry_row(e, &by_id, &page))
        .collect();
    let query = serde_urlencoded_query(&territory_code, filter.field);
    render(&RegistryTemplate {
        caption: page.tn("territory-registry-caption", rows.len() as i64),
        territory_options,
        field_options,
        rows,
        json_href: format!("/associations.json{query}"),
        page: &page,
    })
}

/// `?territory=…&field=…` for the filters in force (codes and field names are URL-safe).
fn serde_urlencoded_query(territory: &Option<String>, field: Option<ActivityField>) -> String {
    let mut parts = Vec::new();
    if let Some(t) = territory {
        parts.push(format!("territory={t}"));
    }
    if let Some(f) = field {
        parts.push(format!("field={}", f.as_str()));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[derive(Template)]
#[template(path = "territory/association.html")]
struct AssociationTemplate<'a> {
    page: &'a Page,
    org: OrgLink,
    legal_name_ar: String,
    legal_name_fr: String,
    record: &'a Association,
    seat: TerritoryRow,
    branches: Vec<TerritoryRow>,
    fields: String,
    standing: String,
    good: bool,
    petition_ok: bool,
}

/// `GET /associations/{code}`.
async fn association_page(
    page: Page,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Html<String>, AppError> {
    let db = &state.db;
    let o = store::organisation_by_code(db, &code)
        .await?
        .filter(|o| o.kind == OrgKind::Association)
        .ok_or(AppError::NotFound)?;
    let record = store::association(db, o.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let seat = store::territory(db, o.territory_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut branches = Vec::new();
    for b in &record.branch_ids {
        if let Some(t) = store::territory(db, *b).await? {
            branches.push(TerritoryRow::new(&t, &page));
        }
    }
    let today = crate::platform::i18n::to_casablanca(jiff::Timestamp::now().as_second()).date();
    render(&AssociationTemplate {
        org: OrgLink::new(&o, &page),
        legal_name_ar: o.names.ar.clone(),
        legal_name_fr: o.names.fr.clone(),
        seat: TerritoryRow::new(&seat, &page),
        branches,
        fields: record
            .fields
            .iter()
            .map(|f| page.t(f.message_key()))
            .collect::<Vec<_>>()
            .join(list_sep(&page)),
        standing: page.t(record.standing.message_key()),
        good: record.standing == super::model::Standing::Good,
        petition_ok: record.meets_registry_conditions(today),
        record: &record,
        page: &page,
    })
}

/// One association in `/associations.json`.
#[derive(Serialize)]
struct AssociationJson<'a> {
    code: &'a str,
    legal_name_ar: &'a str,
    legal_name_fr: &'a str,
    seat_code: Option<&'a str>,
    branch_codes: Vec<&'a str>,
    #[serde(flatten)]
    record: &'a Association,
    demo: bool,
}

/// `GET /associations.json?territory=&field=`: the registry as JSON, same filters.
async fn associations_json(
    State(state): State<AppState>,
    Query(q): Query<RegistryQuery>,
) -> Result<Response, AppError> {
    let (filter, _) = registry_filter(&state, &q).await?;
    let entries = store::registry(&state.db, &filter).await?;
    let all = store::all_territories(&state.db).await?;
    let codes: HashMap<i64, &str> = all.iter().map(|t| (t.id, t.code.as_str())).collect();
    let out: Vec<AssociationJson<'_>> = entries
        .iter()
        .map(|e| AssociationJson {
            code: &e.organisation.code,
            legal_name_ar: &e.organisation.names.ar,
            legal_name_fr: &e.organisation.names.fr,
            seat_code: codes.get(&e.organisation.territory_id).copied(),
            branch_codes: e
                .association
                .branch_ids
                .iter()
                .filter_map(|b| codes.get(b).copied())
                .collect(),
            record: &e.association,
            demo: e.organisation.demo,
        })
        .collect();
    Ok(Json(out).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Locale;

    #[test]
    fn digits_are_grouped_by_locale() {
        let fr = Page::new(Locale::Fr, "/");
        let en = Page::new(Locale::En, "/");
        assert_eq!(group_digits(4_030_222, &fr), "4\u{202F}030\u{202F}222");
        assert_eq!(group_digits(4_030_222, &en), "4,030,222");
        assert_eq!(group_digits(999, &en), "999");
        assert_eq!(group_digits(1000, &en), "1,000");
        assert_eq!(group_digits(0, &en), "0");
    }
}
