//! SQL of the OGP module (one query path for SQLite and PostgreSQL through [`Db`]). Every change
//! runs in one transaction with its audit entry, after checking that the plan is still open, so
//! a change and its record commit together or not at all.

use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::evidence::CheckedFile;
use super::model::{
    CommitmentDraft, Completion, IndicatorDraft, MilestoneDraft, MilestoneKind, MilestoneStatus,
    PlanDraft, PlanStatus, Potential, Rating, values_from_codes, values_to_codes,
};
use crate::platform::audit::{self, Actor as By};
use crate::platform::db::{Db, Tx};
use crate::platform::ids::UserId;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such row.
    #[error("not found")]
    NotFound,
    /// The plan is closed: nothing may be added or changed.
    #[error("the action plan is closed")]
    PlanClosed,
    /// The association is not a member of the plan's multi-stakeholder forum.
    #[error("not a member of the forum")]
    NotInForum,
    /// The organisation is not an association.
    #[error("not an association")]
    NotAnAssociation,
    /// Already there (commitment identifier, forum member, linked meeting).
    #[error("already exists")]
    Duplicate,
    /// A stored value the model does not know (a row written outside the application).
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl StoreError {
    /// The translated message key when the refusal is the user's to fix.
    pub fn key(&self) -> Option<&'static str> {
        match self {
            StoreError::PlanClosed => Some("ogp-error-plan-closed"),
            StoreError::NotInForum => Some("ogp-error-not-in-forum"),
            StoreError::NotAnAssociation => Some("ogp-error-not-association"),
            StoreError::Duplicate => Some("ogp-error-duplicate"),
            _ => None,
        }
    }
}

/// Store result.
pub type Result<T> = std::result::Result<T, StoreError>;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what}: {value:?}"))
}

fn date_of(row: &AnyRow, column: &str) -> Result<Date> {
    let s: String = row.try_get(column)?;
    s.parse().map_err(|_| corrupt(column, &s))
}

fn opt_date_of(row: &AnyRow, column: &str) -> Result<Option<Date>> {
    let s: Option<String> = row.try_get(column)?;
    s.map(|s| s.parse().map_err(|_| corrupt(column, &s)))
        .transpose()
}

fn parse_code<T>(row: &AnyRow, column: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T> {
    let s: String = row.try_get(column)?;
    parse(&s).ok_or_else(|| corrupt(column, &s))
}

fn who(by: Option<UserId>) -> By {
    by.map_or(By::System, |u| By::Account(u.0))
}

async fn audit_in(
    db: &Db,
    tx: &mut Tx,
    by: Option<UserId>,
    action: &str,
    subject: String,
    details: serde_json::Value,
) -> Result<()> {
    audit::record_in(db, tx, who(by), action, &subject, details).await?;
    Ok(())
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// A statement's result, a unique violation (a second identifier, member, link) becoming
/// [`StoreError::Duplicate`].
fn unique<T>(r: std::result::Result<T, sqlx::Error>) -> Result<T> {
    match r {
        Err(e) if is_unique_violation(&e) => Err(StoreError::Duplicate),
        other => Ok(other?),
    }
}

/// Ends a change: writes its audit entry in the same transaction, then commits both.
async fn commit_audited(
    db: &Db,
    mut tx: Tx,
    by: Option<UserId>,
    action: &str,
    subject: String,
    details: serde_json::Value,
) -> Result<()> {
    audit_in(db, &mut tx, by, action, subject, details).await?;
    tx.commit().await?;
    Ok(())
}

/// Links a row to a plan (a forum member, a meeting): runs `insert` with the plan, the
/// linked id, the author and the time (a second link is [`StoreError::Duplicate`]), then
/// audits it as `action` with `{ key: linked }` and commits.
#[allow(clippy::too_many_arguments)]
async fn link_to_plan(
    db: &Db,
    mut tx: Tx,
    insert: &str,
    plan_id: i64,
    (key, linked): (&str, i64),
    by: Option<UserId>,
    now: i64,
    action: &str,
) -> Result<()> {
    unique(
        db.query(insert)
            .bind(plan_id)
            .bind(linked)
            .bind(by.map(|u| u.0))
            .bind(now)
            .execute(&mut *tx)
            .await,
    )?;
    let mut details = serde_json::Map::new();
    details.insert(key.to_string(), json!(linked));
    commit_audited(
        db,
        tx,
        by,
        action,
        format!("ogp_plan:{plan_id}"),
        details.into(),
    )
    .await
}

/// The fields that differ between two versions of a record, as `{ field: [old, new] }`, for
/// the audit entry of a correction.
fn changes(old: &[(&'static str, String)], new: &[(&'static str, String)]) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for ((field, before), (_, after)) in old.iter().zip(new) {
        if before != after {
            out.insert((*field).to_string(), json!([before, after]));
        }
    }
    out.into()
}

// ---------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------

/// An action plan with its body's names.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Id.
    pub id: i64,
    /// The body (a council).
    pub organisation_id: i64,
    /// The body's code.
    pub organisation_code: String,
    /// The body's name in Arabic and French.
    pub organisation_name: (String, String),
    /// The plan as written.
    pub draft: PlanDraft,
    /// Open or closed.
    pub status: PlanStatus,
    /// Demo data.
    pub demo: bool,
}

const PLAN_COLUMNS: &str = "p.id, p.organisation_id, o.code AS o_code, o.name_ar AS o_ar, \
    o.name_fr AS o_fr, p.title, p.starts_on, p.ends_on, p.status, p.co_creation, \
    p.participants, p.contributions, p.demo";

fn plan_from(row: &AnyRow) -> Result<Plan> {
    Ok(Plan {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_code: row.try_get("o_code")?,
        organisation_name: (row.try_get("o_ar")?, row.try_get("o_fr")?),
        draft: PlanDraft {
            title: row.try_get("title")?,
            starts_on: date_of(row, "starts_on")?,
            ends_on: date_of(row, "ends_on")?,
            co_creation: row.try_get("co_creation")?,
            participants: row.try_get("participants")?,
            contributions: row.try_get("contributions")?,
        },
        status: parse_code(row, "status", PlanStatus::parse)?,
        demo: row.try_get::<i64, _>("demo")? != 0,
    })
}

/// Creates an action plan of `organisation_id`.
pub async fn create_plan(
    db: &Db,
    organisation_id: i64,
    d: &PlanDraft,
    demo: bool,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query(
            "INSERT INTO ogp_plans (organisation_id, title, starts_on, ends_on, status, \
             co_creation, participants, contributions, demo, created_by, created_at, updated_at) \
             VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(organisation_id)
        .bind(d.title.clone())
        .bind(d.starts_on.to_string())
        .bind(d.ends_on.to_string())
        .bind(d.co_creation.clone())
        .bind(d.participants)
        .bind(d.contributions)
        .bind(i64::from(demo))
        .bind(by.map(|u| u.0))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.plan_create",
        format!("ogp_plan:{id}"),
        json!({ "organisation": organisation_id, "title": d.title,
                "period": [d.starts_on.to_string(), d.ends_on.to_string()] }),
    )
    .await?;
    Ok(id)
}

/// Every plan, newest period first.
pub async fn plans(db: &Db) -> Result<Vec<Plan>> {
    let rows = db
        .query(&format!(
            "SELECT {PLAN_COLUMNS} FROM ogp_plans p JOIN organisations o ON o.id = p.organisation_id \
             ORDER BY p.starts_on DESC, p.id DESC"
        ))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(plan_from).collect()
}

/// One plan.
pub async fn plan(db: &Db, id: i64) -> Result<Option<Plan>> {
    let row = db
        .query(&format!(
            "SELECT {PLAN_COLUMNS} FROM ogp_plans p JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(plan_from).transpose()
}

/// Refuses when the plan is missing or closed (inside the change's transaction).
async fn ensure_open(db: &Db, tx: &mut Tx, plan_id: i64) -> Result<()> {
    let status: Option<String> = db
        .query_scalar("SELECT status FROM ogp_plans WHERE id = ?")
        .bind(plan_id)
        .fetch_optional(&mut **tx)
        .await?;
    match status.as_deref().map(PlanStatus::parse) {
        None => Err(StoreError::NotFound),
        Some(Some(PlanStatus::Open)) => Ok(()),
        Some(Some(PlanStatus::Closed)) => Err(StoreError::PlanClosed),
        Some(None) => Err(corrupt("status", status.as_deref().unwrap_or_default())),
    }
}

/// The plan of a commitment, refusing when it is closed.
async fn open_plan_of_commitment(db: &Db, tx: &mut Tx, commitment_id: i64) -> Result<i64> {
    let plan_id: Option<i64> = db
        .query_scalar("SELECT plan_id FROM ogp_commitments WHERE id = ?")
        .bind(commitment_id)
        .fetch_optional(&mut **tx)
        .await?;
    let plan_id = plan_id.ok_or(StoreError::NotFound)?;
    ensure_open(db, tx, plan_id).await?;
    Ok(plan_id)
}

/// Closes a plan: from then on it is read-only.
pub async fn close_plan(db: &Db, id: i64, by: Option<UserId>, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    ensure_open(db, &mut tx, id).await?;
    db.query("UPDATE ogp_plans SET status = 'closed', updated_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.plan_close",
        format!("ogp_plan:{id}"),
        json!({}),
    )
    .await
}

/// A member association of a plan's forum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForumMember {
    /// The association.
    pub association_id: i64,
    /// Its code.
    pub code: String,
    /// Its name in Arabic and French.
    pub name: (String, String),
}

/// Adds an association to the plan's multi-stakeholder forum.
pub async fn add_forum_member(
    db: &Db,
    plan_id: i64,
    association_id: i64,
    by: Option<UserId>,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    ensure_open(db, &mut tx, plan_id).await?;
    let kind: Option<String> = db
        .query_scalar("SELECT kind FROM organisations WHERE id = ?")
        .bind(association_id)
        .fetch_optional(&mut *tx)
        .await?;
    match kind.as_deref() {
        None => return Err(StoreError::NotFound),
        Some("association") => {}
        Some(_) => return Err(StoreError::NotAnAssociation),
    }
    link_to_plan(
        db,
        tx,
        "INSERT INTO ogp_forum_members (plan_id, association_id, added_by, added_at) \
         VALUES (?, ?, ?, ?)",
        plan_id,
        ("association", association_id),
        by,
        now,
        "ogp.forum_add",
    )
    .await
}

/// The forum's member associations, by French name.
pub async fn forum(db: &Db, plan_id: i64) -> Result<Vec<ForumMember>> {
    let rows = db
        .query(
            "SELECT o.id, o.code, o.name_ar, o.name_fr FROM ogp_forum_members f \
             JOIN organisations o ON o.id = f.association_id WHERE f.plan_id = ? \
             ORDER BY o.name_fr",
        )
        .bind(plan_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ForumMember {
                association_id: r.try_get("id")?,
                code: r.try_get("code")?,
                name: (r.try_get("name_ar")?, r.try_get("name_fr")?),
            })
        })
        .collect()
}

/// A meeting of the plan's co-creation or forum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEvent {
    /// The event.
    pub event_id: i64,
    /// Its title.
    pub title: String,
    /// When it started.
    pub starts_at: i64,
}

/// Links a meeting (an event of the meetings module) to the plan's co-creation record.
pub async fn link_event(
    db: &Db,
    plan_id: i64,
    event_id: i64,
    by: Option<UserId>,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    ensure_open(db, &mut tx, plan_id).await?;
    let exists: Option<i64> = db
        .query_scalar("SELECT id FROM events WHERE id = ?")
        .bind(event_id)
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        return Err(StoreError::NotFound);
    }
    link_to_plan(
        db,
        tx,
        "INSERT INTO ogp_plan_events (plan_id, event_id, linked_by, linked_at) VALUES (?, ?, ?, ?)",
        plan_id,
        ("event", event_id),
        by,
        now,
        "ogp.event_link",
    )
    .await
}

/// The plan's linked meetings, in date order.
pub async fn plan_events(db: &Db, plan_id: i64) -> Result<Vec<PlanEvent>> {
    let rows = db
        .query(
            "SELECT e.id, e.title, e.starts_at FROM ogp_plan_events pe \
             JOIN events e ON e.id = pe.event_id WHERE pe.plan_id = ? ORDER BY e.starts_at",
        )
        .bind(plan_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(PlanEvent {
                event_id: r.try_get("id")?,
                title: r.try_get("title")?,
                starts_at: r.try_get("starts_at")?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Commitments
// ---------------------------------------------------------------------------------------------

/// A commitment as stored.
#[derive(Debug, Clone)]
pub struct Commitment {
    /// Id.
    pub id: i64,
    /// Its plan.
    pub plan_id: i64,
    /// The OGP fields.
    pub draft: CommitmentDraft,
    /// When its last progress update was written, if ever.
    pub last_update_at: Option<i64>,
}

const COMMITMENT_COLUMNS: &str = "c.id, c.plan_id, c.code, c.title, c.problem, c.status_quo, \
    c.action, c.how_it_solves, c.ogp_values, c.lead_institution, c.supporting_institutions, \
    c.starts_on, c.ends_on, \
    (SELECT MAX(u.created_at) FROM ogp_updates u WHERE u.commitment_id = c.id) AS last_update_at";

fn commitment_from(row: &AnyRow) -> Result<Commitment> {
    let values: String = row.try_get("ogp_values")?;
    Ok(Commitment {
        id: row.try_get("id")?,
        plan_id: row.try_get("plan_id")?,
        draft: CommitmentDraft {
            code: row.try_get("code")?,
            title: row.try_get("title")?,
            problem: row.try_get("problem")?,
            status_quo: row.try_get("status_quo")?,
            action: row.try_get("action")?,
            how_it_solves: row.try_get("how_it_solves")?,
            values: values_from_codes(&values).ok_or_else(|| corrupt("ogp_values", &values))?,
            lead_institution: row.try_get("lead_institution")?,
            supporting_institutions: row.try_get("supporting_institutions")?,
            starts_on: date_of(row, "starts_on")?,
            ends_on: date_of(row, "ends_on")?,
        },
        last_update_at: row.try_get("last_update_at")?,
    })
}

/// Adds a commitment to an open plan; its identifier is unique within the plan.
pub async fn create_commitment(
    db: &Db,
    plan_id: i64,
    d: &CommitmentDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    ensure_open(db, &mut tx, plan_id).await?;
    let inserted = db
        .query(
            "INSERT INTO ogp_commitments (plan_id, code, title, problem, status_quo, action, \
             how_it_solves, ogp_values, lead_institution, supporting_institutions, starts_on, \
             ends_on, created_by, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(plan_id)
        .bind(d.code.clone())
        .bind(d.title.clone())
        .bind(d.problem.clone())
        .bind(d.status_quo.clone())
        .bind(d.action.clone())
        .bind(d.how_it_solves.clone())
        .bind(values_to_codes(&d.values))
        .bind(d.lead_institution.clone())
        .bind(d.supporting_institutions.clone())
        .bind(d.starts_on.to_string())
        .bind(d.ends_on.to_string())
        .bind(by.map(|u| u.0))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await;
    let id: i64 = unique(inserted)?.try_get(0)?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.commitment_create",
        format!("ogp_commitment:{id}"),
        json!({ "plan": plan_id, "code": d.code, "title": d.title,
                "values": values_to_codes(&d.values) }),
    )
    .await?;
    Ok(id)
}

/// The commitments of a plan, by identifier.
pub async fn commitments(db: &Db, plan_id: i64) -> Result<Vec<Commitment>> {
    let rows = db
        .query(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM ogp_commitments c WHERE c.plan_id = ? ORDER BY c.code"
        ))
        .bind(plan_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(commitment_from).collect()
}

/// Every commitment of every plan (for the CSV), by plan then identifier.
pub async fn all_commitments(db: &Db) -> Result<Vec<Commitment>> {
    let rows = db
        .query(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM ogp_commitments c ORDER BY c.plan_id, c.code"
        ))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(commitment_from).collect()
}

/// One commitment.
pub async fn commitment(db: &Db, id: i64) -> Result<Option<Commitment>> {
    let row = db
        .query(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM ogp_commitments c WHERE c.id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(commitment_from).transpose()
}

fn commitment_fields(d: &CommitmentDraft) -> Vec<(&'static str, String)> {
    vec![
        ("code", d.code.clone()),
        ("title", d.title.clone()),
        ("problem", d.problem.clone()),
        ("status_quo", d.status_quo.clone()),
        ("action", d.action.clone()),
        ("how_it_solves", d.how_it_solves.clone()),
        ("values", values_to_codes(&d.values)),
        ("lead_institution", d.lead_institution.clone()),
        ("supporting_institutions", d.supporting_institutions.clone()),
        ("starts_on", d.starts_on.to_string()),
        ("ends_on", d.ends_on.to_string()),
    ]
}

/// Corrects the OGP fields of a commitment of an open plan (an identifier already used in
/// the plan is [`StoreError::Duplicate`]). The audit entry lists every changed field with its
/// old and new value; a correction that changes nothing writes nothing. Returns its plan.
pub async fn update_commitment(
    db: &Db,
    id: i64,
    d: &CommitmentDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let plan_id = open_plan_of_commitment(db, &mut tx, id).await?;
    let row = db
        .query(&format!(
            "SELECT {COMMITMENT_COLUMNS} FROM ogp_commitments c WHERE c.id = ?"
        ))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let old = commitment_from(&row)?.draft;
    let changed = changes(&commitment_fields(&old), &commitment_fields(d));
    if changed.as_object().is_some_and(|m| m.is_empty()) {
        return Ok(plan_id);
    }
    unique(
        db.query(
            "UPDATE ogp_commitments SET code = ?, title = ?, problem = ?, status_quo = ?, \
             action = ?, how_it_solves = ?, ogp_values = ?, lead_institution = ?, \
             supporting_institutions = ?, starts_on = ?, ends_on = ?, updated_at = ? WHERE id = ?",
        )
        .bind(d.code.clone())
        .bind(d.title.clone())
        .bind(d.problem.clone())
        .bind(d.status_quo.clone())
        .bind(d.action.clone())
        .bind(d.how_it_solves.clone())
        .bind(values_to_codes(&d.values))
        .bind(d.lead_institution.clone())
        .bind(d.supporting_institutions.clone())
        .bind(d.starts_on.to_string())
        .bind(d.ends_on.to_string())
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await,
    )?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.commitment_edit",
        format!("ogp_commitment:{id}"),
        json!({ "plan": plan_id, "changes": changed }),
    )
    .await?;
    Ok(plan_id)
}

// ---------------------------------------------------------------------------------------------
// Milestones and improvement actions
// ---------------------------------------------------------------------------------------------

/// A milestone or improvement action.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// Id.
    pub id: i64,
    /// Its commitment.
    pub commitment_id: i64,
    /// As written.
    pub draft: MilestoneDraft,
    /// Where it stands.
    pub status: MilestoneStatus,
    /// When it was completed.
    pub completed_on: Option<Date>,
}

/// Adds a milestone or an improvement action to a commitment of an open plan.
pub async fn add_milestone(
    db: &Db,
    commitment_id: i64,
    d: &MilestoneDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let id: i64 = db
        .query(
            "INSERT INTO ogp_milestones (commitment_id, kind, title, responsible, starts_on, \
             due_on, status, completed_on, created_by, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, 'not_started', NULL, ?, ?, ?) RETURNING id",
        )
        .bind(commitment_id)
        .bind(d.kind.code())
        .bind(d.title.clone())
        .bind(d.responsible.clone())
        .bind(d.starts_on.to_string())
        .bind(d.due_on.to_string())
        .bind(by.map(|u| u.0))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.milestone_add",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "milestone": id, "kind": d.kind.code(), "title": d.title,
                "responsible": d.responsible, "due_on": d.due_on.to_string() }),
    )
    .await?;
    Ok(id)
}

/// Sets where a milestone stands; `completed_on` is kept only for a completed one.
/// Returns its commitment.
pub async fn set_milestone_status(
    db: &Db,
    milestone_id: i64,
    status: MilestoneStatus,
    completed_on: Option<Date>,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let commitment_id: Option<i64> = db
        .query_scalar("SELECT commitment_id FROM ogp_milestones WHERE id = ?")
        .bind(milestone_id)
        .fetch_optional(&mut *tx)
        .await?;
    let commitment_id = commitment_id.ok_or(StoreError::NotFound)?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let completed_on = if status == MilestoneStatus::Completed {
        completed_on
    } else {
        None
    };
    db.query("UPDATE ogp_milestones SET status = ?, completed_on = ?, updated_at = ? WHERE id = ?")
        .bind(status.code())
        .bind(completed_on.map(|d| d.to_string()))
        .bind(now)
        .bind(milestone_id)
        .execute(&mut *tx)
        .await?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.milestone_status",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "milestone": milestone_id, "status": status.code(),
                "completed_on": completed_on.map(|d| d.to_string()) }),
    )
    .await?;
    Ok(commitment_id)
}

fn milestone_from(row: &AnyRow) -> Result<Milestone> {
    Ok(Milestone {
        id: row.try_get("id")?,
        commitment_id: row.try_get("commitment_id")?,
        draft: MilestoneDraft {
            kind: parse_code(row, "kind", MilestoneKind::parse)?,
            title: row.try_get("title")?,
            responsible: row.try_get("responsible")?,
            starts_on: date_of(row, "starts_on")?,
            due_on: date_of(row, "due_on")?,
        },
        status: parse_code(row, "status", MilestoneStatus::parse)?,
        completed_on: opt_date_of(row, "completed_on")?,
    })
}

const MILESTONE_COLUMNS: &str = "m.id, m.commitment_id, m.kind, m.title, m.responsible, \
    m.starts_on, m.due_on, m.status, m.completed_on";

/// One milestone or improvement action.
pub async fn milestone(db: &Db, id: i64) -> Result<Option<Milestone>> {
    let row = db
        .query(&format!(
            "SELECT {MILESTONE_COLUMNS} FROM ogp_milestones m WHERE m.id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(milestone_from).transpose()
}

fn milestone_fields(
    d: &MilestoneDraft,
    status: MilestoneStatus,
    completed_on: Option<Date>,
) -> Vec<(&'static str, String)> {
    vec![
        ("title", d.title.clone()),
        ("responsible", d.responsible.clone()),
        ("starts_on", d.starts_on.to_string()),
        ("due_on", d.due_on.to_string()),
        ("status", status.code().to_string()),
        (
            "completed_on",
            completed_on.map(|c| c.to_string()).unwrap_or_default(),
        ),
    ]
}

/// Corrects a milestone or improvement action of an open plan: what, who, dates and where it
/// stands (its kind stays; `completed_on` is kept only for a completed one). The audit entry
/// lists every changed field with its old and new value; a correction that changes nothing
/// writes nothing. Returns its commitment.
pub async fn update_milestone(
    db: &Db,
    id: i64,
    d: &MilestoneDraft,
    status: MilestoneStatus,
    completed_on: Option<Date>,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let row = db
        .query(&format!(
            "SELECT {MILESTONE_COLUMNS} FROM ogp_milestones m WHERE m.id = ?"
        ))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let old = milestone_from(&row)?;
    open_plan_of_commitment(db, &mut tx, old.commitment_id).await?;
    let completed_on = completed_on.filter(|_| status == MilestoneStatus::Completed);
    let changed = changes(
        &milestone_fields(&old.draft, old.status, old.completed_on),
        &milestone_fields(d, status, completed_on),
    );
    if changed.as_object().is_some_and(|m| m.is_empty()) {
        return Ok(old.commitment_id);
    }
    db.query(
        "UPDATE ogp_milestones SET title = ?, responsible = ?, starts_on = ?, due_on = ?, \
         status = ?, completed_on = ?, updated_at = ? WHERE id = ?",
    )
    .bind(d.title.clone())
    .bind(d.responsible.clone())
    .bind(d.starts_on.to_string())
    .bind(d.due_on.to_string())
    .bind(status.code())
    .bind(completed_on.map(|c| c.to_string()))
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.milestone_edit",
        format!("ogp_commitment:{}", old.commitment_id),
        json!({ "milestone": id, "kind": old.draft.kind.code(), "changes": changed }),
    )
    .await?;
    Ok(old.commitment_id)
}

/// The milestones and improvement actions of a commitment, by due date.
pub async fn milestones(db: &Db, commitment_id: i64) -> Result<Vec<Milestone>> {
    let rows = db
        .query(&format!(
            "SELECT {MILESTONE_COLUMNS} FROM ogp_milestones m WHERE m.commitment_id = ? \
             ORDER BY m.due_on, m.id"
        ))
        .bind(commitment_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(milestone_from).collect()
}

/// Every milestone of a plan's commitments.
pub async fn plan_milestones(db: &Db, plan_id: i64) -> Result<Vec<Milestone>> {
    let rows = db
        .query(&format!(
            "SELECT {MILESTONE_COLUMNS} FROM ogp_milestones m \
             JOIN ogp_commitments c ON c.id = m.commitment_id WHERE c.plan_id = ? \
             ORDER BY m.due_on, m.id"
        ))
        .bind(plan_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(milestone_from).collect()
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/// An indicator with its measured values (oldest first).
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Id.
    pub id: i64,
    /// Its commitment.
    pub commitment_id: i64,
    /// As defined.
    pub draft: IndicatorDraft,
    /// (date, value), oldest first.
    pub values: Vec<(Date, f64)>,
}

/// Adds an indicator to a commitment of an open plan.
pub async fn add_indicator(
    db: &Db,
    commitment_id: i64,
    d: &IndicatorDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let id: i64 = db
        .query(
            "INSERT INTO ogp_indicators (commitment_id, name, unit, baseline, target, \
             data_source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(commitment_id)
        .bind(d.name.clone())
        .bind(d.unit.clone())
        .bind(d.baseline)
        .bind(d.target)
        .bind(d.data_source.clone())
        .bind(by.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.indicator_add",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "indicator": id, "name": d.name, "baseline": d.baseline, "target": d.target }),
    )
    .await?;
    Ok(id)
}

/// Records a measured value of an indicator; returns its commitment.
pub async fn add_indicator_value(
    db: &Db,
    indicator_id: i64,
    measured_on: Date,
    value: f64,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let commitment_id: Option<i64> = db
        .query_scalar("SELECT commitment_id FROM ogp_indicators WHERE id = ?")
        .bind(indicator_id)
        .fetch_optional(&mut *tx)
        .await?;
    let commitment_id = commitment_id.ok_or(StoreError::NotFound)?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    db.query(
        "INSERT INTO ogp_indicator_values (indicator_id, measured_on, value, recorded_by, \
         recorded_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(indicator_id)
    .bind(measured_on.to_string())
    .bind(value)
    .bind(by.map(|u| u.0))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.indicator_value",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "indicator": indicator_id, "measured_on": measured_on.to_string(), "value": value }),
    )
    .await?;
    Ok(commitment_id)
}

fn indicator_fields(d: &IndicatorDraft) -> Vec<(&'static str, String)> {
    vec![
        ("name", d.name.clone()),
        ("unit", d.unit.clone()),
        ("baseline", d.baseline.to_string()),
        ("target", d.target.to_string()),
        ("data_source", d.data_source.clone()),
    ]
}

fn indicator_draft_from(row: &AnyRow) -> Result<IndicatorDraft> {
    Ok(IndicatorDraft {
        name: row.try_get("name")?,
        unit: row.try_get("unit")?,
        baseline: row.try_get("baseline")?,
        target: row.try_get("target")?,
        data_source: row.try_get("data_source")?,
    })
}

/// One indicator, without its measured values: (its commitment, the definition).
pub async fn indicator(db: &Db, id: i64) -> Result<Option<(i64, IndicatorDraft)>> {
    let row = db
        .query(
            "SELECT commitment_id, name, unit, baseline, target, data_source \
             FROM ogp_indicators WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| Ok((r.try_get("commitment_id")?, indicator_draft_from(&r)?)))
        .transpose()
}

/// Corrects an indicator of an open plan: name, unit, baseline, target and data source (its
/// measured values stay). The audit entry lists every changed field with its old and new
/// value; a correction that changes nothing writes nothing (the table keeps no change time:
/// the audit entry has it). Returns its commitment.
pub async fn update_indicator(
    db: &Db,
    id: i64,
    d: &IndicatorDraft,
    by: Option<UserId>,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let row = db
        .query(
            "SELECT commitment_id, name, unit, baseline, target, data_source \
             FROM ogp_indicators WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let commitment_id: i64 = row.try_get("commitment_id")?;
    let old = indicator_draft_from(&row)?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let changed = changes(&indicator_fields(&old), &indicator_fields(d));
    if changed.as_object().is_some_and(|m| m.is_empty()) {
        return Ok(commitment_id);
    }
    db.query(
        "UPDATE ogp_indicators SET name = ?, unit = ?, baseline = ?, target = ?, \
         data_source = ? WHERE id = ?",
    )
    .bind(d.name.clone())
    .bind(d.unit.clone())
    .bind(d.baseline)
    .bind(d.target)
    .bind(d.data_source.clone())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.indicator_edit",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "indicator": id, "changes": changed }),
    )
    .await?;
    Ok(commitment_id)
}

/// The indicators of a commitment with their values.
pub async fn indicators(db: &Db, commitment_id: i64) -> Result<Vec<Indicator>> {
    let rows = db
        .query(
            "SELECT id, commitment_id, name, unit, baseline, target, data_source \
             FROM ogp_indicators WHERE commitment_id = ? ORDER BY id",
        )
        .bind(commitment_id)
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::new();
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let values = db
            .query(
                "SELECT measured_on, value FROM ogp_indicator_values WHERE indicator_id = ? \
                 ORDER BY measured_on, id",
            )
            .bind(id)
            .fetch_all(db.pool())
            .await?
            .iter()
            .map(|v| Ok((date_of(v, "measured_on")?, v.try_get::<f64, _>("value")?)))
            .collect::<Result<Vec<_>>>()?;
        out.push(Indicator {
            id,
            commitment_id: r.try_get("commitment_id")?,
            draft: indicator_draft_from(r)?,
            values,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Progress updates and evidence
// ---------------------------------------------------------------------------------------------

/// Evidence given with an update.
#[derive(Debug, Clone)]
pub enum NewEvidence {
    /// A checked file.
    File(CheckedFile, Vec<u8>),
    /// A checked link.
    Link(String),
}

/// A piece of evidence as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceItem {
    /// Id (the file is served at `/ogp/evidence/{id}`).
    pub id: i64,
    /// The update it came with.
    pub update_id: Option<i64>,
    /// The link, for a link.
    pub link: Option<String>,
    /// The file name, for a file.
    pub file_name: Option<String>,
    /// Size in bytes (0 for a link).
    pub size: i64,
}

/// A progress update with its evidence.
#[derive(Debug, Clone)]
pub struct Update {
    /// Id.
    pub id: i64,
    /// What was done.
    pub body: String,
    /// Who wrote it.
    pub author: Option<String>,
    /// When.
    pub created_at: i64,
    /// Its evidence.
    pub evidence: Vec<EvidenceItem>,
}

/// Records a progress update with its evidence on a commitment of an open plan.
pub async fn add_update(
    db: &Db,
    commitment_id: i64,
    body: &str,
    evidence: &[NewEvidence],
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let id: i64 = db
        .query(
            "INSERT INTO ogp_updates (commitment_id, body, created_by, created_at) \
             VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(commitment_id)
        .bind(body.to_string())
        .bind(by.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    let mut listed = Vec::new();
    for e in evidence {
        let (link, name, ctype, content, size) = match e {
            NewEvidence::Link(l) => (Some(l.clone()), None, None, None, 0i64),
            NewEvidence::File(f, bytes) => (
                None,
                Some(f.file_name.clone()),
                Some(f.kind.content_type.to_string()),
                Some(bytes.clone()),
                bytes.len() as i64,
            ),
        };
        listed.push(json!({ "link": link, "file": name, "size": size }));
        db.query(
            "INSERT INTO ogp_evidence (commitment_id, update_id, link, file_name, content_type, \
             content, size, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(commitment_id)
        .bind(id)
        .bind(link)
        .bind(name)
        .bind(ctype)
        .bind(content)
        .bind(size)
        .bind(by.map(|u| u.0))
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    commit_audited(
        db,
        tx,
        by,
        "ogp.update",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "update": id, "evidence": listed }),
    )
    .await?;
    Ok(id)
}

/// The updates of a commitment, newest first, with their evidence.
pub async fn updates(db: &Db, commitment_id: i64) -> Result<Vec<Update>> {
    let rows = db
        .query(
            "SELECT u.id, u.body, u.created_at, us.display_name FROM ogp_updates u \
             LEFT JOIN users us ON us.id = u.created_by WHERE u.commitment_id = ? \
             ORDER BY u.created_at DESC, u.id DESC",
        )
        .bind(commitment_id)
        .fetch_all(db.pool())
        .await?;
    let evidence = evidence_of(db, commitment_id).await?;
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            Ok(Update {
                id,
                body: r.try_get("body")?,
                author: r.try_get("display_name")?,
                created_at: r.try_get("created_at")?,
                evidence: evidence
                    .iter()
                    .filter(|e| e.update_id == Some(id))
                    .cloned()
                    .collect(),
            })
        })
        .collect()
}

/// Every piece of evidence of a commitment (without file contents).
pub async fn evidence_of(db: &Db, commitment_id: i64) -> Result<Vec<EvidenceItem>> {
    let rows = db
        .query(
            "SELECT id, update_id, link, file_name, size FROM ogp_evidence \
             WHERE commitment_id = ? ORDER BY id",
        )
        .bind(commitment_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(EvidenceItem {
                id: r.try_get("id")?,
                update_id: r.try_get("update_id")?,
                link: r.try_get("link")?,
                file_name: r.try_get("file_name")?,
                size: r.try_get("size")?,
            })
        })
        .collect()
}

/// An evidence file: (name, content type, bytes). `None` for a link or a missing id.
pub async fn evidence_file(db: &Db, id: i64) -> Result<Option<(String, String, Vec<u8>)>> {
    let row = db
        .query(
            "SELECT file_name, content_type, content FROM ogp_evidence \
             WHERE id = ? AND content IS NOT NULL",
        )
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| {
        Ok((
            r.try_get::<Option<String>, _>("file_name")?
                .unwrap_or_default(),
            r.try_get::<Option<String>, _>("content_type")?
                .unwrap_or_default(),
            r.try_get::<Option<Vec<u8>>, _>("content")?
                .unwrap_or_default(),
        ))
    })
    .transpose()
}

// ---------------------------------------------------------------------------------------------
// Self-assessment and civil-society review
// ---------------------------------------------------------------------------------------------

/// A recorded rating: the self-assessment, or an association's review.
#[derive(Debug, Clone)]
pub struct RatingRecord {
    /// Id.
    pub id: i64,
    /// Its commitment.
    pub commitment_id: i64,
    /// For a review: the association and its names (Arabic, French).
    pub association: Option<(i64, String, String)>,
    /// The rating.
    pub rating: Rating,
    /// Who recorded it.
    pub author: Option<String>,
    /// When.
    pub at: i64,
}

fn rating_from(row: &AnyRow) -> Result<Rating> {
    let values: String = row.try_get("relevant_values")?;
    Ok(Rating {
        completion: parse_code(row, "completion", Completion::parse)?,
        potential: parse_code(row, "potential", Potential::parse)?,
        relevant_values: values_from_codes(&values)
            .ok_or_else(|| corrupt("relevant_values", &values))?,
        narrative: row.try_get("narrative")?,
        evidence_link: row.try_get("evidence_link")?,
    })
}

/// Records the staff's self-assessment of a commitment of an open plan.
pub async fn record_assessment(
    db: &Db,
    commitment_id: i64,
    r: &Rating,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let id: i64 = db
        .query(
            "INSERT INTO ogp_assessments (commitment_id, completion, potential, relevant_values, \
             narrative, evidence_link, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) \
             RETURNING id",
        )
        .bind(commitment_id)
        .bind(r.completion.code())
        .bind(r.potential.code())
        .bind(values_to_codes(&r.relevant_values))
        .bind(r.narrative.clone())
        .bind(r.evidence_link.clone())
        .bind(by.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.assessment",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "assessment": id, "completion": r.completion.code(),
                "potential": r.potential.code(),
                "relevant_values": values_to_codes(&r.relevant_values) }),
    )
    .await?;
    Ok(id)
}

/// Records an association's review of a commitment; the association must be a member of the
/// plan's forum and the plan open.
pub async fn record_review(
    db: &Db,
    commitment_id: i64,
    association_id: i64,
    r: &Rating,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let plan_id = open_plan_of_commitment(db, &mut tx, commitment_id).await?;
    let member: Option<i64> = db
        .query_scalar("SELECT id FROM ogp_forum_members WHERE plan_id = ? AND association_id = ?")
        .bind(plan_id)
        .bind(association_id)
        .fetch_optional(&mut *tx)
        .await?;
    if member.is_none() {
        return Err(StoreError::NotInForum);
    }
    let id: i64 = db
        .query(
            "INSERT INTO ogp_reviews (commitment_id, association_id, completion, potential, \
             relevant_values, narrative, evidence_link, reviewed_by, reviewed_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(commitment_id)
        .bind(association_id)
        .bind(r.completion.code())
        .bind(r.potential.code())
        .bind(values_to_codes(&r.relevant_values))
        .bind(r.narrative.clone())
        .bind(r.evidence_link.clone())
        .bind(by.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    commit_audited(
        db,
        tx,
        by,
        "ogp.review",
        format!("ogp_commitment:{commitment_id}"),
        json!({ "review": id, "association": association_id,
                "completion": r.completion.code(), "potential": r.potential.code() }),
    )
    .await?;
    Ok(id)
}

/// The latest self-assessment of a commitment.
pub async fn latest_assessment(db: &Db, commitment_id: i64) -> Result<Option<RatingRecord>> {
    let row = db
        .query(
            "SELECT a.id, a.commitment_id, a.completion, a.potential, a.relevant_values, \
             a.narrative, a.evidence_link, a.assessed_at, u.display_name FROM ogp_assessments a \
             LEFT JOIN users u ON u.id = a.assessed_by WHERE a.commitment_id = ? \
             ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1",
        )
        .bind(commitment_id)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| {
        Ok(RatingRecord {
            id: r.try_get("id")?,
            commitment_id: r.try_get("commitment_id")?,
            association: None,
            rating: rating_from(&r)?,
            author: r.try_get("display_name")?,
            at: r.try_get("assessed_at")?,
        })
    })
    .transpose()
}

/// The latest review of each association for a commitment, by association name.
pub async fn latest_reviews(db: &Db, commitment_id: i64) -> Result<Vec<RatingRecord>> {
    let rows = db
        .query(
            "SELECT r.id, r.commitment_id, r.association_id, o.name_ar, o.name_fr, r.completion, \
             r.potential, r.relevant_values, r.narrative, r.evidence_link, r.reviewed_at, \
             u.display_name FROM ogp_reviews r JOIN organisations o ON o.id = r.association_id \
             LEFT JOIN users u ON u.id = r.reviewed_by WHERE r.commitment_id = ? \
             AND r.id = (SELECT MAX(r2.id) FROM ogp_reviews r2 \
                         WHERE r2.commitment_id = r.commitment_id \
                           AND r2.association_id = r.association_id) \
             ORDER BY o.name_fr",
        )
        .bind(commitment_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(RatingRecord {
                id: r.try_get("id")?,
                commitment_id: r.try_get("commitment_id")?,
                association: Some((
                    r.try_get("association_id")?,
                    r.try_get("name_ar")?,
                    r.try_get("name_fr")?,
                )),
                rating: rating_from(r)?,
                author: r.try_get("display_name")?,
                at: r.try_get("reviewed_at")?,
            })
        })
        .collect()
}

/// The ids of the member associations of the plan's forum.
pub async fn forum_ids(db: &Db, plan_id: i64) -> Result<Vec<i64>> {
    Ok(db
        .query_scalar("SELECT association_id FROM ogp_forum_members WHERE plan_id = ?")
        .bind(plan_id)
        .fetch_all(db.pool())
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Lookups for the forms, and everything about a plan at once
// ---------------------------------------------------------------------------------------------

/// An organisation offered in a form: (id, code, Arabic name, French name).
pub type OrgChoice = (i64, String, String, String);

/// Organisations of a kind (`council`, `association`…), by French name.
pub async fn organisations_of_kind(db: &Db, kind: &str) -> Result<Vec<OrgChoice>> {
    Ok(db
        .query_as(
            "SELECT id, code, name_ar, name_fr FROM organisations WHERE kind = ? ORDER BY name_fr",
        )
        .bind(kind.to_string())
        .fetch_all(db.pool())
        .await?)
}

/// Meetings that may be linked to a plan's co-creation record: (id, title, start), newest
/// first (at most 200).
pub async fn linkable_events(db: &Db) -> Result<Vec<(i64, String, i64)>> {
    Ok(db
        .query_as("SELECT id, title, starts_at FROM events ORDER BY starts_at DESC LIMIT 200")
        .fetch_all(db.pool())
        .await?)
}

/// One commitment with everything recorded about it.
#[derive(Debug, Clone)]
pub struct CommitmentBundle {
    /// The commitment.
    pub commitment: Commitment,
    /// Its milestones and improvement actions.
    pub milestones: Vec<Milestone>,
    /// Its indicators.
    pub indicators: Vec<Indicator>,
    /// Its progress updates, newest first.
    pub updates: Vec<Update>,
    /// The latest self-assessment.
    pub assessment: Option<RatingRecord>,
    /// The latest review of each association.
    pub reviews: Vec<RatingRecord>,
}

/// Loads everything about one commitment.
pub async fn commitment_bundle(db: &Db, commitment: Commitment) -> Result<CommitmentBundle> {
    let id = commitment.id;
    Ok(CommitmentBundle {
        milestones: milestones(db, id).await?,
        indicators: indicators(db, id).await?,
        updates: updates(db, id).await?,
        assessment: latest_assessment(db, id).await?,
        reviews: latest_reviews(db, id).await?,
        commitment,
    })
}

/// A plan with its forum, meetings and every commitment's record (report, JSON, PDF).
#[derive(Debug, Clone)]
pub struct PlanBundle {
    /// The plan.
    pub plan: Plan,
    /// Its forum.
    pub forum: Vec<ForumMember>,
    /// Its linked meetings.
    pub events: Vec<PlanEvent>,
    /// Its commitments, by identifier.
    pub commitments: Vec<CommitmentBundle>,
}

/// Loads a plan and everything in it.
pub async fn plan_bundle(db: &Db, plan_id: i64) -> Result<Option<PlanBundle>> {
    let Some(p) = plan(db, plan_id).await? else {
        return Ok(None);
    };
    let mut list = Vec::new();
    for c in commitments(db, plan_id).await? {
        list.push(commitment_bundle(db, c).await?);
    }
    Ok(Some(PlanBundle {
        forum: forum(db, plan_id).await?,
        events: plan_events(db, plan_id).await?,
        commitments: list,
        plan: p,
    }))
}
