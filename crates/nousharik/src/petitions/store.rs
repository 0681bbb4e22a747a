//! Petition storage: rule sets, petitions, signatures (online and paper), history, warnings.
//!
//! One SQL text per query, `?` placeholders, for SQLite and PostgreSQL alike (see
//! `platform::db`). State changes are compare-and-set on the current state inside a write
//! transaction, together with their history row and audit entry, so two people acting at once
//! cannot both move a petition, and nothing is half-recorded.

use jiff::civil::Date;
use serde_json::json;

use super::model::procedure::{Addressee, PetitionKind, PetitionState, TransitionKind};
use super::model::rules::{
    CouncilFacts, CouncilLevel, NationalKind, Requirement, RuleBook, RuleSet,
};
use crate::platform::audit;
use crate::platform::db::{Db, Tx};

/// Storage errors of the petition module.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    /// A stored value does not parse (a bug or a manual edit).
    #[error("corrupt petition data: {0}")]
    Corrupt(String),
    /// The petition changed state meanwhile (someone else acted first).
    #[error("the petition changed meanwhile")]
    Conflict,
    /// A rule set for that date already exists.
    #[error("a rule set already takes effect on that date")]
    DuplicateRuleSet,
    /// The rule set is inconsistent.
    #[error(transparent)]
    Rules(#[from] super::model::rules::RuleError),
}

/// Result alias.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_unique_violation())
}

fn flag(b: bool) -> i64 {
    i64::from(b)
}

// ---------------------------------------------------------------------------------------------
// Rule sets
// ---------------------------------------------------------------------------------------------

/// A rule set as stored.
#[derive(Debug, Clone)]
pub struct StoredRuleSet {
    /// Row id.
    pub id: i64,
    /// The rules.
    pub rules: RuleSet,
    /// Who added it (none for the built-in one).
    pub created_by: Option<i64>,
    /// When.
    pub created_at: i64,
}

#[derive(sqlx::FromRow)]
struct RuleSetRow {
    id: i64,
    body: String,
    created_by: Option<i64>,
    created_at: i64,
}

impl RuleSetRow {
    fn parse(self) -> Result<StoredRuleSet> {
        let rules = serde_json::from_str(&self.body)
            .map_err(|e| StoreError::Corrupt(format!("rule set {}: {e}", self.id)))?;
        Ok(StoredRuleSet {
            id: self.id,
            rules,
            created_by: self.created_by,
            created_at: self.created_at,
        })
    }
}

/// Adds a rule set version after validating it.
pub async fn add_rule_set(db: &Db, rules: &RuleSet, by: Option<i64>, now: i64) -> Result<i64> {
    rules.validate()?;
    let body = serde_json::to_string(rules).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut tx = db.begin().await?;
    let id = db
        .query_scalar::<i64>(
            "INSERT INTO petition_rule_sets (name, effective_from, body, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(rules.name.clone())
        .bind(rules.effective_from.to_string())
        .bind(body)
        .bind(by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::DuplicateRuleSet
            } else {
                e.into()
            }
        })?;
    let actor = by.map_or(audit::Actor::System, audit::Actor::Account);
    let details = json!({ "name": rules.name, "effective_from": rules.effective_from.to_string() });
    audit::record_in(
        db,
        &mut tx,
        actor,
        "petition.rule_set.add",
        &format!("petition_rule_set:{id}"),
        details,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Makes sure the built-in rule set exists (first start, tests, demo); returns its id.
pub async fn ensure_default_rule_set(db: &Db, now: i64) -> Result<i64> {
    let builtin = RuleSet::organic_laws_2015();
    let existing: Option<i64> = db
        .query_scalar("SELECT id FROM petition_rule_sets WHERE effective_from = ?")
        .bind(builtin.effective_from.to_string())
        .fetch_optional(db.pool())
        .await?;
    match existing {
        Some(id) => Ok(id),
        None => match add_rule_set(db, &builtin, None, now).await {
            // Another process inserted it at the same moment.
            Err(StoreError::DuplicateRuleSet) => Box::pin(ensure_default_rule_set(db, now)).await,
            other => other,
        },
    }
}

/// Every rule set, oldest first.
pub async fn rule_sets(db: &Db) -> Result<Vec<StoredRuleSet>> {
    db.query_as::<RuleSetRow>(
        "SELECT id, body, created_by, created_at FROM petition_rule_sets ORDER BY effective_from",
    )
    .fetch_all(db.pool())
    .await?
    .into_iter()
    .map(RuleSetRow::parse)
    .collect()
}

/// One rule set by id.
pub async fn rule_set(db: &Db, id: i64) -> Result<Option<StoredRuleSet>> {
    db.query_as::<RuleSetRow>(
        "SELECT id, body, created_by, created_at FROM petition_rule_sets WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?
    .map(RuleSetRow::parse)
    .transpose()
}

/// The rule set in force on `date`, with its id.
pub async fn rule_set_in_force(db: &Db, date: Date) -> Result<StoredRuleSet> {
    let all = rule_sets(db).await?;
    let book = RuleBook::new(all.iter().map(|s| s.rules.clone()).collect());
    let rules = book.in_force(date)?;
    all.into_iter()
        .find(|s| s.rules.effective_from == rules.effective_from)
        .ok_or_else(|| StoreError::Corrupt("rule book lost a rule set".into()))
}

// ---------------------------------------------------------------------------------------------
// Territories and councils (read-only views of the territory and accounts tables)
// ---------------------------------------------------------------------------------------------

/// A council a petition may be addressed to, with what the rules need.
#[derive(Debug, Clone)]
pub struct Council {
    /// The council organisation.
    pub id: i64,
    /// Its territory.
    pub territory_id: i64,
    /// The territory's code (used in receipt numbers).
    pub territory_code: String,
    /// Facts for the rules.
    pub facts: CouncilFacts,
    /// The council's bureau, if registered.
    pub bureau_id: Option<i64>,
    /// Its standing committees.
    pub committees: Vec<i64>,
    /// Its prefectures/provinces (for the regional spread rule), in id order.
    pub subdivisions: Vec<i64>,
}

#[derive(sqlx::FromRow)]
struct CouncilRow {
    id: i64,
    territory_id: i64,
    code: String,
    level: String,
    population: i64,
}

fn council_level(territory_level: &str) -> Option<CouncilLevel> {
    match territory_level {
        "region" => Some(CouncilLevel::Region),
        "prefecture" | "province" => Some(CouncilLevel::PrefectureProvince),
        "commune" => Some(CouncilLevel::Commune),
        _ => None,
    }
}

/// A council by its organisation id (`None` when it is not a council at a petition level).
pub async fn council(db: &Db, council_id: i64) -> Result<Option<Council>> {
    let row: Option<CouncilRow> = db
        .query_as(
            "SELECT o.id, o.territory_id, t.code, t.level, t.population \
             FROM organisations o JOIN territories t ON t.id = o.territory_id \
             WHERE o.id = ? AND o.kind = 'council'",
        )
        .bind(council_id)
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let Some(level) = council_level(&row.level) else {
        return Ok(None);
    };
    let children: Vec<(i64, String)> = db
        .query_as("SELECT id, level FROM territories WHERE parent_id = ? ORDER BY id")
        .bind(row.territory_id)
        .fetch_all(db.pool())
        .await?;
    let has_arrondissements = children.iter().any(|(_, l)| l == "arrondissement");
    let subdivisions: Vec<i64> = children
        .iter()
        .filter(|(_, l)| l == "prefecture" || l == "province")
        .map(|(id, _)| *id)
        .collect();
    let orgs: Vec<(i64, String)> = db
        .query_as(
            "SELECT id, kind FROM organisations WHERE parent_id = ? \
             AND kind IN ('bureau', 'standing_committee') ORDER BY id",
        )
        .bind(row.id)
        .fetch_all(db.pool())
        .await?;
    Ok(Some(Council {
        id: row.id,
        territory_id: row.territory_id,
        territory_code: row.code,
        facts: CouncilFacts {
            level,
            population: u64::try_from(row.population).unwrap_or(0),
            has_arrondissements,
            subdivisions: u32::try_from(subdivisions.len()).unwrap_or(0),
        },
        bureau_id: orgs.iter().find(|(_, k)| k == "bureau").map(|(id, _)| *id),
        committees: orgs
            .iter()
            .filter(|(_, k)| k == "standing_committee")
            .map(|(id, _)| *id)
            .collect(),
        subdivisions,
    }))
}

/// Councils at the petition levels, as (council id, territory id, level).
pub async fn councils(db: &Db) -> Result<Vec<(i64, i64, CouncilLevel)>> {
    let rows: Vec<(i64, i64, String)> = db
        .query_as(
            "SELECT o.id, t.id, t.level FROM organisations o JOIN territories t ON t.id = o.territory_id \
             WHERE o.kind = 'council' ORDER BY t.id",
        )
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(o, t, l)| council_level(&l).map(|level| (o, t, level)))
        .collect())
}

/// A territory and its ancestors, nearest first (at most 8 levels, against bad data loops),
/// in one query.
pub async fn territory_chain(db: &Db, territory_id: i64) -> Result<Vec<i64>> {
    let ids: Vec<i64> = db
        .query_scalar(
            "WITH RECURSIVE chain (id, parent_id, depth) AS ( \
               SELECT id, parent_id, 0 FROM territories WHERE id = ? \
               UNION ALL \
               SELECT t.id, t.parent_id, c.depth + 1 FROM territories t \
               JOIN chain c ON t.id = c.parent_id WHERE c.depth < 8 \
             ) SELECT id FROM chain ORDER BY depth",
        )
        .bind(territory_id)
        .fetch_all(db.pool())
        .await?;
    let mut chain = vec![territory_id];
    for id in ids.into_iter().skip(1) {
        if chain.contains(&id) {
            break;
        }
        chain.push(id);
    }
    Ok(chain)
}

/// The chains of every territory where the user's residence was verified.
pub async fn residence_chains(db: &Db, user_id: i64) -> Result<Vec<Vec<i64>>> {
    let ids: Vec<i64> = db
        .query_scalar("SELECT territory_id FROM resident_verifications WHERE user_id = ? ORDER BY territory_id")
        .bind(user_id)
        .fetch_all(db.pool())
        .await?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        out.push(territory_chain(db, id).await?);
    }
    Ok(out)
}

/// What the association rules need about an association.
#[derive(Debug, Clone)]
pub struct AssociationRecord {
    /// Organisation id.
    pub id: i64,
    /// Creation date.
    pub created_on: Date,
    /// Seat territory.
    pub seat_id: i64,
    /// Branch territories.
    pub branch_ids: Vec<i64>,
    /// Good standing.
    pub good_standing: bool,
    /// Fields of activity.
    pub fields: Vec<String>,
}

/// An association of the registry.
pub async fn association(db: &Db, id: i64) -> Result<Option<AssociationRecord>> {
    let row: Option<(String, String, i64)> = db
        .query_as(
            "SELECT a.created_on, a.standing, o.territory_id FROM associations a \
             JOIN organisations o ON o.id = a.organisation_id WHERE a.organisation_id = ?",
        )
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    let Some((created_on, standing, seat_id)) = row else {
        return Ok(None);
    };
    let created_on: Date = created_on
        .parse()
        .map_err(|e| StoreError::Corrupt(format!("association {id} creation date: {e}")))?;
    let branch_ids = db
        .query_scalar("SELECT territory_id FROM association_branches WHERE organisation_id = ? ORDER BY territory_id")
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    let fields = db
        .query_scalar(
            "SELECT field FROM association_fields WHERE organisation_id = ? ORDER BY field",
        )
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    Ok(Some(AssociationRecord {
        id,
        created_on,
        seat_id,
        branch_ids,
        good_standing: standing == "good",
        fields,
    }))
}

/// Email addresses of the members of a bureau (for deadline warnings).
pub async fn bureau_emails(db: &Db, bureau_id: i64) -> Result<Vec<(String, String)>> {
    Ok(db
        .query_as(
            "SELECT u.email, u.language FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.organisation_id = ? AND m.role = 'bureau_member' AND u.deleted_at IS NULL \
             AND u.email_confirmed_at IS NOT NULL ORDER BY u.id",
        )
        .bind(bureau_id)
        .fetch_all(db.pool())
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Petitions
// ---------------------------------------------------------------------------------------------

/// Everything stored about a petition.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PetitionRow {
    /// Id.
    pub id: i64,
    /// `citizen` or `association`.
    pub kind: String,
    /// `council`, `national_petition` or `legislative_motion`.
    pub addressee: String,
    /// Council organisation.
    pub council_id: Option<i64>,
    /// Council territory.
    pub territory_id: Option<i64>,
    /// Council level code.
    pub level: Option<String>,
    /// Association (association petitions).
    pub association_id: Option<i64>,
    /// Field of activity the petition is about (association petitions).
    pub field: Option<String>,
    /// Title.
    pub title: String,
    /// What is asked.
    pub request: String,
    /// Why.
    pub reasons: String,
    /// The representative's account.
    pub representative_id: i64,
    /// The representative's name as filed.
    pub representative_name: String,
    /// The deputy's name.
    pub deputy_name: String,
    /// State code.
    pub state: String,
    /// Rule set judging it.
    pub rule_set_id: i64,
    /// Required signatures.
    pub required_signatures: i64,
    /// Required per prefecture/province.
    pub required_per_subdivision: Option<i64>,
    /// Valid signatures.
    pub signature_count: i64,
    /// Created.
    pub created_at: i64,
    /// Last change.
    pub updated_at: i64,
    /// Filing date (opened for signatures, or deposited for an association).
    pub filed_on: Option<String>,
    /// Opened for signatures.
    pub opened_at: Option<i64>,
    /// Deposited (receipt date).
    pub deposited_at: Option<i64>,
    /// Receipt number.
    pub receipt_number: Option<String>,
    /// Last day of the decision deadline.
    pub deadline_on: Option<String>,
    /// Overdue from this instant.
    pub overdue_from: Option<i64>,
    /// Admissibility decision time.
    pub admissibility_at: Option<i64>,
    /// Refusal ground code.
    pub ground: Option<String>,
    /// Bureau's reasoned text.
    pub bureau_reasons: Option<String>,
    /// Standing committee.
    pub committee_id: Option<i64>,
    /// Referral time.
    pub referred_at: Option<i64>,
    /// Session date.
    pub session_on: Option<String>,
    /// Council decision time.
    pub decided_at: Option<i64>,
    /// Council decision text.
    pub decision_text: Option<String>,
    /// Votes for.
    pub votes_for: Option<i64>,
    /// Votes against.
    pub votes_against: Option<i64>,
    /// Abstentions.
    pub abstentions: Option<i64>,
    /// Closed time.
    pub closed_at: Option<i64>,
    /// Demo data.
    pub demo: i64,
}

const PETITION_COLUMNS: &str = "id, kind, addressee, council_id, territory_id, level, association_id, field, \
     title, request, reasons, representative_id, representative_name, deputy_name, state, rule_set_id, \
     required_signatures, required_per_subdivision, signature_count, created_at, updated_at, filed_on, \
     opened_at, deposited_at, receipt_number, deadline_on, overdue_from, admissibility_at, ground, \
     bureau_reasons, committee_id, referred_at, session_on, decided_at, decision_text, votes_for, \
     votes_against, abstentions, closed_at, demo";

impl PetitionRow {
    /// The parsed state.
    pub fn state(&self) -> Result<PetitionState> {
        PetitionState::from_code(&self.state).ok_or_else(|| {
            StoreError::Corrupt(format!("petition {} state {}", self.id, self.state))
        })
    }

    /// The parsed kind.
    pub fn kind(&self) -> Result<PetitionKind> {
        PetitionKind::from_code(&self.kind)
            .ok_or_else(|| StoreError::Corrupt(format!("petition {} kind {}", self.id, self.kind)))
    }

    /// The parsed addressee.
    pub fn addressee(&self) -> Result<Addressee> {
        let corrupt = || StoreError::Corrupt(format!("petition {} addressee", self.id));
        match self.addressee.as_str() {
            "council" => {
                let level = self
                    .level
                    .as_deref()
                    .and_then(CouncilLevel::from_code)
                    .ok_or_else(corrupt)?;
                Ok(Addressee::Council(level))
            }
            "national_petition" => Ok(Addressee::National(NationalKind::Petition)),
            "legislative_motion" => Ok(Addressee::National(NationalKind::LegislativeMotion)),
            _ => Err(corrupt()),
        }
    }

    /// The requirement fixed at filing.
    pub fn requirement(&self) -> Requirement {
        Requirement {
            total: u32::try_from(self.required_signatures).unwrap_or(u32::MAX),
            per_subdivision: self
                .required_per_subdivision
                .and_then(|v| u32::try_from(v).ok()),
        }
    }
}

/// A new draft.
#[derive(Debug, Clone)]
pub struct NewPetition {
    /// Citizen or association.
    pub kind: PetitionKind,
    /// Council or national.
    pub addressee: Addressee,
    /// The council (council petitions).
    pub council_id: Option<i64>,
    /// Its territory.
    pub territory_id: Option<i64>,
    /// The association (association petitions).
    pub association_id: Option<i64>,
    /// Field (association petitions).
    pub field: Option<String>,
    /// Title.
    pub title: String,
    /// Request.
    pub request: String,
    /// Reasons.
    pub reasons: String,
    /// The representative's account.
    pub representative_id: i64,
    /// The representative's name.
    pub representative_name: String,
    /// The deputy's name.
    pub deputy_name: String,
    /// The rule set in force now.
    pub rule_set_id: i64,
    /// The requirement under it.
    pub requirement: Requirement,
    /// Demo data.
    pub demo: bool,
}

fn addressee_code(a: Addressee) -> (&'static str, Option<&'static str>) {
    match a {
        Addressee::Council(level) => ("council", Some(level.code())),
        Addressee::National(NationalKind::Petition) => ("national_petition", None),
        Addressee::National(NationalKind::LegislativeMotion) => ("legislative_motion", None),
    }
}

/// Creates a draft and records it in the history and the audit log.
pub async fn create_petition(db: &Db, p: &NewPetition, now: i64) -> Result<i64> {
    let (addressee, level) = addressee_code(p.addressee);
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query_scalar(
            "INSERT INTO petitions (kind, addressee, council_id, territory_id, level, association_id, field, \
             title, request, reasons, representative_id, representative_name, deputy_name, state, rule_set_id, \
             required_signatures, required_per_subdivision, created_at, updated_at, demo) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(p.kind.code())
        .bind(addressee)
        .bind(p.council_id)
        .bind(p.territory_id)
        .bind(level)
        .bind(p.association_id)
        .bind(p.field.clone())
        .bind(p.title.clone())
        .bind(p.request.clone())
        .bind(p.reasons.clone())
        .bind(p.representative_id)
        .bind(p.representative_name.clone())
        .bind(p.deputy_name.clone())
        .bind(p.rule_set_id)
        .bind(i64::from(p.requirement.total))
        .bind(p.requirement.per_subdivision.map(i64::from))
        .bind(now)
        .bind(now)
        .bind(flag(p.demo))
        .fetch_one(&mut *tx)
        .await?;
    insert_event(
        db,
        &mut tx,
        id,
        now,
        Some(p.representative_id),
        "create",
        None,
        PetitionState::Draft,
        json!({}),
    )
    .await?;
    audit::record_in(
        db,
        &mut tx,
        audit::Actor::Account(p.representative_id),
        "petition.create",
        &format!("petition:{id}"),
        json!({ "kind": p.kind.code(), "addressee": addressee, "council_id": p.council_id }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A draft's new texts and committee, already validated.
#[derive(Debug, Clone)]
pub struct DraftEdit {
    /// Title.
    pub title: String,
    /// Request.
    pub request: String,
    /// Reasons.
    pub reasons: String,
    /// Representative's name.
    pub representative_name: String,
    /// Deputy's name.
    pub deputy_name: String,
    /// The committee members with an account (replaces the current list).
    pub committee: Vec<i64>,
}

/// Edits a draft (only while it is one): texts and committee in one transaction, recorded in
/// the audit log with the names of the changed fields. Returns false when it is no longer a
/// draft (nothing is changed then).
pub async fn edit_draft(db: &Db, id: i64, by: i64, e: &DraftEdit, now: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let before: Option<(String, String, String, String, String)> = db
        .query_as(
            "SELECT title, request, reasons, representative_name, deputy_name FROM petitions \
             WHERE id = ? AND state = 'draft'",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(before) = before else {
        tx.rollback().await?;
        return Ok(false);
    };
    let old_committee: Vec<i64> = db
        .query_scalar(
            "SELECT user_id FROM petition_committee WHERE petition_id = ? ORDER BY user_id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
    let mut changed = Vec::new();
    for (name, old, new) in [
        ("title", &before.0, &e.title),
        ("request", &before.1, &e.request),
        ("reasons", &before.2, &e.reasons),
        ("representative_name", &before.3, &e.representative_name),
        ("deputy_name", &before.4, &e.deputy_name),
    ] {
        if old != new {
            changed.push(name);
        }
    }
    let mut committee = e.committee.clone();
    committee.sort_unstable();
    committee.dedup();
    if committee != old_committee {
        changed.push("committee");
    }
    let done = db
        .query(
            "UPDATE petitions SET title = ?, request = ?, reasons = ?, representative_name = ?, \
             deputy_name = ?, updated_at = ? WHERE id = ? AND state = 'draft'",
        )
        .bind(e.title.clone())
        .bind(e.request.clone())
        .bind(e.reasons.clone())
        .bind(e.representative_name.clone())
        .bind(e.deputy_name.clone())
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    db.query("DELETE FROM petition_committee WHERE petition_id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    for user in &committee {
        db.query(
            "INSERT INTO petition_committee (petition_id, user_id, role) VALUES (?, ?, 'member')",
        )
        .bind(id)
        .bind(*user)
        .execute(&mut *tx)
        .await?;
    }
    audit::record_in(
        db,
        &mut tx,
        audit::Actor::Account(by),
        "petition.edit",
        &format!("petition:{id}"),
        json!({ "changed": changed, "committee": committee }),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// One petition.
pub async fn petition(db: &Db, id: i64) -> Result<Option<PetitionRow>> {
    Ok(db
        .query_as(&format!(
            "SELECT {PETITION_COLUMNS} FROM petitions WHERE id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?)
}

/// The petitions a user represents or sits on the committee of (drafts included).
pub async fn petitions_of(db: &Db, user_id: i64) -> Result<Vec<PetitionRow>> {
    Ok(db
        .query_as(&format!(
            "SELECT {PETITION_COLUMNS} FROM petitions WHERE representative_id = ? \
             OR id IN (SELECT petition_id FROM petition_committee WHERE user_id = ?) ORDER BY id DESC"
        ))
        .bind(user_id)
        .bind(user_id)
        .fetch_all(db.pool())
        .await?)
}

/// Filters of the public register.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterFilter {
    /// Council territory.
    pub territory_id: Option<i64>,
    /// Council level.
    pub level: Option<CouncilLevel>,
    /// State.
    pub state: Option<PetitionState>,
    /// Citizen or association.
    pub kind: Option<PetitionKind>,
}

/// The public register: every petition that is not a draft, newest first, filtered.
pub async fn register(db: &Db, f: &RegisterFilter) -> Result<Vec<PetitionRow>> {
    let mut sql = format!("SELECT {PETITION_COLUMNS} FROM petitions WHERE state <> 'draft'");
    if f.territory_id.is_some() {
        sql.push_str(" AND territory_id = ?");
    }
    if f.level.is_some() {
        sql.push_str(" AND level = ?");
    }
    if f.state.is_some() {
        sql.push_str(" AND state = ?");
    }
    if f.kind.is_some() {
        sql.push_str(" AND kind = ?");
    }
    sql.push_str(" ORDER BY COALESCE(deposited_at, opened_at, created_at) DESC, id DESC");
    let mut q = db.query_as::<PetitionRow>(&sql);
    if let Some(t) = f.territory_id {
        q = q.bind(t);
    }
    if let Some(l) = f.level {
        q = q.bind(l.code());
    }
    if let Some(s) = f.state {
        q = q.bind(s.code());
    }
    if let Some(k) = f.kind {
        q = q.bind(k.code());
    }
    Ok(q.fetch_all(db.pool()).await?)
}

/// Petitions whose admissibility decision is still owed.
pub async fn awaiting_admissibility(db: &Db) -> Result<Vec<PetitionRow>> {
    Ok(db
        .query_as(&format!(
            "SELECT {PETITION_COLUMNS} FROM petitions WHERE state = 'deposited' ORDER BY id"
        ))
        .fetch_all(db.pool())
        .await?)
}

/// Committee members with an account.
pub async fn committee(db: &Db, petition_id: i64) -> Result<Vec<i64>> {
    Ok(db
        .query_scalar(
            "SELECT user_id FROM petition_committee WHERE petition_id = ? ORDER BY user_id",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?)
}

/// The committee members' email addresses, in id order (to show and edit the list).
pub async fn committee_emails(db: &Db, petition_id: i64) -> Result<Vec<String>> {
    Ok(db
        .query_scalar(
            "SELECT u.email FROM petition_committee c JOIN users u ON u.id = c.user_id \
             WHERE c.petition_id = ? ORDER BY c.user_id",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?)
}

/// Adds a committee member (idempotent).
pub async fn add_committee_member(
    db: &Db,
    petition_id: i64,
    user_id: i64,
    role: &str,
) -> Result<()> {
    let r = db
        .query("INSERT INTO petition_committee (petition_id, user_id, role) VALUES (?, ?, ?)")
        .bind(petition_id)
        .bind(user_id)
        .bind(role.to_owned())
        .execute(db.pool())
        .await;
    match r {
        Err(e) if !is_unique_violation(&e) => Err(e.into()),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// Transitions and history
// ---------------------------------------------------------------------------------------------

/// Columns a transition may set besides the state (unset ones keep their value).
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Filing date.
    pub filed_on: Option<String>,
    /// Rule set (re-fixed at filing).
    pub rule_set_id: Option<i64>,
    /// Requirement (re-fixed at filing).
    pub requirement: Option<Requirement>,
    /// Opened time.
    pub opened_at: Option<i64>,
    /// Deposit time.
    pub deposited_at: Option<i64>,
    /// Receipt number (set by [`apply_transition`] on deposit).
    pub receipt_prefix: Option<String>,
    /// Deadline last day.
    pub deadline_on: Option<String>,
    /// Overdue from.
    pub overdue_from: Option<i64>,
    /// Admissibility decision time.
    pub admissibility_at: Option<i64>,
    /// Ground.
    pub ground: Option<String>,
    /// Bureau reasons.
    pub bureau_reasons: Option<String>,
    /// Committee.
    pub committee_id: Option<i64>,
    /// Referral time.
    pub referred_at: Option<i64>,
    /// Session date.
    pub session_on: Option<String>,
    /// Decision time.
    pub decided_at: Option<i64>,
    /// Decision text.
    pub decision_text: Option<String>,
    /// Votes (for, against, abstentions).
    pub votes: Option<(i64, i64, i64)>,
    /// Closed time.
    pub closed_at: Option<i64>,
}

/// A transition to record.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The transition.
    pub kind: TransitionKind,
    /// Expected current state.
    pub from: PetitionState,
    /// New state.
    pub to: PetitionState,
    /// Columns to set.
    pub changes: Changes,
    /// Who.
    pub actor_id: i64,
    /// When.
    pub now: i64,
    /// Public details for the history (no personal data).
    pub details: serde_json::Value,
}

/// Records a transition: compare-and-set on the state, then the history row and the audit
/// entry, in one transaction. Returns the receipt number when one was assigned.
pub async fn apply_transition(db: &Db, petition_id: i64, a: &Applied) -> Result<Option<String>> {
    let c = &a.changes;
    let mut tx = db.begin().await?;
    let receipt = c
        .receipt_prefix
        .as_ref()
        .map(|p| format!("{p}-{petition_id:05}"));
    let (vf, va, ab) = match c.votes {
        Some((f, ag, ab)) => (Some(f), Some(ag), Some(ab)),
        None => (None, None, None),
    };
    let done = db
        .query(
            "UPDATE petitions SET state = ?, updated_at = ?, \
             filed_on = COALESCE(?, filed_on), rule_set_id = COALESCE(?, rule_set_id), \
             required_signatures = COALESCE(?, required_signatures), \
             required_per_subdivision = CASE WHEN ? = 1 THEN ? ELSE required_per_subdivision END, \
             opened_at = COALESCE(?, opened_at), deposited_at = COALESCE(?, deposited_at), \
             receipt_number = COALESCE(?, receipt_number), deadline_on = COALESCE(?, deadline_on), \
             overdue_from = COALESCE(?, overdue_from), admissibility_at = COALESCE(?, admissibility_at), \
             ground = COALESCE(?, ground), bureau_reasons = COALESCE(?, bureau_reasons), \
             committee_id = COALESCE(?, committee_id), referred_at = COALESCE(?, referred_at), \
             session_on = COALESCE(?, session_on), decided_at = COALESCE(?, decided_at), \
             decision_text = COALESCE(?, decision_text), votes_for = COALESCE(?, votes_for), \
             votes_against = COALESCE(?, votes_against), abstentions = COALESCE(?, abstentions), \
             closed_at = COALESCE(?, closed_at) \
             WHERE id = ? AND state = ?",
        )
        .bind(a.to.code())
        .bind(a.now)
        .bind(c.filed_on.clone())
        .bind(c.rule_set_id)
        .bind(c.requirement.map(|r| i64::from(r.total)))
        .bind(flag(c.requirement.is_some()))
        .bind(c.requirement.and_then(|r| r.per_subdivision).map(i64::from))
        .bind(c.opened_at)
        .bind(c.deposited_at)
        .bind(receipt.clone())
        .bind(c.deadline_on.clone())
        .bind(c.overdue_from)
        .bind(c.admissibility_at)
        .bind(c.ground.clone())
        .bind(c.bureau_reasons.clone())
        .bind(c.committee_id)
        .bind(c.referred_at)
        .bind(c.session_on.clone())
        .bind(c.decided_at)
        .bind(c.decision_text.clone())
        .bind(vf)
        .bind(va)
        .bind(ab)
        .bind(c.closed_at)
        .bind(petition_id)
        .bind(a.from.code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Err(StoreError::Conflict);
    }
    let mut details = a.details.clone();
    if let (Some(r), Some(obj)) = (&receipt, details.as_object_mut()) {
        obj.insert("receipt_number".into(), json!(r));
    }
    insert_event(
        db,
        &mut tx,
        petition_id,
        a.now,
        Some(a.actor_id),
        a.kind.code(),
        Some(a.from),
        a.to,
        details.clone(),
    )
    .await?;
    audit::record_in(
        db,
        &mut tx,
        audit::Actor::Account(a.actor_id),
        &format!("petition.{}", a.kind.code()),
        &format!("petition:{petition_id}"),
        json!({ "from": a.from.code(), "to": a.to.code(), "details": details }),
    )
    .await?;
    tx.commit().await?;
    Ok(receipt)
}

#[allow(clippy::too_many_arguments)]
async fn insert_event(
    db: &Db,
    tx: &mut Tx,
    petition_id: i64,
    at: i64,
    actor_id: Option<i64>,
    transition: &str,
    from: Option<PetitionState>,
    to: PetitionState,
    details: serde_json::Value,
) -> Result<()> {
    db.query(
        "INSERT INTO petition_events (petition_id, at, actor_id, transition, from_state, to_state, details) \
         VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(petition_id)
    .bind(at)
    .bind(actor_id)
    .bind(transition.to_owned())
    .bind(from.map(|s| s.code()))
    .bind(to.code())
    .bind(details.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One history row.
#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct EventRow {
    /// When.
    pub at: i64,
    /// Transition code (`create` for the draft).
    pub transition: String,
    /// Previous state.
    pub from_state: Option<String>,
    /// New state.
    pub to_state: String,
    /// Public details (JSON).
    pub details: String,
}

/// A petition's dated history, oldest first.
pub async fn events(db: &Db, petition_id: i64) -> Result<Vec<EventRow>> {
    Ok(db
        .query_as(
            "SELECT at, transition, from_state, to_state, details FROM petition_events \
             WHERE petition_id = ? ORDER BY at, id",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Signatures
// ---------------------------------------------------------------------------------------------

/// A signature to add.
#[derive(Debug, Clone)]
pub struct NewSignature {
    /// Petition.
    pub petition_id: i64,
    /// Signer's account (online signatures).
    pub user_id: Option<i64>,
    /// Keyed hash of the CIN.
    pub cin_hash: String,
    /// Encrypted CIN.
    pub cin_sealed: Vec<u8>,
    /// Name for the council's list.
    pub full_name: String,
    /// Resident or activity.
    pub basis: &'static str,
    /// Territory where the signer lives or works.
    pub place_id: Option<i64>,
    /// Prefecture/province it counts for.
    pub subdivision_id: Option<i64>,
    /// Consent text version.
    pub consent_version: u32,
    /// Wants to be told of the decision.
    pub wants_notice: bool,
    /// When.
    pub now: i64,
}

/// Why a signature was not added.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// The petition does not take signatures now.
    #[error("the petition is not open for signatures")]
    NotOpen,
    /// This person (account or CIN) already signed.
    #[error("already signed")]
    AlreadySigned,
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SignError {
    fn from(e: sqlx::Error) -> Self {
        if is_unique_violation(&e) {
            SignError::AlreadySigned
        } else {
            SignError::Store(e.into())
        }
    }
}

/// Adds an online signature: the counter is bumped only while the petition is open (which also
/// locks the petition row), and the unique indexes refuse a second signature by the same account
/// or CIN — whether it came online or on paper.
pub async fn add_signature(db: &Db, s: &NewSignature) -> Result<i64, SignError> {
    let mut tx = db.begin().await?;
    let id = insert_signature(db, &mut tx, s, "online", None).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts an online signature on a connection that is inside a transaction (the group-commit
/// writer of [`super::signing`] commits it).
pub async fn insert_online_signature(
    db: &Db,
    conn: &mut sqlx::AnyConnection,
    s: &NewSignature,
) -> Result<i64, SignError> {
    insert_signature(db, conn, s, "online", None).await
}

async fn insert_signature(
    db: &Db,
    tx: &mut sqlx::AnyConnection,
    s: &NewSignature,
    source: &str,
    entered_by: Option<i64>,
) -> Result<i64, SignError> {
    let open = db
        .query("UPDATE petitions SET signature_count = signature_count + 1 WHERE id = ? AND state = 'open'")
        .bind(s.petition_id)
        .execute(&mut *tx)
        .await?;
    if open.rows_affected() != 1 {
        return Err(SignError::NotOpen);
    }
    let id: i64 = db
        .query_scalar(
            "INSERT INTO petition_signatures (petition_id, user_id, source, cin_hash, cin_sealed, full_name, \
             basis, place_id, subdivision_id, consent_version, wants_notice, signed_at, entered_by) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(s.petition_id)
        .bind(s.user_id)
        .bind(source.to_owned())
        .bind(s.cin_hash.clone())
        .bind(s.cin_sealed.clone())
        .bind(s.full_name.clone())
        .bind(s.basis)
        .bind(s.place_id)
        .bind(s.subdivision_id)
        .bind(i64::from(s.consent_version))
        .bind(flag(s.wants_notice))
        .bind(s.now)
        .bind(entered_by)
        .fetch_one(&mut *tx)
        .await?;
    Ok(id)
}

/// Withdraws a user's online signature while the petition is still open (the row is deleted:
/// nothing of it is kept). Returns false when there was nothing to withdraw.
pub async fn withdraw_signature(
    db: &Db,
    petition_id: i64,
    user_id: i64,
) -> Result<bool, SignError> {
    let mut tx = db.begin().await?;
    let open = db
        .query("UPDATE petitions SET signature_count = signature_count - 1 WHERE id = ? AND state = 'open' \
                AND EXISTS (SELECT 1 FROM petition_signatures WHERE petition_id = ? AND user_id = ?)")
        .bind(petition_id)
        .bind(petition_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    if open.rows_affected() != 1 {
        let state: Option<String> = db
            .query_scalar("SELECT state FROM petitions WHERE id = ?")
            .bind(petition_id)
            .fetch_optional(&mut *tx)
            .await?;
        tx.rollback().await?;
        return if state.as_deref() == Some("open") {
            Ok(false)
        } else {
            Err(SignError::NotOpen)
        };
    }
    db.query("DELETE FROM petition_signatures WHERE petition_id = ? AND user_id = ?")
        .bind(petition_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether (and when) a user signed a petition online.
pub async fn signed_at(db: &Db, petition_id: i64, user_id: i64) -> Result<Option<i64>> {
    Ok(db
        .query_scalar(
            "SELECT signed_at FROM petition_signatures WHERE petition_id = ? AND user_id = ?",
        )
        .bind(petition_id)
        .bind(user_id)
        .fetch_optional(db.pool())
        .await?)
}

/// Signatures per prefecture/province.
pub async fn subdivision_counts(db: &Db, petition_id: i64) -> Result<Vec<(i64, u32)>> {
    let rows: Vec<(i64, i64)> = db
        .query_as(
            "SELECT subdivision_id, COUNT(*) FROM petition_signatures \
             WHERE petition_id = ? AND subdivision_id IS NOT NULL GROUP BY subdivision_id ORDER BY subdivision_id",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(t, c)| (t, u32::try_from(c).unwrap_or(u32::MAX)))
        .collect())
}

/// Recounts a petition's signatures from the rows (the stored counter must agree).
pub async fn count_signatures(db: &Db, petition_id: i64) -> Result<i64> {
    Ok(db
        .query_scalar("SELECT COUNT(*) FROM petition_signatures WHERE petition_id = ?")
        .bind(petition_id)
        .fetch_one(db.pool())
        .await?)
}

/// One line of the council's signature list (CIN still sealed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListedSignature {
    /// Order.
    pub id: i64,
    /// Online or paper.
    pub source: String,
    /// Name.
    pub full_name: String,
    /// Sealed CIN.
    pub cin_sealed: Vec<u8>,
    /// Resident or activity.
    pub basis: String,
    /// Place territory.
    pub place_id: Option<i64>,
    /// When.
    pub signed_at: i64,
}

/// The signature list, in signing order.
pub async fn signature_list(db: &Db, petition_id: i64) -> Result<Vec<ListedSignature>> {
    Ok(db
        .query_as(
            "SELECT id, source, full_name, cin_sealed, basis, place_id, signed_at FROM petition_signatures \
             WHERE petition_id = ? ORDER BY signed_at, id",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?)
}

/// Emails and languages of the signatories who asked to be told of the outcome.
pub async fn notice_recipients(db: &Db, petition_id: i64) -> Result<Vec<(String, String)>> {
    Ok(db
        .query_as(
            "SELECT u.email, u.language FROM petition_signatures s JOIN users u ON u.id = s.user_id \
             WHERE s.petition_id = ? AND s.wants_notice = 1 AND u.deleted_at IS NULL ORDER BY u.id",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Paper signatures (double entry)
// ---------------------------------------------------------------------------------------------

/// One typed line of a paper list.
#[derive(Debug, Clone)]
pub struct PaperLine {
    /// Petition.
    pub petition_id: i64,
    /// Keyed hash of the CIN.
    pub cin_hash: String,
    /// Encrypted CIN.
    pub cin_sealed: Vec<u8>,
    /// Name as written.
    pub full_name: String,
    /// Territory of residence as written.
    pub place_id: i64,
    /// Prefecture/province it counts for.
    pub subdivision_id: Option<i64>,
    /// Sheet reference.
    pub sheet: String,
    /// Who typed it.
    pub entered_by: i64,
    /// When.
    pub now: i64,
}

/// What a typed paper line did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperOutcome {
    /// First entry kept; a second, independent entry must confirm it.
    AwaitingSecondEntry,
    /// Second entry agreed: the signature counts.
    Confirmed(i64),
    /// Second entry disagrees with the first on these fields (`full_name`, `place`); nothing
    /// counted, the first entry is kept for correction.
    Mismatch(Vec<&'static str>),
    /// The same committee member typed the line again: the second entry must come from
    /// another member (two people check each line). Nothing counted, the first entry is kept.
    NeedsAnotherMember,
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Types in one paper line: the first entry waits, a matching second entry counts it, a CIN
/// that already signed (online or on paper) is refused.
pub async fn enter_paper_line(db: &Db, line: &PaperLine) -> Result<PaperOutcome, SignError> {
    let mut tx = db.begin().await?;
    let state: Option<String> = db
        .query_scalar("SELECT state FROM petitions WHERE id = ?")
        .bind(line.petition_id)
        .fetch_optional(&mut *tx)
        .await?;
    if state.as_deref() != Some("open") {
        return Err(SignError::NotOpen);
    }
    let signed: Option<i64> = db
        .query_scalar("SELECT id FROM petition_signatures WHERE petition_id = ? AND cin_hash = ?")
        .bind(line.petition_id)
        .bind(line.cin_hash.clone())
        .fetch_optional(&mut *tx)
        .await?;
    if signed.is_some() {
        return Err(SignError::AlreadySigned);
    }
    let first: Option<(i64, String, i64, i64)> = db
        .query_as("SELECT id, full_name, place_id, entered_by FROM petition_paper_entries WHERE petition_id = ? AND cin_hash = ?")
        .bind(line.petition_id)
        .bind(line.cin_hash.clone())
        .fetch_optional(&mut *tx)
        .await?;
    let outcome = match first {
        None => {
            db.query(
                "INSERT INTO petition_paper_entries (petition_id, cin_hash, cin_sealed, full_name, place_id, \
                 sheet, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(line.petition_id)
            .bind(line.cin_hash.clone())
            .bind(line.cin_sealed.clone())
            .bind(line.full_name.clone())
            .bind(line.place_id)
            .bind(line.sheet.clone())
            .bind(line.entered_by)
            .bind(line.now)
            .execute(&mut *tx)
            .await?;
            PaperOutcome::AwaitingSecondEntry
        }
        Some((_, _, _, first_by)) if first_by == line.entered_by => {
            PaperOutcome::NeedsAnotherMember
        }
        Some((entry_id, name, place, first_by)) => {
            let mut differ = Vec::new();
            if !same_name(&name, &line.full_name) {
                differ.push("full_name");
            }
            if place != line.place_id {
                differ.push("place");
            }
            if differ.is_empty() {
                let s = NewSignature {
                    petition_id: line.petition_id,
                    user_id: None,
                    cin_hash: line.cin_hash.clone(),
                    cin_sealed: line.cin_sealed.clone(),
                    full_name: line.full_name.clone(),
                    basis: "resident",
                    place_id: Some(line.place_id),
                    subdivision_id: line.subdivision_id,
                    consent_version: 0,
                    wants_notice: false,
                    now: line.now,
                };
                let id = insert_signature(db, &mut tx, &s, "paper", Some(line.entered_by)).await?;
                db.query("DELETE FROM petition_paper_entries WHERE id = ?")
                    .bind(entry_id)
                    .execute(&mut *tx)
                    .await?;
                audit::record_in(
                    db,
                    &mut tx,
                    audit::Actor::Account(line.entered_by),
                    "petition.paper.confirm",
                    &format!("petition:{}", line.petition_id),
                    json!({ "signature": id, "first_entry_by": first_by, "sheet": line.sheet }),
                )
                .await?;
                PaperOutcome::Confirmed(id)
            } else {
                PaperOutcome::Mismatch(differ)
            }
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Discards a first paper entry (after a mismatch, to type it again). Returns whether one existed.
pub async fn discard_paper_line(db: &Db, petition_id: i64, cin_hash: &str) -> Result<bool> {
    let done = db
        .query("DELETE FROM petition_paper_entries WHERE petition_id = ? AND cin_hash = ?")
        .bind(petition_id)
        .bind(cin_hash.to_owned())
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Number of first entries waiting for their second entry.
pub async fn pending_paper_lines(db: &Db, petition_id: i64) -> Result<i64> {
    Ok(db
        .query_scalar("SELECT COUNT(*) FROM petition_paper_entries WHERE petition_id = ?")
        .bind(petition_id)
        .fetch_one(db.pool())
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Deadline warnings
// ---------------------------------------------------------------------------------------------

/// Warnings already sent for a petition (days before the deadline).
pub async fn sent_warnings(db: &Db, petition_id: i64) -> Result<Vec<u32>> {
    let days: Vec<i64> = db
        .query_scalar(
            "SELECT days FROM petition_deadline_warnings WHERE petition_id = ? ORDER BY days",
        )
        .bind(petition_id)
        .fetch_all(db.pool())
        .await?;
    Ok(days
        .into_iter()
        .filter_map(|d| u32::try_from(d).ok())
        .collect())
}

/// Claims a warning: true for exactly one caller, however many processes run the job.
pub async fn claim_warning(db: &Db, petition_id: i64, days: u32, now: i64) -> Result<bool> {
    let r = db
        .query(
            "INSERT INTO petition_deadline_warnings (petition_id, days, sent_at) VALUES (?, ?, ?)",
        )
        .bind(petition_id)
        .bind(i64::from(days))
        .bind(now)
        .execute(db.pool())
        .await;
    match r {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

/// Counts for the statistics page.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// (state, level, kind, number of petitions, signatures).
    pub rows: Vec<(String, String, String, i64, i64)>,
    /// Deposited petitions whose decision is overdue now.
    pub overdue: i64,
}

/// Statistics of the public register.
pub async fn stats(db: &Db, now: i64) -> Result<Stats> {
    let rows = db
        .query_as(
            "SELECT state, COALESCE(level, addressee), kind, COUNT(*), CAST(COALESCE(SUM(signature_count), 0) AS BIGINT) \
             FROM petitions WHERE state <> 'draft' GROUP BY state, COALESCE(level, addressee), kind \
             ORDER BY 1, 2, 3",
        )
        .fetch_all(db.pool())
        .await?;
    let overdue = db
        .query_scalar(
            "SELECT COUNT(*) FROM petitions WHERE state = 'deposited' AND overdue_from <= ?",
        )
        .bind(now)
        .fetch_one(db.pool())
        .await?;
    Ok(Stats { rows, overdue })
}

// ---------------------------------------------------------------------------------------------
// Names (for pages and exports)
// ---------------------------------------------------------------------------------------------

/// A name in the four languages (Tamazight and English may be missing).
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Names {
    /// Row id.
    pub id: i64,
    /// Arabic.
    pub name_ar: String,
    /// French.
    pub name_fr: String,
    /// Tamazight (Tifinagh).
    pub name_zgh: Option<String>,
    /// English.
    pub name_en: Option<String>,
}

impl Names {
    /// The name in `lang`, falling back to French.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "ar" => &self.name_ar,
            "zgh" => self.name_zgh.as_deref().unwrap_or(&self.name_fr),
            "en" => self.name_en.as_deref().unwrap_or(&self.name_fr),
            _ => &self.name_fr,
        }
    }
}

/// Names of every territory, by id.
pub async fn territory_names(db: &Db) -> Result<std::collections::HashMap<i64, Names>> {
    let rows: Vec<Names> = db
        .query_as("SELECT id, name_ar, name_fr, name_zgh, name_en FROM territories")
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|n| (n.id, n)).collect())
}

/// Names of organisations by id (councils, committees, associations).
pub async fn organisation_names(db: &Db) -> Result<std::collections::HashMap<i64, Names>> {
    let rows: Vec<Names> = db
        .query_as(
            "SELECT id, name_ar, name_fr, name_zgh, name_en FROM organisations \
             WHERE kind IN ('council', 'standing_committee', 'association')",
        )
        .fetch_all(db.pool())
        .await?;
    Ok(rows.into_iter().map(|n| (n.id, n)).collect())
}

/// Territories a paper signatory or an activity may be placed in: communes and
/// arrondissements, with their chains' membership decided later. (id, level)
pub async fn places(db: &Db) -> Result<Vec<(i64, String)>> {
    Ok(db
        .query_as("SELECT id, level FROM territories WHERE level IN ('commune', 'arrondissement', 'prefecture', 'province') ORDER BY id")
        .fetch_all(db.pool())
        .await?)
}

/// Associations a user represents: (organisation id).
pub async fn represented_associations(db: &Db, user_id: i64) -> Result<Vec<i64>> {
    Ok(db
        .query_scalar(
            "SELECT m.organisation_id FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
             WHERE m.user_id = ? AND m.role = 'association_representative' AND o.kind = 'association' \
             ORDER BY m.organisation_id",
        )
        .bind(user_id)
        .fetch_all(db.pool())
        .await?)
}

/// Records in the audit log that someone read a signature list (personal data, law 09-08).
pub async fn audit_list_access(db: &Db, user_id: i64, petition_id: i64) -> Result<()> {
    audit::record(
        db,
        audit::Actor::Account(user_id),
        "petition.signature_list.read",
        &format!("petition:{petition_id}"),
        json!({}),
    )
    .await?;
    Ok(())
}

/// Adds paper signatures whose two entries were already compared (an imported, checked list:
/// the demo data), in one transaction; each line still goes through the duplicate checks.
#[allow(clippy::too_many_arguments)]
pub async fn add_checked_paper_lines(
    db: &Db,
    keys: &super::model::cin::CinKeys,
    petition_id: i64,
    entered_by: i64,
    place_id: i64,
    subdivision_id: Option<i64>,
    lines: &[(String, super::model::cin::Cin)],
    now: i64,
) -> Result<(), SignError> {
    let mut tx = db.begin().await?;
    for (name, cin) in lines {
        let s = NewSignature {
            petition_id,
            user_id: None,
            cin_hash: keys.hash(petition_id, cin),
            cin_sealed: keys.encrypt(petition_id, cin),
            full_name: name.clone(),
            basis: "resident",
            place_id: Some(place_id),
            subdivision_id,
            consent_version: 0,
            wants_notice: false,
            now,
        };
        insert_signature(db, &mut tx, &s, "paper", Some(entered_by)).await?;
    }
    tx.commit().await?;
    Ok(())
}
