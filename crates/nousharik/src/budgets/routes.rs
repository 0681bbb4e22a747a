//! HTTP: the published forms of a counted budget. `/budgets/{id}/ballots.pb` (the anonymised
//! ballots as a Pabulib file, with each ballot's receipt hash as `voter_id`) and
//! `/budgets/{id}/results.json` (the result document with every project's reasons). Both
//! exist only once voting has closed: before that, receipt hashes and partial counts stay
//! unpublished.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::model::Phase;
use super::{publish, store};
use crate::platform::{AppError, AppState};

/// The budget routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/budgets/{id}/ballots.pb", get(ballots_pb))
        .route("/budgets/{id}/results.json", get(results_json))
}

/// Parses the `{id}` segment (anything else is a 404, never a 500).
fn id(raw: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

async fn closed_budget(state: &AppState, raw: &str) -> Result<i64, AppError> {
    let budget_id = id(raw)?;
    let (campaign, _) = store::budget(&state.db, budget_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    if matches!(campaign.phase, Phase::Counting | Phase::Implementation) {
        Ok(budget_id)
    } else {
        Err(AppError::NotFound)
    }
}

fn internal<E: std::error::Error + Send + Sync + 'static>(e: E) -> AppError {
    AppError::Internal(anyhow::Error::new(e))
}

async fn ballots_pb(
    State(state): State<AppState>,
    Path(raw): Path<String>,
) -> Result<Response, AppError> {
    let budget_id = closed_budget(&state, &raw).await?;
    let text = publish::ballots_file(&state.db, budget_id)
        .await
        .map_err(internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"budget-{budget_id}.pb\""),
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
    let budget_id = closed_budget(&state, &raw).await?;
    let (_, _, json) = store::result(&state.db, budget_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}
