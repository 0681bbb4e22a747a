//! HTTP of participatory budgets: the campaign list and pages, the staff forms (create and
//! edit a draft, move the phase, count), proposals with photos, technical review and merging,
//! the published list of projects, the ballot page (cast, change with the receipt code), the
//! receipt check, paper-ballot entry with a second official, the results of each budget with
//! the engine's reasons in words and charts, and implementation tracking.
//!
//! The published files: `/budgets/{id}/ballots.pb` (the anonymised ballots as a Pabulib file,
//! with each ballot's receipt hash as `voter_id`) and `/budgets/{id}/results.json` (the result
//! document with every project's reasons) exist only once voting has closed. In `/budgets/{id}/…`
//! the id is a budget's; campaign pages are under `/budgets/campaigns/{id}`.
//!
//! Every change asks `platform::permissions` first and is audited by the store; refusals are
//! translated messages on the page the person was on, with what they typed kept.

use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::model::project::{
    CATEGORIES, FieldError, PHOTO_MAX_BYTES, PaperError, ProposalForm, Status, check_progress,
    check_review, photo_type,
};
use super::model::{
    BallotError, BallotType, BudgetSpec, CampaignError, CampaignSpec, CountingRule, Money, Phase,
    RawChoice, Receipt, Schedule, VoteScope,
};
use super::store::{self, Campaign, PaperOutcome, Project, StoreError, Voter};
use super::views::{self, BudgetRow, CampaignCard, PhaseRow, ProjectRow, ResultView};
use super::{publish, publish::PublishError};
use crate::platform::chart::{Bar, BarChart};
use crate::platform::ids::{TerritoryId, UserId};
use crate::platform::layout::render;
use crate::platform::permissions::{Action, Denied, allowed};
use crate::platform::session::{Csrf, CurrentUser, RequireUser, SignedIn};
use crate::platform::{AppError, AppState, Page, now};

/// Largest upload of a form with photos (three photos of [`PHOTO_MAX_BYTES`] and the text).
const UPLOAD_LIMIT: usize = 3 * PHOTO_MAX_BYTES + 64 * 1024;
/// Most photos with one proposal or one progress report.
const MAX_PHOTOS: usize = 3;

/// The budget routes.
pub fn routes() -> Router<AppState> {
    let uploads = Router::new()
        .route(
            "/budgets/campaigns/{id}/propose",
            get(propose_page).post(propose),
        )
        .route("/budgets/projects/{id}/progress", post(progress))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT));
    Router::new()
        .route("/budgets", get(index))
        .route("/budgets/new", get(new_page).post(create))
        .route("/budgets/campaigns/{id}", get(campaign_page))
        .route("/budgets/campaigns/{id}/edit", get(edit_page).post(edit))
        .route("/budgets/campaigns/{id}/phase", post(move_phase))
        .route(
            "/budgets/campaigns/{id}/dates",
            get(dates_page).post(reschedule),
        )
        .route("/budgets/campaigns/{id}/count", post(count))
        .route("/budgets/campaigns/{id}/projects", get(projects_page))
        .route("/budgets/campaigns/{id}/review", get(review_page))
        .route(
            "/budgets/campaigns/{id}/receipt",
            get(receipt_page).post(receipt_check),
        )
        .route("/budgets/projects/{id}", get(project_page))
        .route("/budgets/projects/{id}/review", post(review))
        .route("/budgets/projects/{id}/merge", post(merge))
        .route("/budgets/photos/{id}", get(photo))
        .route("/budgets/{id}/vote", get(vote_page).post(vote))
        .route("/budgets/{id}/paper", get(paper_page).post(paper))
        .route("/budgets/{id}/results", get(results_page))
        .route("/budgets/{id}/ballots.pb", get(ballots_pb))
        .route("/budgets/{id}/results.json", get(results_json))
        .merge(uploads)
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Db(e) => AppError::Db(e),
            StoreError::WrongPhase
            | StoreError::Ballot(_)
            | StoreError::Campaign(_)
            | StoreError::Paper(_) => AppError::Conflict("budgets-error-wrong-phase"),
            StoreError::Corrupt(what) => AppError::Internal(anyhow::anyhow!("corrupt: {what}")),
        }
    }
}

impl From<PublishError> for AppError {
    fn from(e: PublishError) -> Self {
        match e {
            PublishError::Store(e) => e.into(),
            PublishError::NotClosed => AppError::Conflict("budgets-error-wrong-phase"),
            PublishError::Count(e) => AppError::Internal(anyhow::Error::new(e)),
        }
    }
}

type Fields = Vec<(String, String)>;

fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// Parses an `{id}` segment (anything else is a 404, never a 500).
fn id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn may(user: &CurrentUser, action: Action) -> bool {
    allowed(&user.actor(), &action).is_ok()
}

fn require(user: &SignedIn, action: Action) -> Result<(), AppError> {
    allowed(&user.actor(), &action).map_err(AppError::from)
}

fn territory(c: &Campaign) -> TerritoryId {
    TerritoryId(c.territory_id)
}

fn me(user: &SignedIn) -> UserId {
    UserId(user.user.id.0)
}

/// A campaign the visitor may see: public ones, and drafts to those who manage them.
async fn visible_campaign(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> Result<Campaign, AppError> {
    let c = store::campaign(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if c.phase.is_public() || may(user, Action::ManageBudgetCampaign(territory(&c))) {
        Ok(c)
    } else {
        Err(AppError::NotFound)
    }
}

/// A budget and its campaign, as [`visible_campaign`].
async fn visible_budget(
    state: &AppState,
    user: &CurrentUser,
    raw: &str,
) -> Result<(Campaign, store::Budget), AppError> {
    let (c, b) = store::budget(&state.db, id(raw)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = visible_campaign(state, user, c.id).await?;
    Ok((c, b))
}

async fn territory_name(state: &AppState, page: &Page, t: i64) -> Result<String, AppError> {
    Ok(crate::accounts::store::territory_name(&state.db, TerritoryId(t), page.locale).await?)
}

fn unprocessable(html: Html<String>) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, html).into_response()
}

/// Messages a redirect may name (anything else is ignored).
const NOTICES: &[&str] = &[
    "budgets-notice-created",
    "budgets-notice-saved",
    "budgets-notice-phase",
    "budgets-notice-counted",
    "budgets-notice-proposed",
    "budgets-notice-reviewed",
    "budgets-notice-merged",
    "budgets-notice-progress",
];

#[derive(Debug, Deserialize, Default)]
struct DoneQuery {
    done: Option<String>,
}

fn notice(page: &Page, q: &DoneQuery) -> Option<String> {
    q.done
        .as_deref()
        .and_then(|k| NOTICES.iter().find(|n| **n == k))
        .map(|k| page.t(k))
}

// ---------------------------------------------------------------------------------------------
// Campaign list and page
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "budgets/index.html")]
struct IndexTemplate<'a> {
    page: &'a Page,
    campaigns: Vec<CampaignCard>,
    can_create: bool,
}

async fn index(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
) -> Result<Html<String>, AppError> {
    let mut campaigns = Vec::new();
    for c in store::campaigns(&state.db, true).await? {
        if c.phase.is_public() || may(&user, Action::ManageBudgetCampaign(territory(&c))) {
            let t = territory_name(&state, &page, c.territory_id).await?;
            campaigns.push(CampaignCard::of(&page, &c, t));
        }
    }
    render(&IndexTemplate {
        can_create: page.account.as_ref().is_some_and(|a| a.can_verify),
        page: &page,
        campaigns,
    })
}

#[derive(Template)]
#[template(path = "budgets/campaign.html")]
struct CampaignTemplate<'a> {
    page: &'a Page,
    id: i64,
    title: String,
    description: String,
    territory: String,
    phase: String,
    demo: bool,
    ballot_rules: String,
    rule: String,
    scope: String,
    min_age: i64,
    phases: Vec<PhaseRow>,
    budgets: Vec<BudgetRow>,
    proposing: bool,
    voting: bool,
    published: bool,
    counted: bool,
    funded: Vec<ProjectRow>,
    manage: bool,
    paper: bool,
    editable: bool,
    /// Published and not yet counted: the staff may move dates still to come.
    reschedulable: bool,
    next_phase: Option<(&'static str, String)>,
    can_count: bool,
    csrf: String,
    error: Option<String>,
    notice: Option<String>,
}

async fn campaign_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    let n = notice(&page, &q);
    campaign_html(&state, &page, &user, csrf, &c, None, n).await
}

async fn campaign_html(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    csrf: String,
    c: &Campaign,
    error: Option<String>,
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    let mut budgets = Vec::new();
    for b in &c.budgets {
        let t = territory_name(state, page, b.territory_id).await?;
        budgets.push(BudgetRow::of(page, b, t));
    }
    let projects = store::projects(&state.db, c.id).await?;
    let budget_name = |id: i64| c.budget(id).map_or("", |b| b.name.as_str());
    let funded = projects
        .iter()
        .filter(|p| p.funded)
        .map(|p| ProjectRow::of(page, p, budget_name(p.budget_id), &projects))
        .collect();
    let manage = may(user, Action::ManageBudgetCampaign(territory(c)));
    let counted = matches!(c.phase, Phase::Counting | Phase::Implementation)
        && store::result(&state.db, c.budgets.first().map_or(0, |b| b.id))
            .await?
            .is_some();
    render(&CampaignTemplate {
        page,
        id: c.id,
        title: c.title.clone(),
        description: c.description.clone(),
        territory: territory_name(state, page, c.territory_id).await?,
        phase: views::phase(page, c.phase),
        demo: c.is_demo,
        ballot_rules: views::ballot_rules(page, c.ballot, None),
        rule: views::rule(page, c.rule),
        scope: views::scope(page, c.scope),
        min_age: i64::from(c.min_age),
        phases: views::phases(page, c),
        budgets,
        proposing: c.phase == Phase::Proposing,
        voting: c.phase == Phase::Voting && c.schedule.voting_open_at(now()),
        published: c.phase >= Phase::TechnicalReview,
        counted,
        funded,
        manage,
        paper: matches!(c.phase, Phase::Voting | Phase::Counting)
            && may(user, Action::EnterPaperBallots(territory(c))),
        editable: manage && c.phase == Phase::Draft,
        reschedulable: manage && c.phase > Phase::Draft && c.phase < Phase::Counting,
        next_phase: c
            .phase
            .next()
            .filter(|_| manage)
            .map(|p| (p.code(), views::phase(page, p))),
        can_count: manage && c.phase == Phase::Counting,
        csrf,
        error,
        notice,
    })
}

async fn move_phase(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    require(&me_, Action::ManageBudgetCampaign(territory(&c)))?;
    let to =
        Phase::parse(field(&fields, "to")).ok_or(AppError::BadRequest("budgets-error-phase"))?;
    match store::set_phase(&state.db, c.id, to, Some(me(&me_)), now()).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/budgets/campaigns/{}?done=budgets-notice-phase",
            c.id
        ))
        .into_response()),
        Err(StoreError::Campaign(e)) => {
            let msg = page.t(campaign_error_key(e));
            let html = campaign_html(&state, &page, &user, csrf, &c, Some(msg), None).await?;
            Ok(unprocessable(html))
        }
        Err(e) => Err(e.into()),
    }
}

async fn count(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    require(&me_, Action::ManageBudgetCampaign(territory(&c)))?;
    match publish::count_campaign(&state.db, c.id, Some(me(&me_)), now()).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "/budgets/campaigns/{}?done=budgets-notice-counted",
            c.id
        ))
        .into_response()),
        Err(PublishError::NotClosed) => {
            let msg = page.t("budgets-error-not-counting");
            let html = campaign_html(&state, &page, &user, csrf, &c, Some(msg), None).await?;
            Ok(unprocessable(html))
        }
        Err(e) => Err(e.into()),
    }
}

fn campaign_error_key(e: CampaignError) -> &'static str {
    match e {
        CampaignError::BadTitle => "budgets-campaign-bad-title",
        CampaignError::NoBudget => "budgets-campaign-no-budget",
        CampaignError::BadBudgetName => "budgets-campaign-bad-budget-name",
        CampaignError::DatesOutOfOrder => "budgets-campaign-dates",
        CampaignError::BadApprovalLimits => "budgets-campaign-approval",
        CampaignError::BadPoints => "budgets-campaign-points",
        CampaignError::BadMinAge => "budgets-campaign-min-age",
        CampaignError::RuleBallotMismatch => "budgets-campaign-rule-ballot",
        CampaignError::NotNextPhase => "budgets-campaign-not-next",
        CampaignError::TooEarly => "budgets-campaign-too-early",
        CampaignError::EmptyBallot => "budgets-campaign-empty-ballot",
        CampaignError::NotCounted => "budgets-campaign-not-counted",
        CampaignError::StartedPhaseDate => "budgets-campaign-started-date",
        CampaignError::VotingShortened => "budgets-campaign-voting-shortened",
        CampaignError::ScheduleFinal => "budgets-campaign-schedule-final",
    }
}

// ---------------------------------------------------------------------------------------------
// Creating and editing a campaign (staff)
// ---------------------------------------------------------------------------------------------

/// Rows of budgets offered by the form.
const BUDGET_ROWS: usize = 8;

/// The campaign form as typed.
#[derive(Debug, Clone, Default)]
struct CampaignValues {
    title: String,
    description: String,
    territory: String,
    ballot_type: String,
    approval_min: String,
    approval_max: String,
    points: String,
    max_per_project: String,
    rule: String,
    min_age: String,
    scope: String,
    informing: String,
    proposing: String,
    review: String,
    voting: String,
    voting_last: String,
    budgets: Vec<(String, String, String)>,
}

fn ymd(unix: i64) -> String {
    let z = crate::platform::i18n::to_casablanca(unix);
    format!("{:04}-{:02}-{:02}", z.year(), z.month(), z.day())
}

/// Midnight at the start of a `YYYY-MM-DD` day in Casablanca.
fn day_start(raw: &str) -> Option<i64> {
    let date: jiff::civil::Date = raw.trim().parse().ok()?;
    let z = date
        .to_zoned_datetime(crate::platform::i18n::CASABLANCA.clone())
        .ok()?;
    Some(z.timestamp().as_second())
}

impl CampaignValues {
    fn defaults() -> Self {
        let today = now();
        let day = 86_400;
        CampaignValues {
            ballot_type: "approval".into(),
            approval_min: "1".into(),
            approval_max: "5".into(),
            points: "10".into(),
            max_per_project: "5".into(),
            rule: CountingRule::EqualSharesThenGreedy.code().into(),
            min_age: "18".into(),
            scope: VoteScope::EachBudget.code().into(),
            informing: ymd(today + day),
            proposing: ymd(today + 15 * day),
            review: ymd(today + 45 * day),
            voting: ymd(today + 75 * day),
            voting_last: ymd(today + 89 * day),
            ..Default::default()
        }
    }

    fn of(c: &Campaign) -> Self {
        let (min, max, points, per) = match c.ballot {
            BallotType::Approval { min, max } => (min, max, 10, 5),
            BallotType::Knapsack => (1, 5, 10, 5),
            BallotType::Cumulative {
                points,
                max_per_project,
            } => (1, 5, points, max_per_project),
        };
        CampaignValues {
            title: c.title.clone(),
            description: c.description.clone(),
            territory: c.territory_id.to_string(),
            ballot_type: c.ballot.code().into(),
            approval_min: min.to_string(),
            approval_max: max.to_string(),
            points: points.to_string(),
            max_per_project: per.to_string(),
            rule: c.rule.code().into(),
            min_age: c.min_age.to_string(),
            scope: c.scope.code().into(),
            informing: ymd(c.schedule.informing),
            proposing: ymd(c.schedule.proposing),
            review: ymd(c.schedule.review),
            voting: ymd(c.schedule.voting),
            voting_last: ymd(c.schedule.voting_end - 1),
            budgets: c
                .budgets
                .iter()
                .map(|b| {
                    (
                        b.name.clone(),
                        b.territory_id.to_string(),
                        views::money_input(b.amount),
                    )
                })
                .collect(),
        }
    }

    fn from_fields(f: &Fields) -> Self {
        let g = |k: &str| field(f, k).to_owned();
        CampaignValues {
            title: g("title"),
            description: g("description"),
            territory: g("territory"),
            ballot_type: g("ballot_type"),
            approval_min: g("approval_min"),
            approval_max: g("approval_max"),
            points: g("points"),
            max_per_project: g("max_per_project"),
            rule: g("rule"),
            min_age: g("min_age"),
            scope: g("scope"),
            informing: g("informing"),
            proposing: g("proposing"),
            review: g("review"),
            voting: g("voting"),
            voting_last: g("voting_last"),
            budgets: (0..BUDGET_ROWS)
                .map(|i| {
                    (
                        g(&format!("budget_name_{i}")),
                        g(&format!("budget_territory_{i}")),
                        g(&format!("budget_amount_{i}")),
                    )
                })
                .filter(|(n, _, a)| !n.trim().is_empty() || !a.trim().is_empty())
                .collect(),
        }
    }

    /// The checked campaign, or the message keys of every problem.
    fn spec(&self) -> Result<CampaignSpec, Vec<&'static str>> {
        let mut errors = Vec::new();
        let num = |s: &str| s.trim().parse::<u32>().ok();
        let territory = self.territory.trim().parse::<i64>().ok().map(TerritoryId);
        if territory.is_none() {
            errors.push("budgets-error-territory");
        }
        let ballot = match self.ballot_type.as_str() {
            "approval" => num(&self.approval_min)
                .zip(num(&self.approval_max))
                .map(|(min, max)| BallotType::Approval { min, max }),
            "knapsack" => Some(BallotType::Knapsack),
            "cumulative" => num(&self.points).zip(num(&self.max_per_project)).map(
                |(points, max_per_project)| BallotType::Cumulative {
                    points,
                    max_per_project,
                },
            ),
            _ => None,
        };
        if ballot.is_none() {
            errors.push("budgets-error-ballot-type");
        }
        let rule = CountingRule::parse(&self.rule);
        let scope = VoteScope::parse(&self.scope);
        if rule.is_none() || scope.is_none() {
            errors.push("budgets-error-choose");
        }
        let min_age = self.min_age.trim().parse::<u8>().ok();
        if min_age.is_none() {
            errors.push("budgets-campaign-min-age");
        }
        let dates = [
            &self.informing,
            &self.proposing,
            &self.review,
            &self.voting,
            &self.voting_last,
        ]
        .map(|d| day_start(d.as_str()));
        if dates.iter().any(Option::is_none) {
            errors.push("budgets-error-date");
        }
        let mut budgets = Vec::new();
        for (name, t, amount) in &self.budgets {
            let t = t.trim().parse::<i64>().ok().map(TerritoryId);
            match (Money::parse(amount), t) {
                (Ok(amount), Some(territory)) => budgets.push(BudgetSpec {
                    name: name.clone(),
                    territory,
                    amount,
                }),
                (Err(_), _) => errors.push("budgets-error-budget-amount"),
                (_, None) => errors.push("budgets-error-territory"),
            }
        }
        let (Some(territory), Some(ballot), Some(rule), Some(scope), Some(min_age)) =
            (territory, ballot, rule, scope, min_age)
        else {
            return Err(errors);
        };
        let [
            Some(informing),
            Some(proposing),
            Some(review),
            Some(voting),
            Some(last),
        ] = dates
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let spec = CampaignSpec {
            title: self.title.clone(),
            territory,
            budgets,
            ballot,
            rule,
            min_age,
            scope,
            schedule: Schedule {
                informing,
                proposing,
                review,
                voting,
                voting_end: last + 86_400,
            },
        };
        spec.validate().map_err(|e| vec![campaign_error_key(e)])?;
        if self.description.chars().count() > super::model::project::TEXT_MAX_CHARS {
            return Err(vec!["budgets-error-text-length"]);
        }
        Ok(spec)
    }
}

#[derive(Template)]
#[template(path = "budgets/campaign_form.html")]
struct CampaignFormTemplate<'a> {
    page: &'a Page,
    action: String,
    heading: String,
    csrf: String,
    errors: Vec<String>,
    v: CampaignValues,
    budget_rows: Vec<(usize, String, String, String)>,
    territories: Vec<(String, String)>,
    budget_territories: Vec<(String, String)>,
    rules: Vec<(&'static str, String)>,
    ballot_types: Vec<(&'static str, String)>,
    scopes: Vec<(&'static str, String)>,
}

/// The territories a person may run campaigns for, and those their budgets may cover.
async fn territory_options(
    state: &AppState,
    page: &Page,
    user: &SignedIn,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let all = crate::accounts::store::territory_choices(&state.db, page.locale).await?;
    let actor = user.actor();
    let mine: Vec<TerritoryId> = all
        .iter()
        .map(|(t, _, _)| *t)
        .filter(|t| allowed(&actor, &Action::ManageBudgetCampaign(*t)).is_ok())
        .collect();
    let mut inside = std::collections::BTreeSet::new();
    if user.actor.is_admin {
        inside.extend(all.iter().map(|(t, _, _)| t.0));
    } else {
        for t in &mine {
            inside.extend(
                crate::territory::store::subtree_ids(&state.db, t.0)
                    .await
                    .map_err(|e| AppError::Internal(anyhow::anyhow!("territories: {e}")))?,
            );
        }
    }
    let pick = |keep: &dyn Fn(i64) -> bool| {
        all.iter()
            .filter(|(t, _, _)| keep(t.0))
            .map(|(t, _, n)| (t.0.to_string(), n.clone()))
            .collect::<Vec<_>>()
    };
    Ok((
        pick(&|t| mine.contains(&TerritoryId(t))),
        pick(&|t| inside.contains(&t)),
    ))
}

#[allow(clippy::too_many_arguments)]
async fn campaign_form(
    state: &AppState,
    page: &Page,
    user: &SignedIn,
    csrf: String,
    action: String,
    heading: String,
    v: CampaignValues,
    errors: Vec<String>,
) -> Result<Html<String>, AppError> {
    let (territories, budget_territories) = territory_options(state, page, user).await?;
    if territories.is_empty() {
        return Err(AppError::Forbidden);
    }
    let budget_rows = (0..BUDGET_ROWS.max(v.budgets.len()))
        .map(|i| {
            let (n, t, a) = v.budgets.get(i).cloned().unwrap_or_default();
            (i, n, t, a)
        })
        .collect();
    render(&CampaignFormTemplate {
        page,
        action,
        heading,
        csrf,
        errors,
        budget_rows,
        territories,
        budget_territories,
        rules: CountingRule::ALL
            .iter()
            .map(|r| (r.code(), views::rule(page, *r)))
            .collect(),
        ballot_types: ["approval", "knapsack", "cumulative"]
            .into_iter()
            .map(|t| (t, page.t(&format!("budgets-type-{t}"))))
            .collect(),
        scopes: [VoteScope::EachBudget, VoteScope::OneBudget]
            .into_iter()
            .map(|s| (s.code(), views::scope(page, s)))
            .collect(),
        v,
    })
}

async fn new_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
) -> Result<Html<String>, AppError> {
    let heading = page.t("budgets-new-title");
    campaign_form(
        &state,
        &page,
        &me_,
        csrf,
        "/budgets/new".into(),
        heading,
        CampaignValues::defaults(),
        Vec::new(),
    )
    .await
}

/// Checks a typed campaign, including who may run it and where its budgets are.
async fn checked_spec(
    state: &AppState,
    user: &SignedIn,
    v: &CampaignValues,
) -> Result<Result<CampaignSpec, Vec<&'static str>>, AppError> {
    let spec = match v.spec() {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    if allowed(&user.actor(), &Action::ManageBudgetCampaign(spec.territory)).is_err() {
        return Ok(Err(vec!["budgets-error-territory"]));
    }
    for b in &spec.budgets {
        let chain = crate::accounts::store::territory_chain(&state.db, b.territory).await?;
        if !chain.is_some_and(|c| c.is_within(spec.territory)) {
            return Ok(Err(vec!["budgets-error-budget-territory"]));
        }
    }
    Ok(Ok(spec))
}

async fn create(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let v = CampaignValues::from_fields(&fields);
    match checked_spec(&state, &me_, &v).await? {
        Ok(spec) => {
            let id =
                store::create_campaign(&state.db, &spec, &v.description, Some(me(&me_)), false)
                    .await?;
            Ok(Redirect::to(&format!(
                "/budgets/campaigns/{id}?done=budgets-notice-created"
            ))
            .into_response())
        }
        Err(keys) => {
            let errors = keys.into_iter().map(|k| page.t(k)).collect();
            let heading = page.t("budgets-new-title");
            let html = campaign_form(
                &state,
                &page,
                &me_,
                csrf,
                "/budgets/new".into(),
                heading,
                v,
                errors,
            )
            .await?;
            Ok(unprocessable(html))
        }
    }
}

async fn edit_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    require(&me_, Action::ManageBudgetCampaign(territory(&c)))?;
    if c.phase != Phase::Draft {
        return Err(AppError::Conflict("budgets-error-wrong-phase"));
    }
    let heading = page.t("budgets-edit-title");
    campaign_form(
        &state,
        &page,
        &me_,
        csrf,
        format!("/budgets/campaigns/{}/edit", c.id),
        heading,
        CampaignValues::of(&c),
        Vec::new(),
    )
    .await
}

async fn edit(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    require(&me_, Action::ManageBudgetCampaign(territory(&c)))?;
    let v = CampaignValues::from_fields(&fields);
    let keys = match checked_spec(&state, &me_, &v).await? {
        Ok(spec) => {
            match store::update_campaign(&state.db, c.id, &spec, &v.description, me(&me_)).await {
                Ok(()) => {
                    return Ok(Redirect::to(&format!(
                        "/budgets/campaigns/{}?done=budgets-notice-saved",
                        c.id
                    ))
                    .into_response());
                }
                Err(StoreError::WrongPhase) => vec!["budgets-error-wrong-phase"],
                Err(e) => return Err(e.into()),
            }
        }
        Err(keys) => keys,
    };
    let errors = keys.into_iter().map(|k| page.t(k)).collect();
    let heading = page.t("budgets-edit-title");
    let html = campaign_form(
        &state,
        &page,
        &me_,
        csrf,
        format!("/budgets/campaigns/{}/edit", c.id),
        heading,
        v,
        errors,
    )
    .await?;
    Ok(unprocessable(html))
}

// ---------------------------------------------------------------------------------------------
// Moving a published campaign's dates (staff)
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "budgets/dates.html")]
struct DatesTemplate<'a> {
    page: &'a Page,
    id: i64,
    title: String,
    csrf: String,
    errors: Vec<String>,
    /// (field name, label, value as typed, phase already started).
    dates: Vec<(&'static str, String, String, bool)>,
}

/// The five date fields with the phase each one starts (the last day of voting: none).
const DATE_FIELDS: [(&str, &str, Option<Phase>); 5] = [
    (
        "informing",
        "budgets-field-informing",
        Some(Phase::Informing),
    ),
    (
        "proposing",
        "budgets-field-proposing",
        Some(Phase::Proposing),
    ),
    (
        "review",
        "budgets-field-review",
        Some(Phase::TechnicalReview),
    ),
    ("voting", "budgets-field-voting", Some(Phase::Voting)),
    ("voting_last", "budgets-field-voting-last", None),
];

fn dates_html(
    page: &Page,
    c: &Campaign,
    csrf: String,
    typed: [String; 5],
    errors: Vec<String>,
) -> Result<Html<String>, AppError> {
    let dates = DATE_FIELDS
        .iter()
        .zip(typed)
        .map(|(&(name, label, phase), value)| {
            let started = phase.is_some_and(|p| c.phase >= p);
            (name, page.t(label), value, started)
        })
        .collect();
    render(&DatesTemplate {
        page,
        id: c.id,
        title: c.title.clone(),
        csrf,
        errors,
        dates,
    })
}

/// A published campaign that this person manages and whose calendar may still move.
async fn reschedulable(
    state: &AppState,
    me_: &std::sync::Arc<SignedIn>,
    raw: &str,
) -> Result<Campaign, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(state, &user, id(raw)?).await?;
    require(me_, Action::ManageBudgetCampaign(territory(&c)))?;
    if c.phase == Phase::Draft || c.phase >= Phase::Counting {
        return Err(AppError::Conflict("budgets-campaign-schedule-final"));
    }
    Ok(c)
}

async fn dates_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let c = reschedulable(&state, &me_, &raw).await?;
    let s = &c.schedule;
    let typed = [
        ymd(s.informing),
        ymd(s.proposing),
        ymd(s.review),
        ymd(s.voting),
        ymd(s.voting_end - 1),
    ];
    dates_html(&page, &c, csrf, typed, Vec::new())
}

async fn reschedule(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let c = reschedulable(&state, &me_, &raw).await?;
    let typed = DATE_FIELDS.map(|(name, _, _)| field(&fields, name).to_owned());
    // The form shows days: a day typed as it was shown keeps the stored instant (a phase may
    // have been planned at another time than midnight); another day starts at its midnight.
    let s = &c.schedule;
    let stored = [
        s.informing,
        s.proposing,
        s.review,
        s.voting,
        s.voting_end - 1,
    ];
    let instants: [Option<i64>; 5] = std::array::from_fn(|i| {
        if typed[i].trim() == ymd(stored[i]) {
            Some(stored[i])
        } else {
            day_start(&typed[i])
        }
    });
    let key = match instants {
        [
            Some(informing),
            Some(proposing),
            Some(review),
            Some(voting),
            Some(last),
        ] => {
            let voting_end = if last == stored[4] {
                s.voting_end
            } else {
                last + 86_400
            };
            let new = Schedule {
                informing,
                proposing,
                review,
                voting,
                voting_end,
            };
            match store::reschedule(&state.db, c.id, new, me(&me_)).await {
                Ok(()) => {
                    return Ok(Redirect::to(&format!(
                        "/budgets/campaigns/{}?done=budgets-notice-saved",
                        c.id
                    ))
                    .into_response());
                }
                Err(StoreError::Campaign(e)) => campaign_error_key(e),
                Err(StoreError::WrongPhase) => "budgets-error-wrong-phase",
                Err(e) => return Err(e.into()),
            }
        }
        _ => "budgets-error-date",
    };
    let html = dates_html(&page, &c, csrf, typed, vec![page.t(key)])?;
    Ok(unprocessable(html))
}

// ---------------------------------------------------------------------------------------------
// Proposals (residents), with photos
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "budgets/propose.html")]
struct ProposeTemplate<'a> {
    page: &'a Page,
    id: i64,
    title: String,
    open: bool,
    signed_in: bool,
    resident: bool,
    csrf: String,
    errors: Vec<(String, String)>,
    v: ProposalForm,
    budgets: Vec<(String, String)>,
    categories: Vec<(&'static str, String)>,
}

fn field_error(page: &Page, e: FieldError) -> (String, String) {
    let label = page.t(&format!("budgets-field-{}", e.field));
    (
        e.field.to_owned(),
        format!("{label}: {}", page.t(&format!("budgets-error-{}", e.code))),
    )
}

fn propose_html(
    page: &Page,
    user: &CurrentUser,
    c: &Campaign,
    csrf: String,
    v: ProposalForm,
    errors: Vec<(String, String)>,
) -> Result<Html<String>, AppError> {
    render(&ProposeTemplate {
        page,
        id: c.id,
        title: c.title.clone(),
        open: c.phase == Phase::Proposing,
        signed_in: user.0.is_some(),
        resident: may(user, Action::ProposeBudgetProject(territory(c))),
        csrf,
        errors,
        v,
        budgets: c
            .budgets
            .iter()
            .map(|b| (b.id.to_string(), b.name.clone()))
            .collect(),
        categories: CATEGORIES
            .iter()
            .map(|k| (*k, views::category(page, k)))
            .collect(),
    })
}

async fn propose_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    propose_html(&page, &user, &c, csrf, ProposalForm::default(), Vec::new())
}

/// A multipart form: its text fields and its photos (empty file inputs skipped).
async fn read_multipart(mut mp: Multipart) -> Result<(Fields, Vec<Vec<u8>>), AppError> {
    let bad = |_| AppError::BadRequest("budgets-error-upload");
    let mut fields = Vec::new();
    let mut photos = Vec::new();
    while let Some(f) = mp.next_field().await.map_err(bad)? {
        let name = f.name().unwrap_or_default().to_owned();
        if f.file_name().is_some() {
            let bytes = f.bytes().await.map_err(bad)?;
            if !bytes.is_empty() {
                photos.push(bytes.to_vec());
            }
        } else {
            fields.push((name, f.text().await.map_err(bad)?));
        }
    }
    Ok((fields, photos))
}

/// Checks photos by their content; the message key of the first problem.
fn check_photos(photos: &[Vec<u8>]) -> Result<Vec<&'static str>, &'static str> {
    if photos.len() > MAX_PHOTOS {
        return Err("budgets-error-photo-count");
    }
    photos
        .iter()
        .map(|p| {
            if p.len() > PHOTO_MAX_BYTES {
                Err("budgets-error-photo-size")
            } else {
                photo_type(p).ok_or("budgets-error-photo-type")
            }
        })
        .collect()
}

async fn propose(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    mp: Multipart,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    let (fields, photos) = read_multipart(mp).await?;
    let g = |k: &str| field(&fields, k).to_owned();
    let form = ProposalForm {
        title: g("title"),
        description: g("description"),
        place: g("place"),
        budget: g("budget"),
        category: g("category"),
        cost: g("cost"),
    };
    let refuse = |status: StatusCode, errors: Vec<(String, String)>| {
        propose_html(&page, &user, &c, csrf.clone(), form.clone(), errors)
            .map(|html| (status, html).into_response())
    };
    let general = |key: &str| vec![(String::new(), page.t(key))];
    match allowed(&user.actor(), &Action::ProposeBudgetProject(territory(&c))) {
        Ok(()) => {}
        Err(Denied::ResidenceRequired) => {
            return refuse(StatusCode::FORBIDDEN, general("budgets-error-not-resident"));
        }
        Err(_) => return refuse(StatusCode::FORBIDDEN, general("budgets-error-forbidden")),
    }
    if c.phase != Phase::Proposing {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            general("budgets-error-not-proposing"),
        );
    }
    let amounts: Vec<(i64, Money)> = c.budgets.iter().map(|b| (b.id, b.amount)).collect();
    let mut errors: Vec<(String, String)> = match form.check(&amounts) {
        Ok(_) => Vec::new(),
        Err(list) => list.into_iter().map(|e| field_error(&page, e)).collect(),
    };
    let types = match check_photos(&photos) {
        Ok(t) => t,
        Err(key) => {
            errors.push(("photo".into(), page.t(key)));
            Vec::new()
        }
    };
    let proposal = match form.check(&amounts) {
        Ok(p) if errors.is_empty() => p,
        _ => return refuse(StatusCode::UNPROCESSABLE_ENTITY, errors),
    };
    let t = now();
    let pid = match store::submit_proposal(&state.db, c.id, &proposal, Some(me(&me_)), t).await {
        Ok(pid) => pid,
        Err(StoreError::WrongPhase) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                general("budgets-error-not-proposing"),
            );
        }
        Err(e) => return Err(e.into()),
    };
    for (bytes, ct) in photos.into_iter().zip(types) {
        store::add_photo(&state.db, pid, "proposal", ct, bytes, Some(me(&me_)), t).await?;
    }
    Ok(Redirect::to(&format!(
        "/budgets/projects/{pid}?done=budgets-notice-proposed"
    ))
    .into_response())
}

// ---------------------------------------------------------------------------------------------
// Published projects, project page, photos, implementation
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "budgets/projects.html")]
struct ProjectsTemplate<'a> {
    page: &'a Page,
    id: i64,
    title: String,
    published: bool,
    groups: Vec<(String, Vec<ProjectRow>)>,
}

fn rows_by_budget(
    page: &Page,
    c: &Campaign,
    projects: &[Project],
) -> Vec<(String, Vec<ProjectRow>)> {
    c.budgets
        .iter()
        .map(|b| {
            (
                b.name.clone(),
                projects
                    .iter()
                    .filter(|p| p.budget_id == b.id)
                    .map(|p| ProjectRow::of(page, p, &b.name, projects))
                    .collect(),
            )
        })
        .collect()
}

async fn projects_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    let projects = store::projects(&state.db, c.id).await?;
    render(&ProjectsTemplate {
        page: &page,
        id: c.id,
        title: c.title.clone(),
        published: c.phase >= Phase::TechnicalReview,
        groups: rows_by_budget(&page, &c, &projects),
    })
}

/// A milestone as shown.
struct MilestoneRow {
    date: String,
    status: String,
    percent: i64,
    note: String,
}

#[derive(Template)]
#[template(path = "budgets/project.html")]
struct ProjectTemplate<'a> {
    page: &'a Page,
    campaign_id: i64,
    campaign_title: String,
    p: ProjectRow,
    submitted: String,
    photos: Vec<(i64, String)>,
    milestones: Vec<MilestoneRow>,
    manage: bool,
    statuses: Vec<(&'static str, String)>,
    csrf: String,
    errors: Vec<(String, String)>,
    values: (String, String, String),
    notice: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn project_html(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    csrf: String,
    pid: i64,
    errors: Vec<(String, String)>,
    values: (String, String, String),
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    let p = store::project(&state.db, pid)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = visible_campaign(state, user, p.campaign_id).await?;
    let all = store::projects(&state.db, c.id).await?;
    let budget = c.budget(p.budget_id).map_or("", |b| b.name.as_str());
    let photos = store::photos(&state.db, pid)
        .await?
        .into_iter()
        .map(|(id, kind)| (id, page.t(&format!("budgets-photo-{kind}"))))
        .collect();
    let milestones = store::milestones(&state.db, pid)
        .await?
        .into_iter()
        .map(|m| MilestoneRow {
            date: page.date(&m.recorded_at),
            status: views::status(page, m.status),
            percent: m.percent,
            note: m.note,
        })
        .collect();
    render(&ProjectTemplate {
        page,
        campaign_id: c.id,
        campaign_title: c.title.clone(),
        submitted: page.date(&p.submitted_at),
        p: ProjectRow::of(page, &p, budget, &all),
        photos,
        milestones,
        manage: p.funded && may(user, Action::RecordBudgetProgress(territory(&c))),
        statuses: Status::ALL
            .iter()
            .map(|s| (s.code(), views::status(page, *s)))
            .collect(),
        csrf,
        errors,
        values,
        notice,
    })
}

async fn project_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let n = notice(&page, &q);
    project_html(
        &state,
        &page,
        &user,
        csrf,
        id(&raw)?,
        Vec::new(),
        Default::default(),
        n,
    )
    .await
}

async fn progress(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    mp: Multipart,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let pid = id(&raw)?;
    let p = store::project(&state.db, pid)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = visible_campaign(&state, &user, p.campaign_id).await?;
    require(&me_, Action::RecordBudgetProgress(territory(&c)))?;
    let (fields, photos) = read_multipart(mp).await?;
    let values = (
        field(&fields, "status").to_owned(),
        field(&fields, "percent").to_owned(),
        field(&fields, "note").to_owned(),
    );
    let mut errors = Vec::new();
    let checked = check_progress(&values.0, &values.1, &values.2);
    if let Err(e) = checked {
        errors.push(field_error(&page, e));
    }
    let types = check_photos(&photos).unwrap_or_else(|key| {
        errors.push(("photo".into(), page.t(key)));
        Vec::new()
    });
    if !p.funded {
        errors.push((String::new(), page.t("budgets-error-not-funded")));
    }
    let (status, percent, note) = match checked {
        Ok(ok) if errors.is_empty() => ok,
        _ => {
            let html = project_html(&state, &page, &user, csrf, pid, errors, values, None).await?;
            return Ok(unprocessable(html));
        }
    };
    let t = now();
    store::record_progress(&state.db, pid, status, percent, &note, me(&me_), t).await?;
    for (bytes, ct) in photos.into_iter().zip(types) {
        store::add_photo(
            &state.db,
            pid,
            "implementation",
            ct,
            bytes,
            Some(me(&me_)),
            t,
        )
        .await?;
    }
    Ok(Redirect::to(&format!(
        "/budgets/projects/{pid}?done=budgets-notice-progress"
    ))
    .into_response())
}

async fn photo(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let (content_type, bytes) = store::photo(&state.db, id(&raw)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

// ---------------------------------------------------------------------------------------------
// Technical review and merging (staff)
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "budgets/review.html")]
struct ReviewTemplate<'a> {
    page: &'a Page,
    id: i64,
    title: String,
    open: bool,
    groups: Vec<(String, Vec<ProjectRow>)>,
    csrf: String,
    error_pid: i64,
    error: Option<String>,
    typed: (String, String, String),
    notice: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn review_html(
    state: &AppState,
    page: &Page,
    c: &Campaign,
    csrf: String,
    error: Option<(i64, String)>,
    typed: (String, String, String),
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    let projects = store::projects(&state.db, c.id).await?;
    render(&ReviewTemplate {
        page,
        id: c.id,
        title: c.title.clone(),
        open: c.phase == Phase::TechnicalReview,
        groups: rows_by_budget(page, c, &projects),
        csrf,
        error_pid: error.as_ref().map_or(0, |e| e.0),
        error: error.map(|e| e.1),
        typed,
        notice,
    })
}

async fn review_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Html<String>, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    require(&me_, Action::ReviewBudgetProjects(territory(&c)))?;
    let n = notice(&page, &q);
    review_html(&state, &page, &c, csrf, None, Default::default(), n).await
}

/// The project and its campaign, for a staff action on it.
async fn staff_project(
    state: &AppState,
    me_: &std::sync::Arc<SignedIn>,
    raw: &str,
) -> Result<(Project, Campaign), AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let p = store::project(&state.db, id(raw)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = visible_campaign(state, &user, p.campaign_id).await?;
    require(me_, Action::ReviewBudgetProjects(territory(&c)))?;
    Ok((p, c))
}

async fn review(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (p, c) = staff_project(&state, &me_, &raw).await?;
    let typed = (
        field(&fields, "decision").to_owned(),
        field(&fields, "cost").to_owned(),
        field(&fields, "reason").to_owned(),
    );
    let amount = c.budget(p.budget_id).map_or(Money(0), |b| b.amount);
    let feasible = match typed.0.as_str() {
        "feasible" => Some(true),
        "not_feasible" => Some(false),
        _ => None,
    };
    let outcome = match feasible {
        None => Err(page.t("budgets-error-decision")),
        Some(f) => match check_review(f, &typed.1, &typed.2, amount) {
            Err(e) => Err(field_error(&page, e).1),
            Ok(decision) => {
                match store::review(&state.db, p.id, &decision, me(&me_), now()).await {
                    Ok(()) => {
                        let sent =
                            super::mails::reviewed(&state, p.author_id, p.id, &p.title, &decision)
                                .await;
                        if let Err(e) = sent {
                            tracing::error!(error = %e, "review notice not sent");
                        }
                        Ok(())
                    }
                    Err(StoreError::WrongPhase) => Err(page.t("budgets-error-not-review")),
                    Err(e) => return Err(e.into()),
                }
            }
        },
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!(
            "/budgets/campaigns/{}/review?done=budgets-notice-reviewed#project-{}",
            c.id, p.id
        ))
        .into_response()),
        Err(msg) => {
            let html = review_html(&state, &page, &c, csrf, Some((p.id, msg)), typed, None).await?;
            Ok(unprocessable(html))
        }
    }
}

async fn merge(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let (p, c) = staff_project(&state, &me_, &raw).await?;
    let into = field(&fields, "into").trim().parse::<i64>().ok();
    let target = match into {
        Some(t) => store::project(&state.db, t)
            .await?
            .filter(|o| o.campaign_id == c.id),
        None => None,
    };
    let msg = match target {
        None => page.t("budgets-error-merge"),
        Some(t) => match store::merge(&state.db, p.id, t.id, me(&me_)).await {
            Ok(()) => {
                return Ok(Redirect::to(&format!(
                    "/budgets/campaigns/{}/review?done=budgets-notice-merged",
                    c.id
                ))
                .into_response());
            }
            Err(StoreError::WrongPhase) => page.t("budgets-error-merge"),
            Err(e) => return Err(e.into()),
        },
    };
    let html = review_html(
        &state,
        &page,
        &c,
        csrf,
        Some((p.id, msg)),
        Default::default(),
        None,
    )
    .await?;
    Ok(unprocessable(html))
}

// ---------------------------------------------------------------------------------------------
// Voting, receipts, paper ballots
// ---------------------------------------------------------------------------------------------

/// A project on the ballot form.
struct BallotRow {
    id: i64,
    title: String,
    place: String,
    category: String,
    cost: String,
    checked: bool,
    points: String,
}

/// The choices of a ballot form: ticked `project` boxes, or `points_<id>` fields.
fn raw_choices(fields: &Fields, ballot: BallotType) -> Vec<RawChoice> {
    if ballot.has_points() {
        fields
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("points_").map(|id| RawChoice {
                    project: id.to_owned(),
                    points: Some(v.clone()),
                })
            })
            .collect()
    } else {
        fields
            .iter()
            .filter(|(k, _)| k == "project")
            .map(|(_, v)| RawChoice {
                project: v.clone(),
                points: None,
            })
            .collect()
    }
}

async fn ballot_rows(
    state: &AppState,
    page: &Page,
    c: &Campaign,
    budget_id: i64,
    typed: &Fields,
) -> Result<Vec<BallotRow>, AppError> {
    let projects = store::projects(&state.db, c.id).await?;
    Ok(projects
        .iter()
        .filter(|p| p.budget_id == budget_id && p.state == store::ProjectState::Feasible)
        .map(|p| {
            let sid = p.id.to_string();
            BallotRow {
                id: p.id,
                title: p.title.clone(),
                place: p.place.clone(),
                category: views::category(page, &p.category),
                cost: views::money(page, p.cost()),
                checked: typed.iter().any(|(k, v)| k == "project" && *v == sid),
                points: field(typed, &format!("points_{sid}")).to_owned(),
            }
        })
        .collect())
}

#[derive(Template)]
#[template(path = "budgets/vote.html")]
struct VoteTemplate<'a> {
    page: &'a Page,
    campaign_id: i64,
    campaign_title: String,
    budget_id: i64,
    budget: String,
    amount: String,
    rules: String,
    points: bool,
    open: bool,
    signed_in: bool,
    resident: bool,
    voted_here: bool,
    min_age_label: String,
    adult: bool,
    receipt: String,
    rows: Vec<BallotRow>,
    csrf: String,
    error: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn vote_html(
    state: &AppState,
    page: &Page,
    user: &CurrentUser,
    c: &Campaign,
    b: &store::Budget,
    csrf: String,
    typed: &Fields,
    error: Option<String>,
) -> Result<Html<String>, AppError> {
    let voted_here = match &user.0 {
        Some(u) => store::voted_budgets(&state.db, c.id, me(u))
            .await?
            .contains(&b.id),
        None => false,
    };
    render(&VoteTemplate {
        page,
        campaign_id: c.id,
        campaign_title: c.title.clone(),
        budget_id: b.id,
        budget: b.name.clone(),
        amount: views::money(page, b.amount),
        rules: views::ballot_rules(page, c.ballot, Some(b.amount)),
        points: c.ballot.has_points(),
        open: c.phase == Phase::Voting && c.schedule.voting_open_at(now()),
        signed_in: user.0.is_some(),
        resident: may(user, Action::VoteInBudget(TerritoryId(b.territory_id))),
        voted_here,
        min_age_label: page.tr(
            "budgets-min-age-declare",
            &[("age", i64::from(c.min_age).into())],
        ),
        adult: field(typed, "adult") == "yes",
        receipt: field(typed, "receipt").to_owned(),
        rows: ballot_rows(state, page, c, b.id, typed).await?,
        csrf,
        error,
    })
}

async fn vote_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let (c, b) = visible_budget(&state, &user, &raw).await?;
    vote_html(&state, &page, &user, &c, &b, csrf, &Vec::new(), None).await
}

#[derive(Template)]
#[template(path = "budgets/voted.html")]
struct VotedTemplate<'a> {
    page: &'a Page,
    campaign_id: i64,
    budget: String,
    receipt: String,
    replaced: bool,
}

fn ballot_error_key(e: BallotError) -> String {
    format!("budgets-ballot-{}", e.code())
}

async fn vote(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let (c, b) = visible_budget(&state, &user, &raw).await?;
    let refuse = |msg: String| {
        let (state, page, user, c, b, fields) = (&state, &page, &user, &c, &b, &fields);
        let csrf = csrf.clone();
        async move {
            let html = vote_html(state, page, user, c, b, csrf, fields, Some(msg)).await?;
            Ok::<Response, AppError>(unprocessable(html))
        }
    };
    let resident = match allowed(
        &user.actor(),
        &Action::VoteInBudget(TerritoryId(b.territory_id)),
    ) {
        Ok(()) => true,
        Err(Denied::ResidenceRequired) => false,
        Err(_) => return refuse(page.t("budgets-error-forbidden")).await,
    };
    let typed_receipt = field(&fields, "receipt").trim();
    let replace = if typed_receipt.is_empty() {
        None
    } else {
        match Receipt::parse(typed_receipt) {
            Some(r) => Some(r),
            None => return refuse(page.t(&ballot_error_key(BallotError::ReceiptNotFound))).await,
        }
    };
    let replaced = replace.is_some();
    let voter = Voter {
        user: me(&me_),
        resident,
        declared_min_age: field(&fields, "adult") == "yes",
        age_group: me_.user.demographics.as_ref().and_then(|d| d.age_group()),
        replace,
    };
    let choices = raw_choices(&fields, c.ballot);
    match store::cast(&state.db, &c, b.id, &voter, &choices, now()).await {
        Ok(receipt) => {
            let html = render(&VotedTemplate {
                page: &page,
                campaign_id: c.id,
                budget: b.name.clone(),
                receipt: receipt.display(),
                replaced,
            })?;
            Ok(([(header::CACHE_CONTROL, "no-store")], html).into_response())
        }
        Err(StoreError::Ballot(e)) => refuse(page.t(&ballot_error_key(e))).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "budgets/receipt.html")]
struct ReceiptTemplate<'a> {
    page: &'a Page,
    id: i64,
    title: String,
    csrf: String,
    code: String,
    checked: bool,
    error: Option<String>,
    found: Option<(String, Vec<String>)>,
}

async fn receipt_page(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    render(&ReceiptTemplate {
        page: &page,
        id: c.id,
        title: c.title.clone(),
        csrf,
        code: String::new(),
        checked: false,
        error: None,
        found: None,
    })
}

async fn receipt_check(
    State(state): State<AppState>,
    page: Page,
    user: CurrentUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let c = visible_campaign(&state, &user, id(&raw)?).await?;
    let code = field(&fields, "code").to_owned();
    let (error, found) = match Receipt::parse(&code) {
        None => (Some(page.t("budgets-receipt-invalid")), None),
        Some(r) => match store::ballot_by_receipt(&state.db, c.id, &r).await? {
            None => (None, None),
            Some(ballot) => {
                let projects = store::projects(&state.db, c.id).await?;
                let budget = c
                    .budget(ballot.budget)
                    .map_or_else(String::new, |b| b.name.clone());
                let choices = ballot
                    .choices
                    .iter()
                    .map(|(pid, pts)| {
                        let t = projects
                            .iter()
                            .find(|p| p.id == *pid)
                            .map_or_else(|| format!("#{pid}"), |p| p.title.clone());
                        if c.ballot.has_points() {
                            page.tr(
                                "budgets-receipt-points",
                                &[("title", t.into()), ("points", i64::from(*pts).into())],
                            )
                        } else {
                            t
                        }
                    })
                    .collect();
                (None, Some((budget, choices)))
            }
        },
    };
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    let html = render(&ReceiptTemplate {
        page: &page,
        id: c.id,
        title: c.title.clone(),
        csrf,
        code,
        checked: true,
        error,
        found,
    })?;
    Ok((status, [(header::CACHE_CONTROL, "no-store")], html).into_response())
}

#[derive(Template)]
#[template(path = "budgets/paper.html")]
struct PaperTemplate<'a> {
    page: &'a Page,
    campaign_id: i64,
    campaign_title: String,
    budget_id: i64,
    budget: String,
    rules: String,
    points: bool,
    sheet: String,
    rows: Vec<BallotRow>,
    csrf: String,
    error: Option<String>,
    notice: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn paper_html(
    state: &AppState,
    page: &Page,
    c: &Campaign,
    b: &store::Budget,
    csrf: String,
    typed: &Fields,
    error: Option<String>,
    notice: Option<String>,
) -> Result<Html<String>, AppError> {
    render(&PaperTemplate {
        page,
        campaign_id: c.id,
        campaign_title: c.title.clone(),
        budget_id: b.id,
        budget: b.name.clone(),
        rules: views::ballot_rules(page, c.ballot, Some(b.amount)),
        points: c.ballot.has_points(),
        sheet: field(typed, "sheet").to_owned(),
        rows: ballot_rows(state, page, c, b.id, typed).await?,
        csrf,
        error,
        notice,
    })
}

async fn paper_page(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let (c, b) = visible_budget(&state, &user, &raw).await?;
    require(&me_, Action::EnterPaperBallots(territory(&c)))?;
    paper_html(&state, &page, &c, &b, csrf, &Vec::new(), None, None).await
}

fn paper_error_key(e: PaperError) -> &'static str {
    match e {
        PaperError::SameOfficial => "budgets-paper-same-official",
        PaperError::Mismatch => "budgets-paper-mismatch",
        PaperError::AlreadyCounted => "budgets-paper-already-counted",
    }
}

async fn paper(
    State(state): State<AppState>,
    page: Page,
    RequireUser(me_): RequireUser,
    Csrf(csrf): Csrf,
    Path(raw): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    let user = CurrentUser(Some(me_.clone()));
    let (c, b) = visible_budget(&state, &user, &raw).await?;
    require(&me_, Action::EnterPaperBallots(territory(&c)))?;
    let error = match Receipt::parse(field(&fields, "sheet")) {
        None => page.t("budgets-paper-bad-code"),
        Some(sheet) => {
            let choices = raw_choices(&fields, c.ballot);
            match store::paper_entry(&state.db, &c, b.id, &sheet, &choices, me(&me_), now()).await {
                Ok(outcome) => {
                    let key = match outcome {
                        PaperOutcome::AwaitingSecondEntry => "budgets-paper-first-done",
                        PaperOutcome::Accepted => "budgets-paper-accepted",
                    };
                    let html = paper_html(
                        &state,
                        &page,
                        &c,
                        &b,
                        csrf,
                        &Vec::new(),
                        None,
                        Some(page.t(key)),
                    )
                    .await?;
                    return Ok(html.into_response());
                }
                Err(StoreError::Ballot(e)) => page.t(&ballot_error_key(e)),
                Err(StoreError::Paper(e)) => page.t(paper_error_key(e)),
                Err(e) => return Err(e.into()),
            }
        }
    };
    let html = paper_html(&state, &page, &c, &b, csrf, &fields, Some(error), None).await?;
    Ok(unprocessable(html))
}

// ---------------------------------------------------------------------------------------------
// Results and the published files
// ---------------------------------------------------------------------------------------------

async fn closed_budget(state: &AppState, raw: &str) -> Result<(Campaign, store::Budget), AppError> {
    let (campaign, budget) = store::budget(&state.db, id(raw)?)
        .await?
        .ok_or(AppError::NotFound)?;
    if matches!(campaign.phase, Phase::Counting | Phase::Implementation) {
        Ok((campaign, budget))
    } else {
        Err(AppError::NotFound)
    }
}

#[derive(Template)]
#[template(path = "budgets/results.html")]
struct ResultsTemplate<'a> {
    page: &'a Page,
    campaign_id: i64,
    campaign_title: String,
    budget_id: i64,
    budget: String,
    rule: String,
    counted_at: String,
    points: bool,
    r: ResultView,
    others: Vec<(i64, String)>,
    charts: Vec<String>,
}

fn chart(page: &Page, caption: &str, label: &str, value: &str, bars: Vec<Bar>) -> String {
    BarChart {
        caption: page.t(caption),
        label_header: page.t(label),
        value_header: page.t(value),
        bars,
    }
    .to_html(page.locale.is_rtl())
}

/// Money funded per budget and per category, and turnout by sex and age group, campaign-wide.
async fn charts(state: &AppState, page: &Page, c: &Campaign) -> Result<Vec<String>, AppError> {
    let projects = store::projects(&state.db, c.id).await?;
    let funded: Vec<&Project> = projects.iter().filter(|p| p.funded).collect();
    let money_bar = |label: String, m: i64| Bar::new(label, m, views::money(page, Money(m)));
    let per_budget = c
        .budgets
        .iter()
        .map(|b| {
            let m = funded
                .iter()
                .filter(|p| p.budget_id == b.id)
                .map(|p| p.cost().0)
                .sum();
            money_bar(b.name.clone(), m)
        })
        .collect();
    let per_category = CATEGORIES
        .iter()
        .map(|k| {
            let m: i64 = funded
                .iter()
                .filter(|p| p.category == *k)
                .map(|p| p.cost().0)
                .sum();
            (k, m)
        })
        .filter(|(_, m)| *m > 0)
        .map(|(k, m)| money_bar(views::category(page, k), m))
        .collect();
    let (sex, age) = store::turnout(&state.db, c.id).await?;
    let people = |pairs: Vec<(String, i64)>, label: &dyn Fn(&str) -> String| {
        pairs
            .into_iter()
            .map(|(k, n)| Bar::new(label(&k), n, n.to_string()))
            .collect::<Vec<_>>()
    };
    Ok(vec![
        chart(
            page,
            "budgets-chart-money-budget",
            "budgets-col-budget",
            "budgets-col-money",
            per_budget,
        ),
        chart(
            page,
            "budgets-chart-money-category",
            "budgets-col-category",
            "budgets-col-money",
            per_category,
        ),
        chart(
            page,
            "budgets-chart-turnout-sex",
            "budgets-col-group",
            "budgets-col-voters",
            people(sex, &|k| views::sex_label(page, k)),
        ),
        chart(
            page,
            "budgets-chart-turnout-age",
            "budgets-col-group",
            "budgets-col-voters",
            people(age, &|k| views::age_label(page, k)),
        ),
    ])
}

async fn results_page(
    State(state): State<AppState>,
    page: Page,
    Path(raw): Path<String>,
) -> Result<Html<String>, AppError> {
    let (c, b) = closed_budget(&state, &raw).await?;
    let (counted_at, _, json) = store::result(&state.db, b.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let doc: serde_json::Value = serde_json::from_str(&json)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("stored result: {e}")))?;
    render(&ResultsTemplate {
        campaign_id: c.id,
        campaign_title: c.title.clone(),
        budget_id: b.id,
        budget: b.name.clone(),
        rule: views::rule(&page, c.rule),
        counted_at: page.datetime(&counted_at),
        points: c.ballot.has_points(),
        r: ResultView::of(&page, &doc),
        others: c
            .budgets
            .iter()
            .filter(|o| o.id != b.id)
            .map(|o| (o.id, o.name.clone()))
            .collect(),
        charts: charts(&state, &page, &c).await?,
        page: &page,
    })
}

async fn ballots_pb(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let (_, b) = closed_budget(&state, &raw).await?;
    let text = publish::ballots_file(&state.db, b.id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"budget-{}.pb\"", b.id),
            ),
        ],
        text,
    )
        .into_response())
}

async fn results_json(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let (_, b) = closed_budget(&state, &raw).await?;
    let (_, _, json) = store::result(&state.db, b.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

/// Every message key the pages build from codes (phases, rules, categories, statuses, ballot
/// errors…), for the locale test: keys made with `format!` are invisible to its scanner.
pub fn computed_keys() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    keys.extend(
        Phase::ALL
            .iter()
            .map(|p| format!("budgets-phase-{}", p.code())),
    );
    keys.extend(
        CountingRule::ALL
            .iter()
            .map(|r| format!("budgets-rule-{}", r.code().replace('_', "-"))),
    );
    keys.extend(["one", "each"].map(|s| format!("budgets-scope-{s}")));
    keys.extend(CATEGORIES.iter().map(|c| format!("budgets-category-{c}")));
    keys.extend(
        Status::ALL
            .iter()
            .map(|s| format!("budgets-status-{}", s.code())),
    );
    keys.extend(BallotError::ALL.iter().map(|e| ballot_error_key(*e)));
    keys.extend(["approval", "knapsack", "cumulative"].map(|t| format!("budgets-type-{t}")));
    keys.extend(["proposal", "implementation"].map(|k| format!("budgets-photo-{k}")));
    keys.extend(
        [
            "title",
            "description",
            "place",
            "budget",
            "category",
            "cost",
            "reason",
            "status",
            "percent",
            "note",
        ]
        .map(|f| format!("budgets-field-{f}")),
    );
    keys.extend(
        [
            "text-length",
            "choose",
            "required",
            "amount-invalid",
            "amount-positive",
            "amount-too-large",
            "over-budget",
            "reason-required",
            "percent",
            "percent-status",
        ]
        .map(|c| format!("budgets-error-{c}")),
    );
    keys.extend(["female", "male"].map(|s| format!("budgets-sex-{s}")));
    keys.extend(["under-18", "18-35", "36-59", "60-plus"].map(|a| format!("budgets-age-{a}")));
    keys
}
