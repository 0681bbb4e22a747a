//! HTTP: the public register, a petition's page with every step of its procedure, drafting,
//! signing, paper entry, the council's side, exports, receipts and statistics.
//!
//! Handlers parse the form into plain strings (never rejected by the extractor), hand them to
//! [`service`], and on a refusal render the same page again with a translated message and the
//! form refilled (422), so nothing typed is lost and no user input ever causes a 500.

use std::collections::HashMap;

use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::model::cin::{CinError, CinKeys};
use super::model::eligibility::{AssociationCondition, Ineligibility};
use super::model::procedure::{
    CouncilDecision, DepositBlocker, PetitionKind, PetitionRole, PetitionState, Transition,
    TransitionError, TransitionKind,
};
use super::model::rules::{CouncilLevel, RuleSet};
use super::service::{self, PaperForm, PetitionError, SignForm, Texts};
use super::store::{self, Names, PaperOutcome, PetitionRow, RegisterFilter};
use super::views;
use crate::platform::error::AppError;
use crate::platform::i18n::{Arg, Locale};
use crate::platform::layout::{Page, render};
use crate::platform::permissions::{Action, Denied, allowed};
use crate::platform::session::{Csrf, CurrentUser, RequireUser};
use crate::platform::{AppState, now, pdf};

/// The petition routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/petitions", get(register_html))
        .route("/petitions.json", get(register_json))
        .route("/petitions.csv", get(register_csv))
        .route("/petitions/stats", get(stats_page))
        .route("/petitions/rules", get(rules_page).post(rules_add))
        .route("/petitions/mine", get(mine))
        .route("/petitions/new", get(new_form).post(new_submit))
        .route("/petitions/{id}", get(show))
        .route("/petitions/{id}/edit", get(edit_form).post(edit_submit))
        .route("/petitions/{id}/sign", post(sign))
        .route("/petitions/{id}/unsign", post(unsign))
        .route("/petitions/{id}/paper", post(paper))
        .route("/petitions/{id}/step", post(step))
        .route("/petitions/{id}/receipt.pdf", get(receipt_pdf))
        .route("/petitions/{id}/signatures.pdf", get(list_pdf))
        .route("/petitions/{id}/signatures.csv", get(list_csv))
}

fn keys(state: &AppState) -> CinKeys {
    CinKeys::from_secret(state.secret.bytes())
}

/// Ids in paths are numbers; anything else is simply not found.
fn parse_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound)
}

fn store_err(e: store::StoreError) -> AppError {
    match e {
        store::StoreError::Db(e) => AppError::Db(e),
        other => AppError::Internal(anyhow::anyhow!(other)),
    }
}

/// Turns a refusal into the message shown above the form, or into an error page for what is
/// not the visitor's mistake.
fn refusal(page: &Page, names: &views::NameBook, e: PetitionError) -> Result<String, AppError> {
    let t = |k: &str| page.t(k);
    Ok(match e {
        PetitionError::NotFound => return Err(AppError::NotFound),
        PetitionError::Denied(Denied::SignInRequired) => return Err(AppError::Unauthorized),
        PetitionError::Denied(Denied::EmailNotConfirmed) => t("petitions-error-email-unconfirmed"),
        PetitionError::Denied(Denied::ResidenceRequired) => t("petitions-error-not-resident"),
        PetitionError::Denied(_) => t("petitions-error-forbidden"),
        PetitionError::Transition(te) => transition_message(page, names, &te),
        PetitionError::Ineligible(i) => t(ineligibility_key(i)),
        PetitionError::Cin(CinError::Empty) => t("petitions-error-cin-empty"),
        PetitionError::Cin(CinError::Format) => t("petitions-error-cin-format"),
        PetitionError::AlreadySigned => t("petitions-error-already-signed"),
        PetitionError::Association(conditions) => conditions
            .iter()
            .map(|c| association_message(page, names, c))
            .collect::<Vec<_>>()
            .join(" "),
        PetitionError::Invalid(key) => t(key),
        PetitionError::Conflict => t("petitions-error-conflict"),
        PetitionError::NotDraft(s) => page.tr(
            "petitions-error-edit-not-draft",
            &[("state", Arg::from(page.t(&views::state_key(s))))],
        ),
        PetitionError::Store(store::StoreError::Rules(_)) => t("petitions-error-no-rules"),
        PetitionError::Store(s) => return Err(store_err(s)),
    })
}

fn ineligibility_key(i: Ineligibility) -> &'static str {
    match i {
        Ineligibility::NotOpen => "petitions-error-not-open",
        Ineligibility::NotVerified => "petitions-error-not-verified",
        Ineligibility::NotResident => "petitions-error-not-resident",
        Ineligibility::ActivityNotInTerritory => "petitions-error-activity",
        Ineligibility::ElectoralRollNotConfirmed => "petitions-error-roll",
        Ineligibility::ConsentMissing => "petitions-error-consent-missing",
        Ineligibility::ConsentOutdated => "petitions-error-consent-outdated",
    }
}

fn association_message(page: &Page, names: &views::NameBook, c: &AssociationCondition) -> String {
    match c {
        AssociationCondition::TooYoung {
            created_on,
            eligible_from,
            years,
        } => page.tr(
            "petitions-error-assoc-too-young",
            &[
                ("created", Arg::from(created_on.to_string())),
                ("years", Arg::Num(i64::from(*years))),
                ("from", Arg::from(eligible_from.to_string())),
            ],
        ),
        AssociationCondition::NotInTerritory => page.t("petitions-error-assoc-territory"),
        AssociationCondition::NotInGoodStanding => page.t("petitions-error-assoc-standing"),
        AssociationCondition::FieldUnrelated { field } => page.tr(
            "petitions-error-assoc-field",
            &[("field", Arg::from(names.field(page, field)))],
        ),
    }
}

/// The sentence for a deposit blocker.
pub fn blocker_text(page: &Page, names: &views::NameBook, b: &DepositBlocker) -> String {
    match b {
        DepositBlocker::TooFewSignatures { have, need } => page.tr(
            "petitions-error-too-few",
            &[
                ("have", Arg::Num(i64::from(*have))),
                ("need", Arg::Num(i64::from(*need))),
            ],
        ),
        DepositBlocker::TooFewInSubdivision {
            territory_id,
            have,
            need,
        } => page.tr(
            "petitions-error-too-few-sub",
            &[
                ("territory", Arg::from(names.territory(page, *territory_id))),
                ("have", Arg::Num(i64::from(*have))),
                ("need", Arg::Num(i64::from(*need))),
            ],
        ),
        DepositBlocker::Association(c) => association_message(page, names, c),
        DepositBlocker::RepresentativesMissing => page.t("petitions-error-names"),
    }
}

fn transition_message(page: &Page, names: &views::NameBook, e: &TransitionError) -> String {
    match e {
        TransitionError::Forbidden(_) => page.t("petitions-error-forbidden"),
        TransitionError::Closed(s) => page.tr(
            "petitions-error-closed",
            &[("state", Arg::from(page.t(&views::state_key(*s))))],
        ),
        TransitionError::WrongState { state, .. } => page.tr(
            "petitions-error-wrong-state",
            &[("state", Arg::from(page.t(&views::state_key(*state))))],
        ),
        TransitionError::NotApplicable(_) => page.t("petitions-error-not-applicable"),
        TransitionError::ConditionsNotMet(blockers) => {
            let list: Vec<String> = blockers
                .iter()
                .map(|b| blocker_text(page, names, b))
                .collect();
            format!(
                "{} {}",
                page.t("petitions-error-deposit-blocked"),
                list.join(" ")
            )
        }
        TransitionError::UnknownGround(_) => page.t("petitions-error-unknown-ground"),
        TransitionError::MissingText => page.t("petitions-error-missing-text"),
        TransitionError::UnknownCommittee(_) => page.t("petitions-error-unknown-committee"),
        TransitionError::NoVotes => page.t("petitions-error-no-votes"),
    }
}

// ---------------------------------------------------------------------------------------------
// Register, exports, statistics
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
struct FilterQuery {
    #[serde(default)]
    territory: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    kind: String,
}

impl FilterQuery {
    /// Unknown values are ignored (shown as "all"), never an error.
    fn filter(&self) -> RegisterFilter {
        RegisterFilter {
            territory_id: self.territory.parse().ok(),
            level: CouncilLevel::from_code(&self.level),
            state: PetitionState::from_code(&self.state).filter(|s| s.is_public()),
            kind: PetitionKind::from_code(&self.kind),
        }
    }
}

async fn register_html(
    State(state): State<AppState>,
    page: Page,
    Query(q): Query<FilterQuery>,
) -> Result<Html<String>, AppError> {
    let filter = q.filter();
    let rows = store::register(&state.db, &filter)
        .await
        .map_err(store_err)?;
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let councils = store::councils(&state.db).await.map_err(store_err)?;
    let now = now();
    let template =
        views::RegisterTemplate::new(&page, &names, &rows, &filter, &councils, now, false);
    render(&template)
}

async fn mine(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
) -> Result<Html<String>, AppError> {
    let rows = store::petitions_of(&state.db, user.actor.id.0)
        .await
        .map_err(store_err)?;
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let template = views::RegisterTemplate::new(
        &page,
        &names,
        &rows,
        &RegisterFilter::default(),
        &[],
        now(),
        true,
    );
    render(&template)
}

async fn register_json(
    State(state): State<AppState>,
    Query(q): Query<FilterQuery>,
) -> Result<Response, AppError> {
    let rows = store::register(&state.db, &q.filter())
        .await
        .map_err(store_err)?;
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let records: Vec<views::Record> = rows
        .iter()
        .map(|p| views::Record::new(p, &names, now()))
        .collect();
    let body = serde_json::to_string_pretty(&records).map_err(|e| AppError::Internal(e.into()))?;
    Ok((
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response())
}

async fn register_csv(
    State(state): State<AppState>,
    Query(q): Query<FilterQuery>,
) -> Result<Response, AppError> {
    let rows = store::register(&state.db, &q.filter())
        .await
        .map_err(store_err)?;
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let mut w = csv::Writer::from_writer(Vec::new());
    for p in &rows {
        w.serialize(views::Record::new(p, &names, now()))
            .map_err(|e| AppError::Internal(e.into()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"petitions.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

async fn stats_page(State(state): State<AppState>, page: Page) -> Result<Html<String>, AppError> {
    let stats = store::stats(&state.db, now()).await.map_err(store_err)?;
    render(&views::StatsTemplate::new(&page, &stats))
}

// ---------------------------------------------------------------------------------------------
// Rule sets (administrators)
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
struct RulesForm {
    #[serde(default)]
    body: String,
}

async fn rules_page(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(user): CurrentUser,
    Csrf(csrf): Csrf,
) -> Result<Html<String>, AppError> {
    let can_add = user
        .as_ref()
        .is_some_and(|u| allowed(&u.actor(), &Action::ManagePetitionRules).is_ok());
    let sets = store::rule_sets(&state.db).await.map_err(store_err)?;
    let template_json =
        serde_json::to_string_pretty(&RuleSet::organic_laws_2015()).unwrap_or_default();
    let body = if can_add {
        template_json
    } else {
        String::new()
    };
    render(&views::RulesTemplate::new(
        &page, &sets, can_add, csrf, body, None, None,
    ))
}

async fn rules_add(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Form(form): Form<RulesForm>,
) -> Result<Response, AppError> {
    allowed(&user.actor(), &Action::ManagePetitionRules)?;
    let parsed: Result<RuleSet, String> =
        serde_json::from_str(&form.body).map_err(|e| e.to_string());
    let result = match parsed {
        Ok(rules) => match store::add_rule_set(&state.db, &rules, Some(user.actor.id.0), now())
            .await
        {
            Ok(_) => Ok(()),
            Err(store::StoreError::DuplicateRuleSet) => Err(page.t("petitions-rules-duplicate")),
            Err(store::StoreError::Rules(e)) => {
                Err(format!("{} {e}", page.t("petitions-rules-invalid")))
            }
            Err(e) => return Err(store_err(e)),
        },
        Err(e) => Err(format!("{} {e}", page.t("petitions-rules-invalid"))),
    };
    let sets = store::rule_sets(&state.db).await.map_err(store_err)?;
    match result {
        Ok(()) => Ok(Redirect::to("/petitions/rules").into_response()),
        Err(message) => {
            let t =
                views::RulesTemplate::new(&page, &sets, true, csrf, form.body, Some(message), None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&t)?).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Drafting
// ---------------------------------------------------------------------------------------------

/// The drafting form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct DraftForm {
    /// `citizen` or `association`.
    #[serde(default)]
    pub kind: String,
    /// Council organisation id.
    #[serde(default)]
    pub council: String,
    /// Association organisation id.
    #[serde(default)]
    pub association: String,
    /// Field of activity.
    #[serde(default)]
    pub field: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Request.
    #[serde(default)]
    pub request: String,
    /// Reasons.
    #[serde(default)]
    pub reasons: String,
    /// Representative's name.
    #[serde(default)]
    pub representative_name: String,
    /// Deputy's name.
    #[serde(default)]
    pub deputy_name: String,
}

async fn new_form(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
) -> Result<Html<String>, AppError> {
    let form = DraftForm {
        kind: "citizen".into(),
        representative_name: user.user.display_name.clone(),
        ..DraftForm::default()
    };
    let t = views::NewTemplate::load(&state.db, &page, user.actor.id.0, csrf, form, None)
        .await
        .map_err(store_err)?;
    render(&t)
}

async fn new_submit(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Form(form): Form<DraftForm>,
) -> Result<Response, AppError> {
    let texts = Texts {
        title: form.title.clone(),
        request: form.request.clone(),
        reasons: form.reasons.clone(),
        representative_name: form.representative_name.clone(),
        deputy_name: form.deputy_name.clone(),
    };
    let council: Option<i64> = form.council.parse().ok();
    let national = match form.council.as_str() {
        "national_petition" => Some(super::model::rules::NationalKind::Petition),
        "legislative_motion" => Some(super::model::rules::NationalKind::LegislativeMotion),
        _ => None,
    };
    let result = match (form.kind.as_str(), council) {
        ("citizen", None) if national.is_some() => match national {
            Some(kind) => {
                service::draft_national(&state.db, &user.actor, kind, &texts, now()).await
            }
            None => Err(PetitionError::Invalid("petitions-error-council")),
        },
        (_, None) => Err(PetitionError::Invalid("petitions-error-council")),
        ("citizen", Some(c)) => {
            service::draft_citizen(&state.db, &user.actor, c, &texts, now()).await
        }
        ("association", Some(c)) => match form.association.parse::<i64>() {
            Ok(a) => {
                service::draft_association(
                    &state.db,
                    &user.actor,
                    a,
                    c,
                    form.field.trim(),
                    &texts,
                    now(),
                )
                .await
            }
            Err(_) => Err(PetitionError::Invalid("petitions-error-association-choice")),
        },
        _ => Err(PetitionError::Invalid("petitions-error-kind")),
    };
    match result {
        Ok(id) => Ok(Redirect::to(&format!("/petitions/{id}?done=created")).into_response()),
        Err(e) => {
            let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
            let status = if matches!(e, PetitionError::Denied(_)) {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = refusal(&page, &names, e)?;
            let t = views::NewTemplate::load(
                &state.db,
                &page,
                user.actor.id.0,
                csrf,
                form,
                Some(message),
            )
            .await
            .map_err(store_err)?;
            Ok((status, render(&t)?).into_response())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Editing a draft
// ---------------------------------------------------------------------------------------------

/// The draft-edit form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct EditFields {
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Request.
    #[serde(default)]
    pub request: String,
    /// Reasons.
    #[serde(default)]
    pub reasons: String,
    /// Representative's name.
    #[serde(default)]
    pub representative_name: String,
    /// Deputy's name.
    #[serde(default)]
    pub deputy_name: String,
    /// Committee members' addresses, one per line.
    #[serde(default)]
    pub committee: String,
}

/// The petition, if the user may edit it now; otherwise the refusal.
async fn editable(
    state: &AppState,
    user: &crate::platform::session::SignedIn,
    id: i64,
) -> Result<PetitionRow, PetitionError> {
    let db = &state.db;
    let p = store::petition(db, id)
        .await?
        .ok_or(PetitionError::NotFound)?;
    if !service::can_see(db, Some(&user.actor), &p).await? {
        return Err(PetitionError::NotFound);
    }
    allowed(
        &user.actor(),
        &Action::EditPetitionDraft(service::access(db, &p).await?),
    )?;
    let st = p.state()?;
    if st != PetitionState::Draft {
        return Err(PetitionError::NotDraft(st));
    }
    Ok(p)
}

async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    match editable(&state, &user, id).await {
        Ok(p) => {
            let committee = store::committee_emails(&state.db, id)
                .await
                .map_err(store_err)?
                .join("\n");
            let form = EditFields {
                title: p.title.clone(),
                request: p.request.clone(),
                reasons: p.reasons.clone(),
                representative_name: p.representative_name.clone(),
                deputy_name: p.deputy_name.clone(),
                committee,
            };
            let t = views::EditTemplate::new(&page, csrf, id, form, None);
            Ok(render(&t)?.into_response())
        }
        Err(e) => refused(&state, &page, &user, csrf, id, e, Feedback::default()).await,
    }
}

async fn edit_submit(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
    Form(f): Form<EditFields>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let form = service::DraftEditForm {
        texts: Texts {
            title: f.title.clone(),
            request: f.request.clone(),
            reasons: f.reasons.clone(),
            representative_name: f.representative_name.clone(),
            deputy_name: f.deputy_name.clone(),
        },
        committee: f.committee.clone(),
    };
    match service::edit_draft(&state.db, &user.actor, id, &form, now()).await {
        Ok(()) => Ok(Redirect::to(&format!("/petitions/{id}?done=edited")).into_response()),
        // Field problems come back on the edit form, filled in as typed.
        Err(PetitionError::Invalid(key)) => {
            let t = views::EditTemplate::new(&page, csrf, id, f, Some(page.t(key)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&t)?).into_response())
        }
        Err(e) => refused(&state, &page, &user, csrf, id, e, Feedback::default()).await,
    }
}

// ---------------------------------------------------------------------------------------------
// A petition's page
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
struct ShowQuery {
    #[serde(default)]
    done: String,
}

/// Every form of the petition page, as typed (refilled after a refusal).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct StepForm {
    /// Which step: a [`TransitionKind`] code.
    #[serde(default)]
    pub step: String,
    /// Refusal ground.
    #[serde(default)]
    pub ground: String,
    /// `admissible` or `inadmissible`.
    #[serde(default)]
    pub decision: String,
    /// Reasoned text or council decision text.
    #[serde(default)]
    pub text: String,
    /// Standing committee id.
    #[serde(default)]
    pub committee: String,
    /// Session date.
    #[serde(default)]
    pub session_date: String,
    /// Votes for.
    #[serde(default)]
    pub votes_for: String,
    /// Votes against.
    #[serde(default)]
    pub votes_against: String,
    /// Abstentions.
    #[serde(default)]
    pub abstentions: String,
}

/// The signing form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct SignFields {
    /// CIN number.
    #[serde(default)]
    pub cin: String,
    /// Full name.
    #[serde(default)]
    pub full_name: String,
    /// `resident` or `activity`.
    #[serde(default)]
    pub basis: String,
    /// Activity territory id.
    #[serde(default)]
    pub activity_place: String,
    /// Activity description.
    #[serde(default)]
    pub activity_description: String,
    /// Checkbox.
    #[serde(default)]
    pub electoral_roll: Option<String>,
    /// Consent version accepted (hidden field + checkbox).
    #[serde(default)]
    pub consent: Option<String>,
    /// Checkbox.
    #[serde(default)]
    pub notify: Option<String>,
}

/// The paper-entry form, as typed.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct PaperFields {
    /// CIN number.
    #[serde(default)]
    pub cin: String,
    /// Name.
    #[serde(default)]
    pub full_name: String,
    /// Territory id.
    #[serde(default)]
    pub place: String,
    /// Sheet reference.
    #[serde(default)]
    pub sheet: String,
    /// `discard` to drop a first entry.
    #[serde(default)]
    pub discard: Option<String>,
}

/// What the page shows after a refusal or a paper entry.
#[derive(Debug, Default, Clone)]
pub struct Feedback {
    /// The message above the forms.
    pub error: Option<String>,
    /// A success message.
    pub notice: Option<String>,
    /// Refilled signing form.
    pub sign: SignFields,
    /// Refilled paper form.
    pub paper: PaperFields,
    /// Refilled council forms.
    pub step: StepForm,
}

fn done_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "created" => "petitions-done-created",
        "edited" => "petitions-done-edited",
        "signed" => "petitions-done-signed",
        "unsigned" => "petitions-done-unsigned",
        "open" => "petitions-done-open",
        "withdraw" => "petitions-done-withdraw",
        "deposit" => "petitions-done-deposit",
        "declare_admissible" => "petitions-done-admissible",
        "declare_inadmissible" => "petitions-done-inadmissible",
        "refer_to_committee" => "petitions-done-referred",
        "put_on_agenda" => "petitions-done-agenda",
        "record_decision" => "petitions-done-decided",
        "export_national_dossier" => "petitions-done-exported",
        _ => return None,
    })
}

async fn show(
    State(state): State<AppState>,
    page: Page,
    CurrentUser(user): CurrentUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let feedback = Feedback {
        notice: done_key(&q.done).map(|k| page.t(k)),
        ..Feedback::default()
    };
    show_page(
        &state,
        &page,
        user.as_deref(),
        csrf,
        id,
        feedback,
        StatusCode::OK,
    )
    .await
}

async fn show_page(
    state: &AppState,
    page: &Page,
    user: Option<&crate::platform::session::SignedIn>,
    csrf: String,
    id: i64,
    feedback: Feedback,
    status: StatusCode,
) -> Result<Response, AppError> {
    let db = &state.db;
    let p = store::petition(db, id)
        .await
        .map_err(store_err)?
        .ok_or(AppError::NotFound)?;
    let actor = user.map(|u| &u.actor);
    if !service::can_see(db, actor, &p)
        .await
        .map_err(petition_err)?
    {
        return Err(AppError::NotFound);
    }
    let t = views::ShowTemplate::load(state, page, user, csrf, &p, feedback, now())
        .await
        .map_err(petition_err)?;
    Ok((status, render(&t)?).into_response())
}

fn petition_err(e: PetitionError) -> AppError {
    match e {
        PetitionError::NotFound => AppError::NotFound,
        PetitionError::Store(s) => store_err(s),
        other => AppError::Internal(anyhow::anyhow!(other.to_string())),
    }
}

/// After a refusal: the page again, with the message and the forms refilled.
async fn refused(
    state: &AppState,
    page: &Page,
    user: &crate::platform::session::SignedIn,
    csrf: String,
    id: i64,
    e: PetitionError,
    mut feedback: Feedback,
) -> Result<Response, AppError> {
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let status = match e {
        PetitionError::Denied(_) => StatusCode::FORBIDDEN,
        PetitionError::NotDraft(_) => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    feedback.error = Some(refusal(page, &names, e)?);
    show_page(state, page, Some(user), csrf, id, feedback, status).await
}

async fn sign(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
    Form(f): Form<SignFields>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let form = SignForm {
        cin: f.cin.clone(),
        full_name: f.full_name.clone(),
        basis: f.basis.clone(),
        activity_place: f.activity_place.parse().ok(),
        activity_description: f.activity_description.clone(),
        electoral_roll: f.electoral_roll.is_some(),
        consent_version: f.consent.as_deref().and_then(|v| v.parse().ok()),
        notify: f.notify.is_some(),
    };
    match service::sign_through(&state, &user.actor, id, &form, now()).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/petitions/{id}?done=signed#progress")).into_response())
        }
        Err(e) => {
            // The CIN is never sent back to the browser.
            let sign = SignFields {
                cin: String::new(),
                ..f
            };
            refused(
                &state,
                &page,
                &user,
                csrf,
                id,
                e,
                Feedback {
                    sign,
                    ..Feedback::default()
                },
            )
            .await
        }
    }
}

async fn unsign(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    match service::unsign(&state.db, &user.actor, id).await {
        Ok(true) => Ok(Redirect::to(&format!("/petitions/{id}?done=unsigned")).into_response()),
        Ok(false) => {
            let e = PetitionError::Invalid("petitions-error-not-signed");
            refused(&state, &page, &user, csrf, id, e, Feedback::default()).await
        }
        Err(e) => refused(&state, &page, &user, csrf, id, e, Feedback::default()).await,
    }
}

async fn paper(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
    Form(f): Form<PaperFields>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let keys = keys(&state);
    if f.discard.is_some() {
        let p = store::petition(&state.db, id)
            .await
            .map_err(store_err)?
            .ok_or(AppError::NotFound)?;
        let access = service::access(&state.db, &p).await.map_err(petition_err)?;
        allowed(&user.actor(), &Action::ManagePetition(access))?;
        let outcome = match super::model::cin::Cin::parse(&f.cin) {
            Ok(cin) => store::discard_paper_line(&state.db, id, &keys.hash(id, &cin))
                .await
                .map_err(store_err)?,
            Err(_) => false,
        };
        let key = if outcome {
            "petitions-paper-discarded"
        } else {
            "petitions-paper-nothing-to-discard"
        };
        let feedback = Feedback {
            notice: Some(page.t(key)),
            ..Feedback::default()
        };
        return show_page(
            &state,
            &page,
            Some(&user),
            csrf,
            id,
            feedback,
            StatusCode::OK,
        )
        .await;
    }
    let form = PaperForm {
        cin: f.cin.clone(),
        full_name: f.full_name.clone(),
        place_id: f.place.parse().unwrap_or(0),
        sheet: f.sheet.clone(),
    };
    match service::enter_paper_line(&state.db, &keys, &user.actor, id, &form, now()).await {
        Ok(outcome) => {
            let (status, feedback) = match outcome {
                PaperOutcome::AwaitingSecondEntry => (
                    StatusCode::OK,
                    Feedback {
                        notice: Some(page.t("petitions-paper-awaiting")),
                        ..Feedback::default()
                    },
                ),
                PaperOutcome::Confirmed(_) => (
                    StatusCode::OK,
                    Feedback {
                        notice: Some(page.t("petitions-paper-confirmed")),
                        ..Feedback::default()
                    },
                ),
                PaperOutcome::NeedsAnotherMember => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Feedback {
                        error: Some(page.t("petitions-paper-same-member")),
                        paper: PaperFields {
                            cin: String::new(),
                            ..f
                        },
                        ..Feedback::default()
                    },
                ),
                PaperOutcome::Mismatch(fields) => {
                    let list: Vec<String> = fields
                        .iter()
                        .map(|f| page.t(&format!("petitions-paper-field-{f}")))
                        .collect();
                    let msg = page.tr(
                        "petitions-paper-mismatch",
                        &[("fields", Arg::from(list.join(", ")))],
                    );
                    (
                        StatusCode::UNPROCESSABLE_ENTITY,
                        Feedback {
                            error: Some(msg),
                            paper: f,
                            ..Feedback::default()
                        },
                    )
                }
            };
            show_page(&state, &page, Some(&user), csrf, id, feedback, status).await
        }
        Err(e) => {
            let paper = PaperFields {
                cin: String::new(),
                ..f
            };
            refused(
                &state,
                &page,
                &user,
                csrf,
                id,
                e,
                Feedback {
                    paper,
                    ..Feedback::default()
                },
            )
            .await
        }
    }
}

fn parse_votes(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        Some(0)
    } else {
        s.parse::<u32>().ok().filter(|v| *v <= 10_000)
    }
}

/// Parses the step form into a transition; a message key when a field is malformed.
fn parse_step(f: &StepForm) -> Result<Transition, &'static str> {
    let kind = TransitionKind::from_code(&f.step).ok_or("petitions-error-step")?;
    Ok(match kind {
        TransitionKind::Open => Transition::Open,
        TransitionKind::Withdraw => Transition::Withdraw,
        TransitionKind::Deposit => Transition::Deposit,
        TransitionKind::ExportNationalDossier => Transition::ExportNationalDossier,
        TransitionKind::DeclareAdmissible | TransitionKind::DeclareInadmissible => {
            match f.decision.as_str() {
                "admissible" => Transition::DeclareAdmissible,
                "inadmissible" => Transition::DeclareInadmissible {
                    ground: f.ground.clone(),
                    reasons: f.text.clone(),
                },
                _ => return Err("petitions-error-decision-choice"),
            }
        }
        TransitionKind::ReferToCommittee => Transition::ReferToCommittee {
            committee_id: f
                .committee
                .parse()
                .map_err(|_| "petitions-error-unknown-committee")?,
        },
        TransitionKind::PutOnAgenda => Transition::PutOnAgenda {
            session_date: f
                .session_date
                .trim()
                .parse()
                .map_err(|_| "petitions-error-date")?,
        },
        TransitionKind::RecordDecision => {
            let votes = (
                parse_votes(&f.votes_for),
                parse_votes(&f.votes_against),
                parse_votes(&f.abstentions),
            );
            let (Some(votes_for), Some(votes_against), Some(abstentions)) = votes else {
                return Err("petitions-error-votes-number");
            };
            Transition::RecordDecision(CouncilDecision {
                text: f.text.clone(),
                votes_for,
                votes_against,
                abstentions,
            })
        }
    })
}

async fn step(
    State(state): State<AppState>,
    page: Page,
    RequireUser(user): RequireUser,
    Csrf(csrf): Csrf,
    Path(id): Path<String>,
    Form(f): Form<StepForm>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let transition = match parse_step(&f) {
        Ok(t) => t,
        Err(key) => {
            let e = PetitionError::Invalid(key);
            return refused(
                &state,
                &page,
                &user,
                csrf,
                id,
                e,
                Feedback {
                    step: f,
                    ..Feedback::default()
                },
            )
            .await;
        }
    };
    let kind = transition.kind();
    let result = service::transition(&state.db, &user.actor, id, transition, now()).await;
    match result {
        Ok(done) => {
            if matches!(
                done.state,
                PetitionState::Decided | PetitionState::Inadmissible
            ) {
                super::jobs::notify_outcome(&state, id).await;
            }
            Ok(Redirect::to(&format!("/petitions/{id}?done={}", kind.code())).into_response())
        }
        Err(e) => {
            refused(
                &state,
                &page,
                &user,
                csrf,
                id,
                e,
                Feedback {
                    step: f,
                    ..Feedback::default()
                },
            )
            .await
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Documents: receipt (public), signature list (that council's staff only)
// ---------------------------------------------------------------------------------------------

fn pdf_response(bytes: Vec<u8>, filename: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

async fn render_pdf(source: &'static str, inputs: pdf::Inputs) -> Result<Vec<u8>, AppError> {
    tokio::task::spawn_blocking(move || {
        let fonts =
            pdf::Fonts::shared().map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
        pdf::render(fonts, source, inputs).map_err(|e| AppError::Internal(e.into()))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
}

async fn receipt_pdf(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let p = store::petition(&state.db, id)
        .await
        .map_err(store_err)?
        .ok_or(AppError::NotFound)?;
    if p.receipt_number.is_none() {
        return Err(AppError::NotFound);
    }
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let inputs = views::receipt_inputs(&p, &names);
    let bytes = render_pdf(views::RECEIPT_TYP, inputs).await?;
    Ok(pdf_response(bytes, &format!("receipt-{id}.pdf")))
}

/// The signature list with clear CIN numbers, after the permission check.
async fn signature_list(
    state: &AppState,
    user: &crate::platform::session::SignedIn,
    id: i64,
) -> Result<(PetitionRow, Vec<views::ListLine>, views::NameBook), AppError> {
    let p = store::petition(&state.db, id)
        .await
        .map_err(store_err)?
        .ok_or(AppError::NotFound)?;
    let access = service::access(&state.db, &p).await.map_err(petition_err)?;
    allowed(&user.actor(), &Action::ViewSignatureList(access))?;
    if !p.state().map_err(store_err)?.is_deposited() {
        return Err(AppError::NotFound);
    }
    let names = views::NameBook::load(&state.db).await.map_err(store_err)?;
    let keys = keys(state);
    let lines = store::signature_list(&state.db, id)
        .await
        .map_err(store_err)?
        .into_iter()
        .enumerate()
        .map(|(i, s)| views::ListLine::new(i + 1, &s, &keys, id, &names))
        .collect();
    let _ = super::store::audit_list_access(&state.db, user.actor.id.0, id).await;
    Ok((p, lines, names))
}

async fn list_pdf(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let (p, lines, names) = signature_list(&state, &user, id).await?;
    let inputs = views::list_inputs(&p, &lines, &names);
    let bytes = render_pdf(views::LIST_TYP, inputs).await?;
    Ok(pdf_response(bytes, &format!("signatures-{id}.pdf")))
}

async fn list_csv(
    State(state): State<AppState>,
    RequireUser(user): RequireUser,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let (_, lines, _) = signature_list(&state, &user, id).await?;
    let mut w = csv::Writer::from_writer(Vec::new());
    for line in &lines {
        w.serialize(line)
            .map_err(|e| AppError::Internal(e.into()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Internal(anyhow::anyhow!(e.to_string())))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"signatures-{id}.csv\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

/// Used by views to decide which forms to show.
pub fn roles_of(
    user: Option<&crate::platform::session::SignedIn>,
    access: &crate::platform::permissions::PetitionAccess,
) -> Vec<PetitionRole> {
    user.map(|u| u.actor.petition_roles(access))
        .unwrap_or_default()
}

/// Locale helper for documents.
pub fn locale_name(names: &HashMap<i64, Names>, id: i64, locale: Locale) -> String {
    names
        .get(&id)
        .map(|n| n.get(locale.code()).to_owned())
        .unwrap_or_default()
}
