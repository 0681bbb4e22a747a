//! Counting a budget from the database and publishing it: loads the projects on the ballot
//! and the stored ballots, builds the Pabulib election (`count::election`), counts it with
//! the campaign's rule and stores the result document. The ballot file served at
//! `/budgets/{id}/ballots.pb` is built by the same function from the same rows, so the file
//! and the result always agree.

use super::count::{self, BudgetResult, CountError, CountInput, CountProject};
use super::store::{self, Budget, Campaign, ProjectState, StoreError};
use crate::platform::db::Db;
use crate::platform::ids::UserId;

/// Why a count failed.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The store failed or the budget is unknown.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The engine refused the stored data.
    #[error(transparent)]
    Count(#[from] CountError),
    /// Counting before voting closed.
    #[error("voting is not closed")]
    NotClosed,
}

/// Loads what counting a budget needs: its campaign, the projects on its ballot and the stored
/// ballots.
pub(crate) async fn load(
    db: &Db,
    budget_id: i64,
) -> Result<(Campaign, Budget, Vec<CountProject>, Vec<(String, String)>), PublishError> {
    let (campaign, budget) = store::budget(db, budget_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let projects = store::projects(db, campaign.id)
        .await?
        .into_iter()
        .filter(|p| p.budget_id == budget_id && p.state == ProjectState::Feasible)
        .map(|p| CountProject {
            id: p.id,
            cost: p.cost(),
            title: p.title,
            category: p.category,
        })
        .collect();
    let ballots = store::ballots(db, budget_id).await?;
    Ok((campaign, budget, projects, ballots))
}

/// The engine's input for a loaded budget.
pub(crate) fn input<'a>(
    c: &'a Campaign,
    b: &'a Budget,
    projects: &'a [CountProject],
    ballots: &'a [(String, String)],
) -> CountInput<'a> {
    CountInput {
        budget_id: b.id,
        budget_name: &b.name,
        campaign_title: &c.title,
        amount: b.amount,
        ballot: c.ballot,
        rule: c.rule,
        voting: (c.schedule.voting, c.schedule.voting_end),
        projects,
        ballots,
    }
}

/// The anonymised ballots of a budget as a Pabulib file.
pub async fn ballots_file(db: &Db, budget_id: i64) -> Result<String, PublishError> {
    let (c, b, projects, ballots) = load(db, budget_id).await?;
    let election = count::election(&input(&c, &b, &projects, &ballots))?;
    Ok(pb::pabulib::to_string(&election))
}

/// Counts a budget (campaign in its counting phase) and stores the published result.
pub async fn count_budget(
    db: &Db,
    budget_id: i64,
    by: Option<UserId>,
    now: i64,
) -> Result<BudgetResult, PublishError> {
    let (c, b, projects, ballots) = load(db, budget_id).await?;
    if c.phase != super::model::Phase::Counting {
        return Err(PublishError::NotClosed);
    }
    let election = count::election(&input(&c, &b, &projects, &ballots))?;
    let result = count::count(&election, c.rule, c.ballot, b.id, &b.name, &projects)?;
    let json =
        serde_json::to_string_pretty(&result).map_err(|e| CountError::Engine(e.to_string()))?;
    store::store_result(
        db,
        budget_id,
        ballots.len() as i64,
        &result.funded,
        &json,
        by,
        now,
    )
    .await?;
    Ok(result)
}

/// Counts every budget of a campaign.
pub async fn count_campaign(
    db: &Db,
    campaign_id: i64,
    by: Option<UserId>,
    now: i64,
) -> Result<Vec<BudgetResult>, PublishError> {
    let c = store::campaign(db, campaign_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let mut out = Vec::new();
    for b in &c.budgets {
        out.push(count_budget(db, b.id, by, now).await?);
    }
    Ok(out)
}
