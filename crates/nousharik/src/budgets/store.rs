//! SQL for participatory budgets (one query path for SQLite and PostgreSQL, through [`Db`]).
//! Rules come from `model`; every change is recorded in the audit log inside the
//! transaction that makes it.
//!
//! Ballot secrecy (see the README): `budget_voters` says who voted in which budget;
//! `budget_ballots` holds the ballots keyed by the SHA-256 of a random receipt code, with no
//! id, no time and no voter. Nothing stored links the two. To change a ballot the voter gives
//! back the receipt code, which only they have.

use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::project::{PaperError, Proposal, Review, Status};
use super::model::{
    Ballot, BallotContext, BallotError, BallotProject, BallotType, CampaignError, CampaignSpec,
    CountingRule, Money, Phase, RawChoice, Receipt, Schedule, TransitionFacts, VoteScope,
    VoterFacts, advance, check_voter, reschedule as checked_schedule, validate_ballot,
};
use crate::accounts::model::AgeGroup;
use crate::platform::audit::{self, Actor as By};
use crate::platform::db::{Backend, Db, Tx};
use crate::platform::ids::{TerritoryId, UserId};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A ballot refused (shown to the voter).
    #[error(transparent)]
    Ballot(#[from] BallotError),
    /// A campaign rule broken (shown to staff).
    #[error(transparent)]
    Campaign(#[from] CampaignError),
    /// A paper-ballot entry refused.
    #[error(transparent)]
    Paper(#[from] PaperError),
    /// No such row.
    #[error("not found")]
    NotFound,
    /// The action does not fit the state (e.g. reviewing outside the review phase).
    #[error("wrong phase")]
    WrongPhase,
    /// A stored value the model does not know (a row written outside the application).
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Result of the store's functions.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// One budget of a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// Id.
    pub id: i64,
    /// Campaign.
    pub campaign_id: i64,
    /// Name.
    pub name: String,
    /// Who votes in it: residents of this territory.
    pub territory_id: i64,
    /// Amount.
    pub amount: Money,
}

/// A campaign with its budgets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    /// Id.
    pub id: i64,
    /// The campaign's territory.
    pub territory_id: i64,
    /// Title.
    pub title: String,
    /// Presentation text.
    pub description: String,
    /// Current phase.
    pub phase: Phase,
    /// Ballot type.
    pub ballot: BallotType,
    /// Counting rule.
    pub rule: CountingRule,
    /// Minimum age.
    pub min_age: u8,
    /// One budget or each.
    pub scope: VoteScope,
    /// Dates.
    pub schedule: Schedule,
    /// Budgets in their order.
    pub budgets: Vec<Budget>,
    /// Demo data.
    pub is_demo: bool,
}

impl Campaign {
    /// The budget `id` of this campaign.
    pub fn budget(&self, id: i64) -> Option<&Budget> {
        self.budgets.iter().find(|b| b.id == id)
    }
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectState {
    /// Submitted, not reviewed.
    Submitted,
    /// Merged into another proposal.
    Merged,
    /// Feasible: on the ballot.
    Feasible,
    /// Not feasible (reason published).
    NotFeasible,
}

impl ProjectState {
    /// Stable code (`budgets-project-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            ProjectState::Submitted => "submitted",
            ProjectState::Merged => "merged",
            ProjectState::Feasible => "feasible",
            ProjectState::NotFeasible => "not_feasible",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [
            ProjectState::Submitted,
            ProjectState::Merged,
            ProjectState::Feasible,
            ProjectState::NotFeasible,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A proposal / project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// Id.
    pub id: i64,
    /// Campaign.
    pub campaign_id: i64,
    /// Budget.
    pub budget_id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Place.
    pub place: String,
    /// Category code.
    pub category: String,
    /// Cost estimated by the author.
    pub estimated_cost: Money,
    /// Author (none once the account is deleted, or for staff-entered ideas).
    pub author_id: Option<i64>,
    /// When submitted.
    pub submitted_at: i64,
    /// Review state.
    pub state: ProjectState,
    /// Merged into.
    pub merged_into: Option<i64>,
    /// Cost after review.
    pub final_cost: Option<Money>,
    /// Reviewer's reason or remarks.
    pub review_reason: String,
    /// Funded by the count.
    pub funded: bool,
    /// Implementation status.
    pub progress_status: Option<Status>,
    /// Implementation progress.
    pub progress_percent: i64,
}

impl Project {
    /// The cost that counts: final if reviewed, else the estimate.
    pub fn cost(&self) -> Money {
        self.final_cost.unwrap_or(self.estimated_cost)
    }
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {value:?}"))
}

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

const CAMPAIGN_COLUMNS: &str = "id, territory_id, title, description, phase, ballot_type, \
    approval_min, approval_max, points, max_points_per_project, rule, min_age, scope, \
    informing_at, proposing_at, review_at, voting_at, voting_end_at, is_demo";

fn campaign_from(row: &AnyRow) -> Result<Campaign> {
    let phase: String = row.try_get("phase")?;
    let ballot_type: String = row.try_get("ballot_type")?;
    let rule: String = row.try_get("rule")?;
    let scope: String = row.try_get("scope")?;
    let int = |c: &str| -> Result<u32> {
        let v: i64 = row.try_get(c)?;
        u32::try_from(v).map_err(|_| corrupt(c, &v.to_string()))
    };
    let ballot = match ballot_type.as_str() {
        "approval" => BallotType::Approval {
            min: int("approval_min")?,
            max: int("approval_max")?,
        },
        "knapsack" => BallotType::Knapsack,
        "cumulative" => BallotType::Cumulative {
            points: int("points")?,
            max_per_project: int("max_points_per_project")?,
        },
        other => return Err(corrupt("ballot type", other)),
    };
    let min_age: i64 = row.try_get("min_age")?;
    Ok(Campaign {
        id: row.try_get("id")?,
        territory_id: row.try_get("territory_id")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        phase: Phase::parse(&phase).ok_or_else(|| corrupt("phase", &phase))?,
        ballot,
        rule: CountingRule::parse(&rule).ok_or_else(|| corrupt("rule", &rule))?,
        min_age: u8::try_from(min_age).map_err(|_| corrupt("min_age", &min_age.to_string()))?,
        scope: VoteScope::parse(&scope).ok_or_else(|| corrupt("scope", &scope))?,
        schedule: Schedule {
            informing: row.try_get("informing_at")?,
            proposing: row.try_get("proposing_at")?,
            review: row.try_get("review_at")?,
            voting: row.try_get("voting_at")?,
            voting_end: row.try_get("voting_end_at")?,
        },
        budgets: Vec::new(),
        is_demo: row.try_get::<i64, _>("is_demo")? == 1,
    })
}

fn budget_from(row: &AnyRow) -> Result<Budget> {
    Ok(Budget {
        id: row.try_get("id")?,
        campaign_id: row.try_get("campaign_id")?,
        name: row.try_get("name")?,
        territory_id: row.try_get("territory_id")?,
        amount: Money(row.try_get("amount")?),
    })
}

/// Writes a campaign's budgets, in the order of its specification.
async fn insert_budgets(db: &Db, tx: &mut Tx, id: i64, spec: &CampaignSpec) -> Result<()> {
    for (position, b) in spec.budgets.iter().enumerate() {
        db.query(
            "INSERT INTO budget_budgets (campaign_id, name, territory_id, amount, position) \
             VALUES (?,?,?,?,?)",
        )
        .bind(id)
        .bind(b.name.trim().to_owned())
        .bind(b.territory.0)
        .bind(b.amount.0)
        .bind(position as i64)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Creates a campaign (in the draft phase) with its budgets.
pub async fn create_campaign(
    db: &Db,
    spec: &CampaignSpec,
    description: &str,
    by: Option<UserId>,
    is_demo: bool,
) -> Result<i64> {
    spec.validate()?;
    let (min, max, points, per) = match spec.ballot {
        BallotType::Approval { min, max } => (min, max, 0, 0),
        BallotType::Knapsack => (0, 0, 0, 0),
        BallotType::Cumulative {
            points,
            max_per_project,
        } => (0, 0, points, max_per_project),
    };
    let s = &spec.schedule;
    let now = crate::platform::now();
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query_scalar(
            "INSERT INTO budget_campaigns (territory_id, title, description, phase, ballot_type, \
             approval_min, approval_max, points, max_points_per_project, rule, min_age, scope, \
             informing_at, proposing_at, review_at, voting_at, voting_end_at, created_by, \
             created_at, is_demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        )
        .bind(spec.territory.0)
        .bind(spec.title.trim().to_owned())
        .bind(description.trim().to_owned())
        .bind(Phase::Draft.code())
        .bind(spec.ballot.code())
        .bind(i64::from(min))
        .bind(i64::from(max))
        .bind(i64::from(points))
        .bind(i64::from(per))
        .bind(spec.rule.code())
        .bind(i64::from(spec.min_age))
        .bind(spec.scope.code())
        .bind(s.informing)
        .bind(s.proposing)
        .bind(s.review)
        .bind(s.voting)
        .bind(s.voting_end)
        .bind(by.map(|u| u.0))
        .bind(now)
        .bind(i64::from(is_demo))
        .fetch_one(&mut *tx)
        .await?;
    insert_budgets(db, &mut tx, id, spec).await?;
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "budgets.campaign_create",
        &format!("budget_campaign:{id}"),
        json!({ "spec": spec }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn actor(by: Option<UserId>) -> By {
    by.map_or(By::System, |u| By::Account(u.0))
}

/// A campaign with its budgets.
pub async fn campaign(db: &Db, id: i64) -> Result<Option<Campaign>> {
    let Some(row) = db
        .query(&format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM budget_campaigns WHERE id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    let mut c = campaign_from(&row)?;
    c.budgets = budgets_of(db, id).await?;
    Ok(Some(c))
}

async fn budgets_of(db: &Db, campaign: i64) -> Result<Vec<Budget>> {
    db.query(
        "SELECT id, campaign_id, name, territory_id, amount FROM budget_budgets \
         WHERE campaign_id = ? ORDER BY position, id",
    )
    .bind(campaign)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(budget_from)
    .collect()
}

/// The budget `id` and its campaign.
pub async fn budget(db: &Db, id: i64) -> Result<Option<(Campaign, Budget)>> {
    let campaign_id: Option<i64> = db
        .query_scalar("SELECT campaign_id FROM budget_budgets WHERE id = ?")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    let Some(cid) = campaign_id else {
        return Ok(None);
    };
    let Some(c) = campaign(db, cid).await? else {
        return Ok(None);
    };
    let b = c.budget(id).cloned().ok_or(StoreError::NotFound)?;
    Ok(Some((c, b)))
}

/// Every campaign, newest first; drafts only when `with_drafts`.
pub async fn campaigns(db: &Db, with_drafts: bool) -> Result<Vec<Campaign>> {
    let rows = db
        .query(&format!(
            "SELECT {CAMPAIGN_COLUMNS} FROM budget_campaigns ORDER BY voting_at DESC, id DESC"
        ))
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::new();
    for row in &rows {
        let mut c = campaign_from(row)?;
        if c.phase.is_public() || with_drafts {
            c.budgets = budgets_of(db, c.id).await?;
            out.push(c);
        }
    }
    Ok(out)
}

/// Moves a campaign to its next phase (rules: `model::advance`).
pub async fn set_phase(db: &Db, id: i64, to: Phase, by: Option<UserId>, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    let c = campaign(db, id).await?.ok_or(StoreError::NotFound)?;
    let empty_budgets: i64 = db
        .query_scalar(
            "SELECT COUNT(*) FROM budget_budgets b WHERE b.campaign_id = ? AND NOT EXISTS \
             (SELECT 1 FROM budget_projects p WHERE p.budget_id = b.id AND p.status = 'feasible')",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let uncounted: i64 = db
        .query_scalar(
            "SELECT COUNT(*) FROM budget_budgets b WHERE b.campaign_id = ? AND NOT EXISTS \
             (SELECT 1 FROM budget_results r WHERE r.budget_id = b.id)",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let facts = TransitionFacts {
        now,
        every_budget_has_projects: empty_budgets == 0,
        every_budget_counted: uncounted == 0,
    };
    let new = advance(c.phase, to, &c.schedule, facts)?;
    db.query("UPDATE budget_campaigns SET phase = ? WHERE id = ? AND phase = ?")
        .bind(new.code())
        .bind(id)
        .bind(c.phase.code())
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "budgets.phase",
        &format!("budget_campaign:{id}"),
        json!({ "from": c.phase.code(), "to": new.code() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Proposals and review
// ---------------------------------------------------------------------------------------------

const PROJECT_COLUMNS: &str = "id, campaign_id, budget_id, title, description, place, category, \
    estimated_cost, author_id, submitted_at, status, merged_into, final_cost, review_reason, \
    funded, progress_status, progress_percent";

fn project_from(row: &AnyRow) -> Result<Project> {
    let status: String = row.try_get("status")?;
    let progress: Option<String> = row.try_get("progress_status")?;
    Ok(Project {
        id: row.try_get("id")?,
        campaign_id: row.try_get("campaign_id")?,
        budget_id: row.try_get("budget_id")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        place: row.try_get("place")?,
        category: row.try_get("category")?,
        estimated_cost: Money(row.try_get("estimated_cost")?),
        author_id: row.try_get("author_id")?,
        submitted_at: row.try_get("submitted_at")?,
        state: ProjectState::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        merged_into: row.try_get("merged_into")?,
        final_cost: row.try_get::<Option<i64>, _>("final_cost")?.map(Money),
        review_reason: row.try_get("review_reason")?,
        funded: row.try_get::<i64, _>("funded")? == 1,
        progress_status: match progress {
            Some(p) => Some(Status::parse(&p).ok_or_else(|| corrupt("progress", &p))?),
            None => None,
        },
        progress_percent: row.try_get("progress_percent")?,
    })
}

/// Submits a proposal (campaign in its proposing phase).
pub async fn submit_proposal(
    db: &Db,
    campaign_id: i64,
    p: &Proposal,
    author: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let c = campaign(db, campaign_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    if c.phase != Phase::Proposing {
        return Err(StoreError::WrongPhase);
    }
    if c.budget(p.budget).is_none() {
        return Err(StoreError::NotFound);
    }
    let id: i64 = db
        .query_scalar(
            "INSERT INTO budget_projects (campaign_id, budget_id, title, description, place, \
             category, estimated_cost, author_id, submitted_at, status) \
             VALUES (?,?,?,?,?,?,?,?,?,'submitted') RETURNING id",
        )
        .bind(campaign_id)
        .bind(p.budget)
        .bind(p.title.clone())
        .bind(p.description.clone())
        .bind(p.place.clone())
        .bind(p.category)
        .bind(p.estimated_cost.0)
        .bind(author.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        actor(author),
        "budgets.propose",
        &format!("budget_project:{id}"),
        json!({ "campaign": campaign_id, "budget": p.budget, "title": p.title }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// One project.
pub async fn project(db: &Db, id: i64) -> Result<Option<Project>> {
    db.query(&format!(
        "SELECT {PROJECT_COLUMNS} FROM budget_projects WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .as_ref()
    .map(project_from)
    .transpose()
}

/// Every proposal of a campaign, by budget then id.
pub async fn projects(db: &Db, campaign_id: i64) -> Result<Vec<Project>> {
    db.query(&format!(
        "SELECT {PROJECT_COLUMNS} FROM budget_projects WHERE campaign_id = ? ORDER BY budget_id, id"
    ))
    .bind(campaign_id)
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(project_from)
    .collect()
}

/// Records a technical review (campaign in its review phase).
pub async fn review(
    db: &Db,
    project_id: i64,
    decision: &Review,
    by: UserId,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let p = project(db, project_id).await?.ok_or(StoreError::NotFound)?;
    let c = campaign(db, p.campaign_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    if c.phase != Phase::TechnicalReview || p.state == ProjectState::Merged {
        return Err(StoreError::WrongPhase);
    }
    let (status, cost, reason) = match decision {
        Review::Feasible { cost, reason } => ("feasible", Some(cost.0), reason.clone()),
        Review::NotFeasible { reason } => ("not_feasible", None, reason.clone()),
    };
    db.query(
        "UPDATE budget_projects SET status = ?, final_cost = ?, review_reason = ?, \
         reviewed_by = ?, reviewed_at = ? WHERE id = ?",
    )
    .bind(status)
    .bind(cost)
    .bind(reason)
    .bind(by.0)
    .bind(now)
    .bind(project_id)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "budgets.review",
        &format!("budget_project:{project_id}"),
        json!({ "decision": decision }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Merges a duplicate proposal into another of the same budget (review phase).
pub async fn merge(db: &Db, duplicate: i64, into: i64, by: UserId) -> Result<()> {
    let mut tx = db.begin().await?;
    let d = project(db, duplicate).await?.ok_or(StoreError::NotFound)?;
    let i = project(db, into).await?.ok_or(StoreError::NotFound)?;
    let c = campaign(db, d.campaign_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    if duplicate == into
        || d.budget_id != i.budget_id
        || c.phase != Phase::TechnicalReview
        || i.state == ProjectState::Merged
    {
        return Err(StoreError::WrongPhase);
    }
    db.query("UPDATE budget_projects SET status = 'merged', merged_into = ? WHERE id = ?")
        .bind(into)
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "budgets.merge",
        &format!("budget_project:{duplicate}"),
        json!({ "into": into }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every project on the ballots of a campaign (feasible ones, at their final cost).
pub async fn ballot_projects(db: &Db, campaign_id: i64) -> Result<Vec<BallotProject>> {
    let rows = db
        .query(
            "SELECT id, budget_id, final_cost FROM budget_projects \
             WHERE campaign_id = ? AND status = 'feasible' ORDER BY id",
        )
        .bind(campaign_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(BallotProject {
                id: r.try_get("id")?,
                budget: r.try_get("budget_id")?,
                cost: Money(r.try_get::<Option<i64>, _>("final_cost")?.unwrap_or(0)),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Voting
// ---------------------------------------------------------------------------------------------

/// What the voter brings besides the choices.
#[derive(Debug, Clone)]
pub struct Voter {
    /// The account.
    pub user: UserId,
    /// Verified resident of the budget's territory (decided by `platform::permissions`).
    pub resident: bool,
    /// Ticked the minimum-age declaration.
    pub declared_min_age: bool,
    /// Age group from a consenting profile.
    pub age_group: Option<AgeGroup>,
    /// The receipt of the ballot being replaced, if any.
    pub replace: Option<Receipt>,
}

/// The budgets of a campaign this user has voted in.
pub async fn voted_budgets(db: &Db, campaign_id: i64, user: UserId) -> Result<Vec<i64>> {
    Ok(db
        .query_scalar(
            "SELECT budget_id FROM budget_voters WHERE campaign_id = ? AND user_id = ? \
             ORDER BY budget_id",
        )
        .bind(campaign_id)
        .bind(user.0)
        .fetch_all(db.pool())
        .await?)
}

/// Casts (or replaces) a ballot and returns the new receipt code. Everything is checked
/// again inside the transaction, so two tabs submitting at once give one ballot.
pub async fn cast(
    db: &Db,
    campaign: &Campaign,
    budget_id: i64,
    voter: &Voter,
    choices: &[RawChoice],
    now: i64,
) -> Result<Receipt> {
    let budget = campaign.budget(budget_id).ok_or(BallotError::OtherBudget)?;
    let projects = ballot_projects(db, campaign.id).await?;
    let ctx = BallotContext {
        phase: campaign.phase,
        schedule: &campaign.schedule,
        now,
        ballot: campaign.ballot,
        budget: budget_id,
        amount: budget.amount,
        projects: &projects,
    };
    let ballot = validate_ballot(&ctx, choices)?;
    let receipt = {
        // On SQLite, casts wait their turn here, in arrival order, rather than in SQLite's
        // busy handler (which sleeps 1 to 100 ms between tries): one cast transaction at a
        // time, and the next starts as soon as one commits.
        let _turn = match db.backend() {
            Backend::Sqlite => Some(cast_turn().lock().await),
            Backend::Postgres => None,
        };
        write_ballot(db, campaign, budget_id, voter, &ballot).await?
    };
    // The receipt is shown only once the ballot is on disk (see `durable`).
    super::durable::flush(db).await?;
    Ok(receipt)
}

/// The queue of cast transactions on SQLite (one process writes one database file).
fn cast_turn() -> &'static tokio::sync::Mutex<()> {
    static TURN: std::sync::OnceLock<tokio::sync::Mutex<()>> = std::sync::OnceLock::new();
    TURN.get_or_init(|| tokio::sync::Mutex::new(()))
}

/// The transaction of [`cast`]: checks the phase and the voter again, records the voter and
/// the ballot (or replaces it), audits, commits.
async fn write_ballot(
    db: &Db,
    campaign: &Campaign,
    budget_id: i64,
    voter: &Voter,
    ballot: &Ballot,
) -> Result<Receipt> {
    let mut tx = db.begin().await?;
    // The phase may have moved since the page was loaded.
    let phase: String = db
        .query_scalar("SELECT phase FROM budget_campaigns WHERE id = ?")
        .bind(campaign.id)
        .fetch_one(&mut *tx)
        .await?;
    if phase != Phase::Voting.code() {
        return Err(BallotError::VotingClosed.into());
    }
    let voted: Vec<i64> = db
        .query_scalar("SELECT budget_id FROM budget_voters WHERE campaign_id = ? AND user_id = ?")
        .bind(campaign.id)
        .bind(voter.user.0)
        .fetch_all(&mut *tx)
        .await?;
    let facts = VoterFacts {
        resident: voter.resident,
        declared_min_age: voter.declared_min_age,
        age_group: voter.age_group,
        voted_here: voted.contains(&budget_id),
        voted_elsewhere: voted.iter().any(|b| *b != budget_id),
        replacing: voter.replace.is_some(),
    };
    check_voter(facts, campaign.min_age, campaign.scope)?;
    if let Some(old) = &voter.replace {
        let gone = db
            .query("DELETE FROM budget_ballots WHERE receipt_hash = ? AND budget_id = ?")
            .bind(old.hash())
            .bind(budget_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone != 1 {
            return Err(BallotError::ReceiptNotFound.into());
        }
    } else {
        db.query("INSERT INTO budget_voters (campaign_id, budget_id, user_id) VALUES (?,?,?)")
            .bind(campaign.id)
            .bind(budget_id)
            .bind(voter.user.0)
            .execute(&mut *tx)
            .await?;
    }
    let receipt = insert_ballot(db, &mut tx, ballot, campaign.ballot, "online").await?;
    // Who voted is public to the audit log (as in budget_voters); what they voted is not.
    audit::record_in(
        db,
        &mut tx,
        By::Account(voter.user.0),
        if voter.replace.is_some() {
            "budgets.ballot_replace"
        } else {
            "budgets.ballot_cast"
        },
        &format!("budget:{budget_id}"),
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(receipt)
}

async fn insert_ballot(
    db: &Db,
    tx: &mut Tx,
    ballot: &Ballot,
    ballot_type: BallotType,
    channel: &str,
) -> Result<Receipt> {
    let receipt = Receipt::generate();
    db.query(
        "INSERT INTO budget_ballots (receipt_hash, budget_id, choices, channel) VALUES (?,?,?,?)",
    )
    .bind(receipt.hash())
    .bind(ballot.budget)
    .bind(ballot.encode(ballot_type.has_points()))
    .bind(channel)
    .execute(&mut **tx)
    .await?;
    Ok(receipt)
}

/// The ballot with this receipt in a campaign, if any: its budget and choices.
pub async fn ballot_by_receipt(
    db: &Db,
    campaign_id: i64,
    receipt: &Receipt,
) -> Result<Option<Ballot>> {
    let row = db
        .query(
            "SELECT b.budget_id, b.choices FROM budget_ballots b JOIN budget_budgets g \
             ON g.id = b.budget_id WHERE b.receipt_hash = ? AND g.campaign_id = ?",
        )
        .bind(receipt.hash())
        .bind(campaign_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let budget: i64 = row.try_get("budget_id")?;
    let choices: String = row.try_get("choices")?;
    Ballot::decode(budget, &choices)
        .map(Some)
        .ok_or_else(|| corrupt("ballot", &choices))
}

/// The ballots of a budget as stored: (receipt hash, choices), in receipt-hash order.
pub async fn ballots(db: &Db, budget_id: i64) -> Result<Vec<(String, String)>> {
    let rows = db
        .query(
            "SELECT receipt_hash, choices FROM budget_ballots WHERE budget_id = ? \
             ORDER BY receipt_hash",
        )
        .bind(budget_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("receipt_hash")?, r.try_get("choices")?)))
        .collect()
}

/// What happened to a paper-ballot entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperOutcome {
    /// First entry stored; waits for a second official.
    AwaitingSecondEntry,
    /// Second entry matched: the ballot is counted.
    Accepted,
}

/// Types in a paper ballot. The sheet's printed receipt code identifies it; the first entry
/// waits, the second (by another official) must match, then the ballot joins the set. A
/// mismatch is recorded and refused: the sheet must be looked at again (the first entry can
/// then be confirmed by a correct second entry).
pub async fn paper_entry(
    db: &Db,
    campaign: &Campaign,
    budget_id: i64,
    sheet: &Receipt,
    choices: &[RawChoice],
    official: UserId,
    now: i64,
) -> Result<PaperOutcome> {
    let budget = campaign.budget(budget_id).ok_or(BallotError::OtherBudget)?;
    let projects = ballot_projects(db, campaign.id).await?;
    // Paper ballots are typed in while voting is open or during counting: the window check
    // applies to the paper's own date, not to the typing.
    let ctx = BallotContext {
        phase: Phase::Voting,
        schedule: &campaign.schedule,
        now: campaign.schedule.voting,
        ballot: campaign.ballot,
        budget: budget_id,
        amount: budget.amount,
        projects: &projects,
    };
    if !matches!(campaign.phase, Phase::Voting | Phase::Counting) {
        return Err(BallotError::VotingClosed.into());
    }
    let ballot = validate_ballot(&ctx, choices)?;
    let encoded = ballot.encode(campaign.ballot.has_points());
    let mut tx = db.begin().await?;
    let first = db
        .query(
            "SELECT id, choices, first_by, status FROM budget_paper_entries \
             WHERE budget_id = ? AND sheet_hash = ?",
        )
        .bind(budget_id)
        .bind(sheet.hash())
        .fetch_optional(&mut *tx)
        .await?;
    let subject = format!("budget:{budget_id}");
    let outcome = match first {
        None => {
            db.query(
                "INSERT INTO budget_paper_entries (budget_id, sheet_hash, choices, first_by, status) \
                 VALUES (?,?,?,?,'pending')",
            )
            .bind(budget_id)
            .bind(sheet.hash())
            .bind(encoded)
            .bind(official.0)
            .execute(&mut *tx)
            .await?;
            PaperOutcome::AwaitingSecondEntry
        }
        Some(row) => {
            let status: String = row.try_get("status")?;
            if status == "accepted" {
                return Err(PaperError::AlreadyCounted.into());
            }
            let first_choices: String = row.try_get("choices")?;
            let first_by: i64 = row.try_get("first_by")?;
            let first_ballot = Ballot::decode(budget_id, &first_choices)
                .ok_or_else(|| corrupt("paper entry", &first_choices))?;
            if let Err(e) =
                super::model::project::second_entry(first_by, &first_ballot, official.0, &ballot)
            {
                if e == PaperError::Mismatch {
                    db.query("UPDATE budget_paper_entries SET status = 'mismatch' WHERE id = ?")
                        .bind(row.try_get::<i64, _>("id")?)
                        .execute(&mut *tx)
                        .await?;
                    audit::record_in(
                        db,
                        &mut tx,
                        By::Account(official.0),
                        "budgets.paper_mismatch",
                        &subject,
                        json!({}),
                    )
                    .await?;
                    tx.commit().await?;
                }
                return Err(e.into());
            }
            db.query(
                "UPDATE budget_paper_entries SET status = 'accepted', second_by = ? WHERE id = ?",
            )
            .bind(official.0)
            .bind(row.try_get::<i64, _>("id")?)
            .execute(&mut *tx)
            .await?;
            db.query(
                "INSERT INTO budget_ballots (receipt_hash, budget_id, choices, channel) \
                 VALUES (?,?,?,'paper')",
            )
            .bind(sheet.hash())
            .bind(budget_id)
            .bind(ballot.encode(campaign.ballot.has_points()))
            .execute(&mut *tx)
            .await?;
            PaperOutcome::Accepted
        }
    };
    audit::record_in(
        db,
        &mut tx,
        By::Account(official.0),
        match outcome {
            PaperOutcome::AwaitingSecondEntry => "budgets.paper_first_entry",
            PaperOutcome::Accepted => "budgets.paper_accepted",
        },
        &subject,
        json!({ "at": now }),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

// ---------------------------------------------------------------------------------------------
// Results and implementation
// ---------------------------------------------------------------------------------------------

/// Stores a budget's published result and marks its funded projects.
pub async fn store_result(
    db: &Db,
    budget_id: i64,
    ballots: i64,
    funded: &[i64],
    result_json: &str,
    by: Option<UserId>,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    db.query("DELETE FROM budget_results WHERE budget_id = ?")
        .bind(budget_id)
        .execute(&mut *tx)
        .await?;
    db.query(
        "INSERT INTO budget_results (budget_id, counted_at, ballots, result_json) VALUES (?,?,?,?)",
    )
    .bind(budget_id)
    .bind(now)
    .bind(ballots)
    .bind(result_json.to_owned())
    .execute(&mut *tx)
    .await?;
    db.query("UPDATE budget_projects SET funded = 0 WHERE budget_id = ?")
        .bind(budget_id)
        .execute(&mut *tx)
        .await?;
    for id in funded {
        db.query(
            "UPDATE budget_projects SET funded = 1, progress_status = COALESCE(progress_status, 'planned') \
             WHERE id = ? AND budget_id = ?",
        )
        .bind(*id)
        .bind(budget_id)
        .execute(&mut *tx)
        .await?;
    }
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "budgets.count",
        &format!("budget:{budget_id}"),
        json!({ "ballots": ballots, "funded": funded }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The stored result of a budget: (counted at, ballots, JSON).
pub async fn result(db: &Db, budget_id: i64) -> Result<Option<(i64, i64, String)>> {
    let row = db
        .query("SELECT counted_at, ballots, result_json FROM budget_results WHERE budget_id = ?")
        .bind(budget_id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| {
        Ok((
            r.try_get("counted_at")?,
            r.try_get("ballots")?,
            r.try_get("result_json")?,
        ))
    })
    .transpose()
}

/// One implementation milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    /// Status then.
    pub status: Status,
    /// Progress then.
    pub percent: i64,
    /// What happened.
    pub note: String,
    /// When.
    pub recorded_at: i64,
}

/// Records progress on a funded project (campaign in implementation).
pub async fn record_progress(
    db: &Db,
    project_id: i64,
    status: Status,
    percent: u8,
    note: &str,
    by: UserId,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let p = project(db, project_id).await?.ok_or(StoreError::NotFound)?;
    if !p.funded {
        return Err(StoreError::WrongPhase);
    }
    db.query("UPDATE budget_projects SET progress_status = ?, progress_percent = ? WHERE id = ?")
        .bind(status.code())
        .bind(i64::from(percent))
        .bind(project_id)
        .execute(&mut *tx)
        .await?;
    db.query(
        "INSERT INTO budget_milestones (project_id, status, percent, note, recorded_by, recorded_at) \
         VALUES (?,?,?,?,?,?)",
    )
    .bind(project_id)
    .bind(status.code())
    .bind(i64::from(percent))
    .bind(note.to_owned())
    .bind(by.0)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "budgets.progress",
        &format!("budget_project:{project_id}"),
        json!({ "status": status.code(), "percent": percent, "note": note }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The milestones of a project, oldest first.
pub async fn milestones(db: &Db, project_id: i64) -> Result<Vec<Milestone>> {
    let rows = db
        .query(
            "SELECT status, percent, note, recorded_at FROM budget_milestones \
             WHERE project_id = ? ORDER BY recorded_at, id",
        )
        .bind(project_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            let s: String = r.try_get("status")?;
            Ok(Milestone {
                status: Status::parse(&s).ok_or_else(|| corrupt("status", &s))?,
                percent: r.try_get("percent")?,
                note: r.try_get("note")?,
                recorded_at: r.try_get("recorded_at")?,
            })
        })
        .collect()
}

/// Adds a photo (bytes already checked by `model::project::photo_type`).
pub async fn add_photo(
    db: &Db,
    project_id: i64,
    kind: &str,
    content_type: &str,
    bytes: Vec<u8>,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query_scalar(
            "INSERT INTO budget_photos (project_id, kind, content_type, bytes, uploaded_by, uploaded_at) \
             VALUES (?,?,?,?,?,?) RETURNING id",
        )
        .bind(project_id)
        .bind(kind.to_owned())
        .bind(content_type.to_owned())
        .bind(bytes)
        .bind(by.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "budgets.photo",
        &format!("budget_project:{project_id}"),
        json!({ "photo": id, "kind": kind }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Photo ids of a project with their kind.
pub async fn photos(db: &Db, project_id: i64) -> Result<Vec<(i64, String)>> {
    let rows = db
        .query("SELECT id, kind FROM budget_photos WHERE project_id = ? ORDER BY id")
        .bind(project_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("kind")?)))
        .collect()
}

/// A photo's type and bytes.
pub async fn photo(db: &Db, id: i64) -> Result<Option<(String, Vec<u8>)>> {
    let row = db
        .query("SELECT content_type, bytes FROM budget_photos WHERE id = ?")
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| Ok((r.try_get("content_type")?, r.try_get("bytes")?)))
        .transpose()
}

/// Turnout of a campaign by sex and by age group, from the profiles whose owners consented
/// to these statistics (others are counted as "not stated"). Returns (code, voters) pairs;
/// a person voting in two budgets counts once.
pub async fn turnout(
    db: &Db,
    campaign_id: i64,
) -> Result<(Vec<(String, i64)>, Vec<(String, i64)>)> {
    let by = |column: &'static str| {
        format!(
            "SELECT COALESCE(u.{column}, '') AS k, COUNT(DISTINCT v.user_id) AS n \
             FROM budget_voters v JOIN users u ON u.id = v.user_id \
             WHERE v.campaign_id = ? GROUP BY COALESCE(u.{column}, '') ORDER BY k"
        )
    };
    let mut out = Vec::new();
    for column in ["sex", "age_group"] {
        let rows = db
            .query(&by(column))
            .bind(campaign_id)
            .fetch_all(db.pool())
            .await?;
        let pairs: Result<Vec<(String, i64)>> = rows
            .iter()
            .map(|r| Ok((r.try_get("k")?, r.try_get("n")?)))
            .collect();
        out.push(pairs?);
    }
    let age = out.pop().unwrap_or_default();
    let sex = out.pop().unwrap_or_default();
    Ok((sex, age))
}

/// Number of voters (people) of a campaign.
pub async fn voter_count(db: &Db, campaign_id: i64) -> Result<i64> {
    Ok(db
        .query_scalar("SELECT COUNT(DISTINCT user_id) FROM budget_voters WHERE campaign_id = ?")
        .bind(campaign_id)
        .fetch_one(db.pool())
        .await?)
}

/// Territory id, as the permissions module wants it.
pub fn territory(c: &Campaign) -> TerritoryId {
    TerritoryId(c.territory_id)
}

// ---------------------------------------------------------------------------------------------
// Editing a draft campaign (pages)
// ---------------------------------------------------------------------------------------------

/// Replaces a campaign's settings and budgets while it is still a draft (nothing public yet,
/// no proposal can exist). Refused with [`StoreError::WrongPhase`] once it has been published.
pub async fn update_campaign(
    db: &Db,
    id: i64,
    spec: &CampaignSpec,
    description: &str,
    by: UserId,
) -> Result<()> {
    spec.validate()?;
    let (min, max, points, per) = match spec.ballot {
        BallotType::Approval { min, max } => (min, max, 0, 0),
        BallotType::Knapsack => (0, 0, 0, 0),
        BallotType::Cumulative {
            points,
            max_per_project,
        } => (0, 0, points, max_per_project),
    };
    let s = &spec.schedule;
    let mut tx = db.begin().await?;
    let changed = db
        .query(
            "UPDATE budget_campaigns SET territory_id = ?, title = ?, description = ?, \
             ballot_type = ?, approval_min = ?, approval_max = ?, points = ?, \
             max_points_per_project = ?, rule = ?, min_age = ?, scope = ?, informing_at = ?, \
             proposing_at = ?, review_at = ?, voting_at = ?, voting_end_at = ? \
             WHERE id = ? AND phase = ?",
        )
        .bind(spec.territory.0)
        .bind(spec.title.trim().to_owned())
        .bind(description.trim().to_owned())
        .bind(spec.ballot.code())
        .bind(i64::from(min))
        .bind(i64::from(max))
        .bind(i64::from(points))
        .bind(i64::from(per))
        .bind(spec.rule.code())
        .bind(i64::from(spec.min_age))
        .bind(spec.scope.code())
        .bind(s.informing)
        .bind(s.proposing)
        .bind(s.review)
        .bind(s.voting)
        .bind(s.voting_end)
        .bind(id)
        .bind(Phase::Draft.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed != 1 {
        return Err(StoreError::WrongPhase);
    }
    db.query("DELETE FROM budget_budgets WHERE campaign_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    insert_budgets(db, &mut tx, id, spec).await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "budgets.campaign_edit",
        &format!("budget_campaign:{id}"),
        json!({ "spec": spec }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// New planned dates for a published campaign (see `model::reschedule`): checked against the
/// phase it is in when the change is written, audited with the old and new dates.
pub async fn reschedule(db: &Db, id: i64, new: Schedule, by: UserId) -> Result<()> {
    let mut tx = db.begin().await?;
    let c = campaign(db, id).await?.ok_or(StoreError::NotFound)?;
    if c.phase == Phase::Draft {
        return Err(StoreError::WrongPhase);
    }
    let s = checked_schedule(c.phase, &c.schedule, new)?;
    let changed = db
        .query(
            "UPDATE budget_campaigns SET informing_at = ?, proposing_at = ?, review_at = ?, \
             voting_at = ?, voting_end_at = ? WHERE id = ? AND phase = ?",
        )
        .bind(s.informing)
        .bind(s.proposing)
        .bind(s.review)
        .bind(s.voting)
        .bind(s.voting_end)
        .bind(id)
        .bind(c.phase.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if changed != 1 {
        // The phase moved meanwhile: the check above no longer holds.
        return Err(StoreError::WrongPhase);
    }
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "budgets.campaign_reschedule",
        &format!("budget_campaign:{id}"),
        json!({ "from": c.schedule, "to": s }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
