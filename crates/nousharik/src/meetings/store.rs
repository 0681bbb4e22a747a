//! SQL of the meetings module (one query path for SQLite and PostgreSQL through [`Db`]). The
//! rules come from `model`; every change runs in one transaction (SQLite: `BEGIN IMMEDIATE`)
//! with its audit entry, so counting places and taking one cannot interleave between server
//! processes, and a change and its audit record commit together or not at all.

use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::attendance::{ActorType, AttendanceFact, PersonKey, Profile};
use super::model::code::Code;
use super::model::dashboard::EventFact;
use super::model::evaluation::{
    AnswerError, CertificateError, Question, Satisfaction, Score, TestPhase,
    certificate_eligibility, may_take, score,
};
use super::model::registration::{
    Applicant, CancelError, CheckInError, EventSlots, RegistrationError, RegistrationStatus,
    can_cancel, can_check_in, check_answers, check_in_window, decide, promotions,
};
use super::model::{
    CertificateCriteria, EventDraft, EventKind, EventStatus, FormQuestion, Mode, ModeKind,
    RegistrationPolicy,
};
use crate::accounts::model::{AgeGroup, Sex};
use crate::platform::audit::{self, Actor as By};
use crate::platform::db::{Db, Tx};
use crate::platform::ids::UserId;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such row.
    #[error("not found")]
    NotFound,
    /// Registration refused by a rule.
    #[error(transparent)]
    Registration(#[from] RegistrationError),
    /// Cancellation refused.
    #[error(transparent)]
    Cancel(#[from] CancelError),
    /// Check-in refused.
    #[error(transparent)]
    CheckIn(#[from] CheckInError),
    /// Test refused.
    #[error(transparent)]
    Answer(#[from] AnswerError),
    /// Certificate refused.
    #[error(transparent)]
    Certificate(#[from] CertificateError),
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
            StoreError::Registration(e) => Some(e.key()),
            StoreError::Cancel(e) => Some(e.key()),
            StoreError::CheckIn(e) => Some(e.key()),
            StoreError::Answer(e) => Some(e.key()),
            StoreError::Certificate(e) => Some(e.key()),
            _ => None,
        }
    }
}

/// Store result.
pub type Result<T> = std::result::Result<T, StoreError>;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Corrupt(format!("{what}: {value:?}"))
}

/// An event as stored, with the names of its organiser and territory.
#[derive(Debug, Clone)]
pub struct Event {
    /// Id.
    pub id: i64,
    /// Organising organisation.
    pub organiser_id: i64,
    /// Organiser's name in Arabic and French.
    pub organiser_name: (String, String),
    /// Territory.
    pub territory_id: i64,
    /// Territory's code.
    pub territory_code: String,
    /// Territory's name in Arabic and French.
    pub territory_name: (String, String),
    /// The organiser's data.
    pub draft: EventDraft,
    /// Scheduled or cancelled.
    pub status: EventStatus,
    /// Demo data.
    pub demo: bool,
    /// Last change.
    pub updated_at: i64,
}

const EVENT_COLUMNS: &str = "e.id, e.organiser_id, o.name_ar AS o_ar, o.name_fr AS o_fr, \
    e.territory_id, t.code AS t_code, t.name_ar AS t_ar, t.name_fr AS t_fr, e.programme, e.kind, \
    e.title, e.description, e.agenda, e.speakers, e.starts_at, e.ends_at, e.mode, e.address, \
    e.link, e.capacity, e.waitlist_capacity, e.policy, e.registration_closes_at, e.questions, \
    e.certificate_enabled, e.certificate_requires_post_test, e.certificate_min_score, e.status, \
    e.demo, e.updated_at";
const EVENT_FROM: &str = "events e JOIN organisations o ON o.id = e.organiser_id \
    JOIN territories t ON t.id = e.territory_id";

fn event_from(row: &AnyRow) -> Result<Event> {
    let kind: String = row.try_get("kind")?;
    let mode: String = row.try_get("mode")?;
    let policy: String = row.try_get("policy")?;
    let status: String = row.try_get("status")?;
    let questions: String = row.try_get("questions")?;
    let address: Option<String> = row.try_get("address")?;
    let link: Option<String> = row.try_get("link")?;
    let mode_kind = ModeKind::parse(&mode).ok_or_else(|| corrupt("mode", &mode))?;
    let mode = Mode::from_parts(mode_kind, address.as_deref(), link.as_deref())
        .map_err(|_| corrupt("mode fields", &mode))?;
    Ok(Event {
        id: row.try_get("id")?,
        organiser_id: row.try_get("organiser_id")?,
        organiser_name: (row.try_get("o_ar")?, row.try_get("o_fr")?),
        territory_id: row.try_get("territory_id")?,
        territory_code: row.try_get("t_code")?,
        territory_name: (row.try_get("t_ar")?, row.try_get("t_fr")?),
        draft: EventDraft {
            kind: EventKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
            title: row.try_get("title")?,
            description: row.try_get("description")?,
            agenda: row.try_get("agenda")?,
            speakers: row.try_get("speakers")?,
            programme: row.try_get("programme")?,
            starts_at: row.try_get("starts_at")?,
            ends_at: row.try_get("ends_at")?,
            mode,
            capacity: row.try_get("capacity")?,
            waitlist_capacity: row.try_get("waitlist_capacity")?,
            policy: RegistrationPolicy::parse(&policy).ok_or_else(|| corrupt("policy", &policy))?,
            registration_closes_at: row.try_get("registration_closes_at")?,
            questions: serde_json::from_str(&questions)
                .map_err(|_| corrupt("questions", &questions))?,
            certificate: CertificateCriteria {
                enabled: row.try_get::<i64, _>("certificate_enabled")? != 0,
                requires_post_test: row.try_get::<i64, _>("certificate_requires_post_test")? != 0,
                min_post_score_percent: row.try_get("certificate_min_score")?,
            },
        },
        status: EventStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        demo: row.try_get::<i64, _>("demo")? != 0,
        updated_at: row.try_get("updated_at")?,
    })
}

fn questions_json(q: &[FormQuestion]) -> String {
    serde_json::to_string(q).unwrap_or_else(|_| "[]".into())
}

/// Where a new event belongs.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    /// Organising organisation.
    pub organiser_id: i64,
    /// Territory.
    pub territory_id: i64,
    /// Demo data.
    pub demo: bool,
}

/// Creates an event (the draft must be validated).
pub async fn create_event(
    db: &Db,
    place: Placement,
    d: &EventDraft,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query(
            "INSERT INTO events (organiser_id, territory_id, programme, kind, title, description, \
             agenda, speakers, starts_at, ends_at, mode, address, link, capacity, \
             waitlist_capacity, policy, registration_closes_at, questions, certificate_enabled, \
             certificate_requires_post_test, certificate_min_score, status, demo, created_by, \
             created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?) \
             RETURNING id",
        )
        .bind(place.organiser_id)
        .bind(place.territory_id)
        .bind(d.programme.clone())
        .bind(d.kind.code())
        .bind(d.title.clone())
        .bind(d.description.clone())
        .bind(d.agenda.clone())
        .bind(d.speakers.clone())
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(d.mode.kind().code())
        .bind(d.mode.address().map(str::to_string))
        .bind(d.mode.link().map(str::to_string))
        .bind(d.capacity)
        .bind(d.waitlist_capacity)
        .bind(d.policy.code())
        .bind(d.registration_closes_at)
        .bind(questions_json(&d.questions))
        .bind(i64::from(d.certificate.enabled))
        .bind(i64::from(d.certificate.requires_post_test))
        .bind(d.certificate.min_post_score_percent)
        .bind(i64::from(place.demo))
        .bind(by.map(|u| u.0))
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "meetings.event_create",
        &format!("event:{id}"),
        json!({ "title": d.title, "kind": d.kind.code(), "starts_at": d.starts_at,
                "organiser": place.organiser_id, "territory": place.territory_id }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn actor(by: Option<UserId>) -> By {
    by.map_or(By::System, |u| By::Account(u.0))
}

/// Replaces an event's data; a larger capacity promotes people from the waiting list.
pub async fn update_event(
    db: &Db,
    id: i64,
    territory_id: i64,
    d: &EventDraft,
    by: UserId,
    now: i64,
) -> Result<Vec<i64>> {
    let mut tx = db.begin().await?;
    let n = db
        .query(
            "UPDATE events SET programme = ?, kind = ?, title = ?, description = ?, agenda = ?, \
             speakers = ?, starts_at = ?, ends_at = ?, mode = ?, address = ?, link = ?, \
             capacity = ?, waitlist_capacity = ?, policy = ?, registration_closes_at = ?, \
             questions = ?, certificate_enabled = ?, certificate_requires_post_test = ?, \
             certificate_min_score = ?, territory_id = ?, updated_at = ? WHERE id = ?",
        )
        .bind(d.programme.clone())
        .bind(d.kind.code())
        .bind(d.title.clone())
        .bind(d.description.clone())
        .bind(d.agenda.clone())
        .bind(d.speakers.clone())
        .bind(d.starts_at)
        .bind(d.ends_at)
        .bind(d.mode.kind().code())
        .bind(d.mode.address().map(str::to_string))
        .bind(d.mode.link().map(str::to_string))
        .bind(d.capacity)
        .bind(d.waitlist_capacity)
        .bind(d.policy.code())
        .bind(d.registration_closes_at)
        .bind(questions_json(&d.questions))
        .bind(i64::from(d.certificate.enabled))
        .bind(i64::from(d.certificate.requires_post_test))
        .bind(d.certificate.min_post_score_percent)
        .bind(territory_id)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    let promoted = promote_in(db, &mut tx, id, now).await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.event_update",
        &format!("event:{id}"),
        json!({ "title": d.title, "starts_at": d.starts_at, "capacity": d.capacity,
                "territory": territory_id, "promoted": promoted }),
    )
    .await?;
    tx.commit().await?;
    Ok(promoted)
}

/// Cancels an event (registrations stay, for the record; nobody can register or check in).
pub async fn cancel_event(db: &Db, id: i64, by: UserId, now: i64) -> Result<()> {
    let mut tx = db.begin().await?;
    let n = db
        .query("UPDATE events SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'scheduled'")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.event_cancel",
        &format!("event:{id}"),
        json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One event.
pub async fn event(db: &Db, id: i64) -> Result<Option<Event>> {
    let row = db
        .query(&format!(
            "SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(event_from).transpose()
}

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Only these territories (a territory and its subdivisions); `None` = all.
    pub territories: Option<Vec<i64>>,
    /// Only this programme.
    pub programme: Option<String>,
    /// Only events ending after this time.
    pub ending_after: Option<i64>,
}

/// Events, by start time.
pub async fn events(db: &Db, filter: &EventFilter) -> Result<Vec<Event>> {
    let mut sql = format!("SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE 1 = 1");
    if let Some(ts) = &filter.territories {
        if ts.is_empty() {
            return Ok(Vec::new());
        }
        // Ids are integers from the database, never user text.
        let list: Vec<String> = ts.iter().map(i64::to_string).collect();
        sql.push_str(&format!(" AND e.territory_id IN ({})", list.join(", ")));
    }
    if filter.programme.is_some() {
        sql.push_str(" AND e.programme = ?");
    }
    if filter.ending_after.is_some() {
        sql.push_str(" AND e.ends_at > ?");
    }
    sql.push_str(" ORDER BY e.starts_at, e.id");
    let mut q = db.query(&sql);
    if let Some(p) = &filter.programme {
        q = q.bind(p.clone());
    }
    if let Some(t) = filter.ending_after {
        q = q.bind(t);
    }
    let rows = q.fetch_all(db.pool()).await?;
    rows.iter().map(event_from).collect()
}

/// Distinct programmes, alphabetically.
pub async fn programmes(db: &Db) -> Result<Vec<String>> {
    Ok(db
        .query_scalar(
            "SELECT DISTINCT programme FROM events WHERE programme IS NOT NULL ORDER BY programme",
        )
        .fetch_all(db.pool())
        .await?)
}

// ---------------------------------------------------------------------------------------------
// Registrations
// ---------------------------------------------------------------------------------------------

/// A registration (and attendance once checked in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registration {
    /// Id.
    pub id: i64,
    /// Event.
    pub event_id: i64,
    /// Account, if any.
    pub user_id: Option<i64>,
    /// Name shown on lists and certificates.
    pub name: String,
    /// Registration code.
    pub code: String,
    /// Status.
    pub status: RegistrationStatus,
    /// Answers to the event's questions.
    pub answers: Vec<String>,
    /// Recorded profile.
    pub profile: Profile,
    /// Added at the door.
    pub walk_in: bool,
    /// When registered.
    pub registered_at: i64,
    /// When checked in.
    pub checked_in_at: Option<i64>,
}

impl Registration {
    /// The code, grouped for reading.
    pub fn display_code(&self) -> String {
        Code::parse(&self.code).map_or_else(|_| self.code.clone(), |c| c.to_string())
    }
}

const REG_COLUMNS: &str = "id, event_id, user_id, name, code, status, answers, sex, age_group, \
    actor_type, walk_in, registered_at, checked_in_at";

fn registration_from(row: &AnyRow) -> Result<Registration> {
    let status: String = row.try_get("status")?;
    let answers: String = row.try_get("answers")?;
    let sex: Option<String> = row.try_get("sex")?;
    let age: Option<String> = row.try_get("age_group")?;
    let actor: Option<String> = row.try_get("actor_type")?;
    Ok(Registration {
        id: row.try_get("id")?,
        event_id: row.try_get("event_id")?,
        user_id: row.try_get("user_id")?,
        name: row.try_get("name")?,
        code: row.try_get("code")?,
        status: RegistrationStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        answers: serde_json::from_str(&answers).map_err(|_| corrupt("answers", &answers))?,
        profile: Profile {
            sex: sex.as_deref().and_then(Sex::parse),
            age_group: age.as_deref().and_then(AgeGroup::parse),
            actor_type: actor.as_deref().and_then(ActorType::parse),
        },
        walk_in: row.try_get::<i64, _>("walk_in")? != 0,
        registered_at: row.try_get("registered_at")?,
        checked_in_at: row.try_get("checked_in_at")?,
    })
}

async fn slots_in(db: &Db, tx: &mut Tx, event: i64) -> Result<EventSlots> {
    let row = db
        .query(
            "SELECT status, policy, capacity, waitlist_capacity, registration_closes_at, \
             starts_at, ends_at, \
             (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed, \
             (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waiting') AS waiting \
             FROM events e WHERE id = ?",
        )
        .bind(event)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let status: String = row.try_get("status")?;
    let policy: String = row.try_get("policy")?;
    Ok(EventSlots {
        status: EventStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?,
        policy: RegistrationPolicy::parse(&policy).ok_or_else(|| corrupt("policy", &policy))?,
        capacity: row.try_get("capacity")?,
        waitlist_capacity: row.try_get("waitlist_capacity")?,
        registration_closes_at: row.try_get("registration_closes_at")?,
        starts_at: row.try_get("starts_at")?,
        ends_at: row.try_get("ends_at")?,
        confirmed: row.try_get("confirmed")?,
        waiting: row.try_get("waiting")?,
    })
}

/// Gives freed places to the head of the waiting list; returns the promoted registrations.
async fn promote_in(db: &Db, tx: &mut Tx, event: i64, now: i64) -> Result<Vec<i64>> {
    let slots = slots_in(db, tx, event).await?;
    let n = promotions(&slots, now);
    if n == 0 {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = db
        .query_scalar(
            "SELECT id FROM registrations WHERE event_id = ? AND status = 'waiting' \
             ORDER BY registered_at, id LIMIT ?",
        )
        .bind(event)
        .bind(n)
        .fetch_all(&mut **tx)
        .await?;
    for id in &ids {
        db.query(
            "UPDATE registrations SET status = 'confirmed', status_changed_at = ? WHERE id = ?",
        )
        .bind(now)
        .bind(*id)
        .execute(&mut **tx)
        .await?;
        audit::record_in(
            db,
            tx,
            By::System,
            "meetings.registration_promote",
            &format!("registration:{id}"),
            json!({ "event": event }),
        )
        .await?;
    }
    Ok(ids)
}

/// Someone registering online.
#[derive(Debug, Clone)]
pub struct NewRegistration {
    /// The account.
    pub user: UserId,
    /// Name as shown.
    pub name: String,
    /// Answers to the event's questions (checked here).
    pub answers: Vec<String>,
    /// Profile from the consenting account, completed by the actor type chosen in the form.
    pub profile: Profile,
}

/// Registers someone; returns the new registration (confirmed or waiting).
pub async fn register(
    db: &Db,
    event_id: i64,
    new: &NewRegistration,
    now: i64,
) -> Result<Registration> {
    let event = event(db, event_id).await?.ok_or(StoreError::NotFound)?;
    let answers = check_answers(&event.draft.questions, &new.answers)?;
    let mut tx = db.begin().await?;
    let slots = slots_in(db, &mut tx, event_id).await?;
    let already: i64 = db
        .query_scalar(
            "SELECT COUNT(*) FROM registrations WHERE event_id = ? AND user_id = ? AND status <> 'cancelled'",
        )
        .bind(event_id)
        .bind(new.user.0)
        .fetch_one(&mut *tx)
        .await?;
    let invited: i64 = db
        .query_scalar("SELECT COUNT(*) FROM event_invitations WHERE event_id = ? AND user_id = ?")
        .bind(event_id)
        .bind(new.user.0)
        .fetch_one(&mut *tx)
        .await?;
    let status = decide(
        &slots,
        Applicant {
            already_registered: already > 0,
            invited: invited > 0,
        },
        now,
    )?;
    let id = insert_registration(
        db,
        &mut tx,
        event_id,
        Some(new.user),
        &new.name,
        status,
        &answers,
        new.profile,
        false,
        now,
    )
    .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(new.user.0),
        "meetings.register",
        &format!("registration:{id}"),
        json!({ "event": event_id, "status": status.code() }),
    )
    .await?;
    tx.commit().await?;
    registration(db, id).await?.ok_or(StoreError::NotFound)
}

#[allow(clippy::too_many_arguments)]
async fn insert_registration(
    db: &Db,
    tx: &mut Tx,
    event_id: i64,
    user: Option<UserId>,
    name: &str,
    status: RegistrationStatus,
    answers: &[String],
    profile: Profile,
    walk_in: bool,
    now: i64,
) -> Result<i64> {
    let code = Code::generate();
    let row = db
        .query(
            "INSERT INTO registrations (event_id, user_id, name, code, status, answers, sex, \
             age_group, actor_type, walk_in, registered_at, status_changed_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(event_id)
        .bind(user.map(|u| u.0))
        .bind(name.to_string())
        .bind(code.as_str().to_string())
        .bind(status.code())
        .bind(serde_json::to_string(answers).unwrap_or_else(|_| "[]".into()))
        .bind(profile.sex.map(|s| s.code()))
        .bind(profile.age_group.map(|a| a.code()))
        .bind(profile.actor_type.map(|a| a.code()))
        .bind(i64::from(walk_in))
        .bind(now)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?;
    Ok(row.try_get(0)?)
}

/// One registration.
pub async fn registration(db: &Db, id: i64) -> Result<Option<Registration>> {
    let row = db
        .query(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(registration_from).transpose()
}

/// A person's live (or latest) registration for an event.
pub async fn registration_of(db: &Db, event: i64, user: UserId) -> Result<Option<Registration>> {
    let row = db
        .query(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE event_id = ? AND user_id = ? \
             ORDER BY (CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), id DESC LIMIT 1"
        ))
        .bind(event)
        .bind(user.0)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(registration_from).transpose()
}

/// A person's registrations, newest event first, with their events.
pub async fn registrations_of_user(db: &Db, user: UserId) -> Result<Vec<Registration>> {
    let rows = db
        .query(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE user_id = ? ORDER BY registered_at DESC, id DESC"
        ))
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(registration_from).collect()
}

/// An event's registrations: confirmed, then waiting (in line order), then cancelled.
pub async fn registrations_of_event(db: &Db, event: i64) -> Result<Vec<Registration>> {
    let rows = db
        .query(&format!(
            "SELECT {REG_COLUMNS} FROM registrations WHERE event_id = ? ORDER BY \
             (CASE status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END), registered_at, id"
        ))
        .bind(event)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(registration_from).collect()
}

/// Cancels a registration (by its holder or the organiser) and promotes the next in line.
/// Returns the promoted registrations.
pub async fn cancel_registration(db: &Db, id: i64, by: UserId, now: i64) -> Result<Vec<i64>> {
    let reg = registration(db, id).await?.ok_or(StoreError::NotFound)?;
    let mut tx = db.begin().await?;
    let slots = slots_in(db, &mut tx, reg.event_id).await?;
    // Read again inside the write lock: a second click must not cancel twice.
    let status: String = db
        .query_scalar("SELECT status FROM registrations WHERE id = ?")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    let status = RegistrationStatus::parse(&status).ok_or_else(|| corrupt("status", &status))?;
    can_cancel(status, reg.checked_in_at.is_some(), slots.starts_at, now)?;
    db.query("UPDATE registrations SET status = 'cancelled', status_changed_at = ? WHERE id = ?")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.registration_cancel",
        &format!("registration:{id}"),
        json!({ "event": reg.event_id }),
    )
    .await?;
    let promoted = promote_in(db, &mut tx, reg.event_id, now).await?;
    tx.commit().await?;
    Ok(promoted)
}

/// Invites an account to an event (idempotent); true when the invitation is new.
pub async fn invite(db: &Db, event: i64, user: UserId, by: UserId, now: i64) -> Result<bool> {
    let mut tx = db.begin().await?;
    let n = db
        .query(
            "INSERT INTO event_invitations (event_id, user_id, invited_by, invited_at) \
             VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(event)
        .bind(user.0)
        .bind(by.0)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n > 0 {
        audit::record_in(
            db,
            &mut tx,
            By::Account(by.0),
            "meetings.invite",
            &format!("event:{event}"),
            json!({ "user": user.0 }),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(n > 0)
}

/// Whether an account is invited to an event.
pub async fn is_invited(db: &Db, event: i64, user: UserId) -> Result<bool> {
    let n: i64 = db
        .query_scalar("SELECT COUNT(*) FROM event_invitations WHERE event_id = ? AND user_id = ?")
        .bind(event)
        .bind(user.0)
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// A person invited to an event, with where their registration stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitee {
    /// Account.
    pub user_id: i64,
    /// Name shown.
    pub name: String,
    /// Address.
    pub email: String,
    /// When invited.
    pub invited_at: i64,
    /// Their live (or latest) registration's status; `None` when they have not registered.
    pub status: Option<RegistrationStatus>,
}

/// The people invited to an event, in the order they were invited.
pub async fn invitations(db: &Db, event: i64) -> Result<Vec<Invitee>> {
    let rows = db
        .query(
            "SELECT i.user_id, u.display_name, u.email, i.invited_at, \
             (SELECT r.status FROM registrations r WHERE r.event_id = i.event_id \
              AND r.user_id = i.user_id \
              ORDER BY (CASE WHEN r.status = 'cancelled' THEN 1 ELSE 0 END), r.id DESC LIMIT 1) AS status \
             FROM event_invitations i JOIN users u ON u.id = i.user_id \
             WHERE i.event_id = ? ORDER BY i.invited_at, i.id",
        )
        .bind(event)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            let status: Option<String> = r.try_get("status")?;
            Ok(Invitee {
                user_id: r.try_get("user_id")?,
                name: r.try_get("display_name")?,
                email: r.try_get("email")?,
                invited_at: r.try_get("invited_at")?,
                status: match status {
                    None => None,
                    Some(s) => {
                        Some(RegistrationStatus::parse(&s).ok_or_else(|| corrupt("status", &s))?)
                    }
                },
            })
        })
        .collect()
}

/// Someone with an account to write to about a registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    /// The registration.
    pub registration_id: i64,
    /// Address.
    pub email: String,
    /// Language code of the account.
    pub language: String,
    /// Name on the registration.
    pub name: String,
    /// Registration code.
    pub code: String,
}

const RECIPIENT_SQL: &str = "SELECT r.id, u.email, u.language, r.name, r.code \
     FROM registrations r JOIN users u ON u.id = r.user_id \
     WHERE u.deleted_at IS NULL";

fn recipient_from(r: &AnyRow) -> Result<Recipient> {
    Ok(Recipient {
        registration_id: r.try_get("id")?,
        email: r.try_get("email")?,
        language: r.try_get("language")?,
        name: r.try_get("name")?,
        code: r.try_get("code")?,
    })
}

/// The people with an account who are registered for an event or on its waiting list.
pub async fn registered_accounts(db: &Db, event: i64) -> Result<Vec<Recipient>> {
    let rows = db
        .query(&format!(
            "{RECIPIENT_SQL} AND r.event_id = ? AND r.status IN ('confirmed', 'waiting') ORDER BY r.id"
        ))
        .bind(event)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(recipient_from).collect()
}

/// The holder of a registration, when it belongs to a live account.
pub async fn recipient(db: &Db, registration: i64) -> Result<Option<Recipient>> {
    let row = db
        .query(&format!("{RECIPIENT_SQL} AND r.id = ?"))
        .bind(registration)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(recipient_from).transpose()
}

// ---------------------------------------------------------------------------------------------
// Check-in
// ---------------------------------------------------------------------------------------------

/// How staff identify the person at the door.
#[derive(Debug, Clone)]
pub enum Identify {
    /// By the registration code as typed (or read from the QR code).
    Code(String),
    /// By picking the registration from the list (search by name).
    Registration(i64),
}

/// Checks a registered person in. Values given in `profile` (entered at the door) replace the
/// unknowns of the recorded profile.
pub async fn check_in(
    db: &Db,
    event_id: i64,
    who: &Identify,
    profile: Profile,
    by: UserId,
    now: i64,
) -> Result<Registration> {
    let mut tx = db.begin().await?;
    let slots = slots_in(db, &mut tx, event_id).await?;
    check_in_window(slots.status, slots.starts_at, slots.ends_at, now)?;
    let row = match who {
        Identify::Code(typed) => {
            let code = Code::parse(typed).map_err(|_| CheckInError::MalformedCode)?;
            db.query(&format!(
                "SELECT {REG_COLUMNS} FROM registrations WHERE event_id = ? AND code = ?"
            ))
            .bind(event_id)
            .bind(code.as_str().to_string())
            .fetch_optional(&mut *tx)
            .await?
        }
        Identify::Registration(id) => {
            db.query(&format!(
                "SELECT {REG_COLUMNS} FROM registrations WHERE event_id = ? AND id = ?"
            ))
            .bind(event_id)
            .bind(*id)
            .fetch_optional(&mut *tx)
            .await?
        }
    };
    let reg = row
        .as_ref()
        .map(registration_from)
        .transpose()?
        .ok_or(CheckInError::UnknownCode)?;
    can_check_in(reg.status, reg.checked_in_at.is_some())?;
    let p = profile.or(reg.profile);
    db.query(
        "UPDATE registrations SET checked_in_at = ?, checked_in_by = ?, sex = ?, age_group = ?, \
         actor_type = ? WHERE id = ?",
    )
    .bind(now)
    .bind(by.0)
    .bind(p.sex.map(|s| s.code()))
    .bind(p.age_group.map(|a| a.code()))
    .bind(p.actor_type.map(|a| a.code()))
    .bind(reg.id)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.check_in",
        &format!("registration:{}", reg.id),
        json!({ "event": event_id }),
    )
    .await?;
    tx.commit().await?;
    registration(db, reg.id).await?.ok_or(StoreError::NotFound)
}

/// Adds someone who came without a registration (checked in at once). The capacity does not
/// stop a walk-in: the organiser at the door decides, and the figures must show who came.
pub async fn walk_in(
    db: &Db,
    event_id: i64,
    name: &str,
    user: Option<UserId>,
    profile: Profile,
    by: UserId,
    now: i64,
) -> Result<Registration> {
    let mut tx = db.begin().await?;
    let slots = slots_in(db, &mut tx, event_id).await?;
    check_in_window(slots.status, slots.starts_at, slots.ends_at, now)?;
    let id = insert_registration(
        db,
        &mut tx,
        event_id,
        user,
        name,
        RegistrationStatus::Confirmed,
        &[],
        profile,
        true,
        now,
    )
    .await?;
    db.query("UPDATE registrations SET checked_in_at = ?, checked_in_by = ? WHERE id = ?")
        .bind(now)
        .bind(by.0)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.walk_in",
        &format!("registration:{id}"),
        json!({ "event": event_id }),
    )
    .await?;
    tx.commit().await?;
    registration(db, id).await?.ok_or(StoreError::NotFound)
}

// ---------------------------------------------------------------------------------------------
// Minutes and files
// ---------------------------------------------------------------------------------------------

/// The closing report of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minutes {
    /// Text.
    pub body: String,
    /// Number of contributions (interventions, proposals) made during the event.
    pub contributions: i64,
    /// When written.
    pub written_at: i64,
}

/// Writes (or rewrites) the minutes.
pub async fn set_minutes(
    db: &Db,
    event: i64,
    body: &str,
    contributions: i64,
    by: UserId,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    db.query("DELETE FROM event_minutes WHERE event_id = ?")
        .bind(event)
        .execute(&mut *tx)
        .await?;
    db.query(
        "INSERT INTO event_minutes (event_id, body, contributions, written_by, written_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(event)
    .bind(body.to_string())
    .bind(contributions)
    .bind(by.0)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.minutes",
        &format!("event:{event}"),
        json!({ "contributions": contributions, "length": body.chars().count() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An event's minutes.
pub async fn minutes(db: &Db, event: i64) -> Result<Option<Minutes>> {
    let row = db
        .query("SELECT body, contributions, written_at FROM event_minutes WHERE event_id = ?")
        .bind(event)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(r) => Some(Minutes {
            body: r.try_get("body")?,
            contributions: r.try_get("contributions")?,
            written_at: r.try_get("written_at")?,
        }),
        None => None,
    })
}

/// A file of an event (without its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFile {
    /// Id.
    pub id: i64,
    /// `material` or `minutes`.
    pub purpose: String,
    /// File name as uploaded.
    pub file_name: String,
    /// MIME type.
    pub content_type: String,
}

/// Stores a file of an event.
#[allow(clippy::too_many_arguments)]
pub async fn add_file(
    db: &Db,
    event: i64,
    purpose: &str,
    file_name: &str,
    content_type: &str,
    content: Vec<u8>,
    by: UserId,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query(
            "INSERT INTO event_files (event_id, purpose, file_name, content_type, content, \
             uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(event)
        .bind(purpose.to_string())
        .bind(file_name.to_string())
        .bind(content_type.to_string())
        .bind(content)
        .bind(by.0)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.file_add",
        &format!("event:{event}"),
        json!({ "file": id, "purpose": purpose, "name": file_name }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// An event's files.
pub async fn files(db: &Db, event: i64) -> Result<Vec<EventFile>> {
    let rows = db
        .query(
            "SELECT id, purpose, file_name, content_type FROM event_files WHERE event_id = ? ORDER BY id",
        )
        .bind(event)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(EventFile {
                id: r.try_get("id")?,
                purpose: r.try_get("purpose")?,
                file_name: r.try_get("file_name")?,
                content_type: r.try_get("content_type")?,
            })
        })
        .collect()
}

/// One file with its content.
pub async fn file(db: &Db, event: i64, id: i64) -> Result<Option<(EventFile, Vec<u8>)>> {
    let row = db
        .query(
            "SELECT id, purpose, file_name, content_type, content FROM event_files \
             WHERE event_id = ? AND id = ?",
        )
        .bind(event)
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(match row {
        Some(r) => Some((
            EventFile {
                id: r.try_get("id")?,
                purpose: r.try_get("purpose")?,
                file_name: r.try_get("file_name")?,
                content_type: r.try_get("content_type")?,
            },
            r.try_get("content")?,
        )),
        None => None,
    })
}

// ---------------------------------------------------------------------------------------------
// Tests, satisfaction, certificates
// ---------------------------------------------------------------------------------------------

/// Adds a question to an organiser's bank (audited).
pub async fn add_question(
    db: &Db,
    organiser: i64,
    q: &Question,
    by: Option<UserId>,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query(
            "INSERT INTO test_questions (organiser_id, prompt, choices, correct, created_at) \
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(organiser)
        .bind(q.prompt.clone())
        .bind(serde_json::to_string(&q.choices).unwrap_or_else(|_| "[]".into()))
        .bind(q.correct as i64)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "meetings.question_add",
        &format!("organisation:{organiser}"),
        json!({ "question": id, "prompt": q.prompt }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn question_from(r: &AnyRow) -> Result<Question> {
    let choices: String = r.try_get("choices")?;
    let correct: i64 = r.try_get("correct")?;
    Ok(Question {
        id: r.try_get("id")?,
        prompt: r.try_get("prompt")?,
        choices: serde_json::from_str(&choices).map_err(|_| corrupt("choices", &choices))?,
        correct: usize::try_from(correct).map_err(|_| corrupt("correct", &correct.to_string()))?,
    })
}

/// An organiser's question bank.
pub async fn question_bank(db: &Db, organiser: i64) -> Result<Vec<Question>> {
    let rows = db
        .query("SELECT id, prompt, choices, correct FROM test_questions WHERE organiser_id = ? ORDER BY id")
        .bind(organiser)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(question_from).collect()
}

/// Sets the questions of an event's test (from its organiser's bank), in order.
pub async fn set_event_questions(
    db: &Db,
    event: i64,
    questions: &[i64],
    by: Option<UserId>,
) -> Result<()> {
    let mut tx = db.begin().await?;
    db.query("DELETE FROM event_test_questions WHERE event_id = ?")
        .bind(event)
        .execute(&mut *tx)
        .await?;
    for (pos, q) in questions.iter().enumerate() {
        db.query(
            "INSERT INTO event_test_questions (event_id, question_id, position) \
             SELECT ?, q.id, ? FROM test_questions q JOIN events e ON e.organiser_id = q.organiser_id \
             WHERE q.id = ? AND e.id = ?",
        )
        .bind(event)
        .bind(pos as i64)
        .bind(*q)
        .bind(event)
        .execute(&mut *tx)
        .await?;
    }
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "meetings.test_questions",
        &format!("event:{event}"),
        json!({ "questions": questions }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The questions of an event's test, in order.
pub async fn event_questions(db: &Db, event: i64) -> Result<Vec<Question>> {
    let rows = db
        .query(
            "SELECT q.id, q.prompt, q.choices, q.correct FROM event_test_questions t \
             JOIN test_questions q ON q.id = t.question_id WHERE t.event_id = ? ORDER BY t.position",
        )
        .bind(event)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(question_from).collect()
}

/// The scores a registration has (pre, post).
pub async fn scores(db: &Db, registration: i64) -> Result<(Option<Score>, Option<Score>)> {
    let rows = db
        .query("SELECT phase, correct, total FROM test_results WHERE registration_id = ?")
        .bind(registration)
        .fetch_all(db.pool())
        .await?;
    let mut pre = None;
    let mut post = None;
    for r in rows {
        let phase: String = r.try_get("phase")?;
        let s = Score {
            correct: r.try_get("correct")?,
            total: r.try_get("total")?,
        };
        match TestPhase::parse(&phase) {
            Some(TestPhase::Pre) => pre = Some(s),
            Some(TestPhase::Post) => post = Some(s),
            None => return Err(corrupt("phase", &phase)),
        }
    }
    Ok((pre, post))
}

/// Scores and records a test taken by the holder of a registration.
pub async fn submit_test(
    db: &Db,
    reg: &Registration,
    phase: TestPhase,
    answers: &[Option<usize>],
    by: UserId,
    now: i64,
) -> Result<Score> {
    let questions = event_questions(db, reg.event_id).await?;
    let s = score(&questions, answers)?;
    let mut tx = db.begin().await?;
    let taken: Vec<String> = db
        .query_scalar("SELECT phase FROM test_results WHERE registration_id = ?")
        .bind(reg.id)
        .fetch_all(&mut *tx)
        .await?;
    may_take(
        phase,
        reg.checked_in_at.is_some(),
        taken.iter().any(|p| p == "pre"),
        taken.iter().any(|p| p == "post"),
    )?;
    db.query(
        "INSERT INTO test_results (registration_id, phase, correct, total, answers, taken_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(reg.id)
    .bind(phase.code())
    .bind(s.correct)
    .bind(s.total)
    .bind(serde_json::to_string(answers).unwrap_or_else(|_| "[]".into()))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        By::Account(by.0),
        "meetings.test",
        &format!("registration:{}", reg.id),
        json!({ "phase": phase.code(), "correct": s.correct, "total": s.total }),
    )
    .await?;
    tx.commit().await?;
    Ok(s)
}

/// Records the satisfaction form (once per registration, attendees only).
pub async fn submit_satisfaction(
    db: &Db,
    reg: &Registration,
    s: &Satisfaction,
    by: Option<UserId>,
    now: i64,
) -> Result<()> {
    if reg.checked_in_at.is_none() {
        return Err(AnswerError::NotNow.into());
    }
    let mut tx = db.begin().await?;
    let n = db
        .query(
            "INSERT INTO satisfaction_responses (registration_id, overall, content, speakers, \
             organisation, comment, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(reg.id)
        .bind(s.overall)
        .bind(s.content)
        .bind(s.speakers)
        .bind(s.organisation)
        .bind(s.comment.clone())
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if n == 0 {
        return Err(AnswerError::AlreadyTaken.into());
    }
    audit::record_in(
        db,
        &mut tx,
        actor(by),
        "meetings.satisfaction",
        &format!("registration:{}", reg.id),
        json!({ "overall": s.overall }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the satisfaction form was filled.
pub async fn has_satisfaction(db: &Db, registration: i64) -> Result<bool> {
    let n: i64 = db
        .query_scalar("SELECT COUNT(*) FROM satisfaction_responses WHERE registration_id = ?")
        .bind(registration)
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// An issued certificate, with what it certifies.
#[derive(Debug, Clone)]
pub struct Certificate {
    /// Verification code (11 symbols).
    pub code: String,
    /// When issued.
    pub issued_at: i64,
    /// The registration.
    pub registration: Registration,
    /// The event.
    pub event: Event,
}

/// Issues (or returns the already issued) certificate of a registration, when the event's
/// criteria are met.
pub async fn issue_certificate(db: &Db, reg: &Registration, now: i64) -> Result<Certificate> {
    let event = event(db, reg.event_id).await?.ok_or(StoreError::NotFound)?;
    let (_, post) = scores(db, reg.id).await?;
    certificate_eligibility(&event.draft.certificate, reg.checked_in_at.is_some(), post)?;
    let mut tx = db.begin().await?;
    let existing: Option<(String, i64)> = db
        .query("SELECT verification_code, issued_at FROM certificates WHERE registration_id = ?")
        .bind(reg.id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| Ok::<_, sqlx::Error>((r.try_get(0)?, r.try_get(1)?)))
        .transpose()?;
    let (code, issued_at) = match existing {
        Some(found) => found,
        None => {
            let code = Code::generate().as_str().to_string();
            db.query(
                "INSERT INTO certificates (registration_id, verification_code, issued_at) VALUES (?, ?, ?)",
            )
            .bind(reg.id)
            .bind(code.clone())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            audit::record_in(
                db,
                &mut tx,
                reg.user_id.map_or(By::System, By::Account),
                "meetings.certificate_issue",
                &format!("registration:{}", reg.id),
                json!({ "event": reg.event_id }),
            )
            .await?;
            (code, now)
        }
    };
    tx.commit().await?;
    Ok(Certificate {
        code,
        issued_at,
        registration: reg.clone(),
        event,
    })
}

/// The certificate with this verification code, as typed (`None` when malformed or unknown).
pub async fn certificate_by_code(db: &Db, typed: &str) -> Result<Option<Certificate>> {
    let Ok(code) = Code::parse(typed) else {
        return Ok(None);
    };
    let row = db
        .query("SELECT registration_id, issued_at FROM certificates WHERE verification_code = ?")
        .bind(code.as_str().to_string())
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let reg = registration(db, row.try_get("registration_id")?)
        .await?
        .ok_or(StoreError::NotFound)?;
    let event = event(db, reg.event_id).await?.ok_or(StoreError::NotFound)?;
    Ok(Some(Certificate {
        code: code.as_str().to_string(),
        issued_at: row.try_get("issued_at")?,
        registration: reg,
        event,
    }))
}

// ---------------------------------------------------------------------------------------------
// Figures and reminders
// ---------------------------------------------------------------------------------------------

/// Everything the dashboard computes from, for a set of events.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The events.
    pub events: Vec<EventFact>,
    /// Their attendances.
    pub attendances: Vec<AttendanceFact>,
    /// (event, gain in basis points) per person who took both tests.
    pub gains: Vec<(i64, i64)>,
    /// (event, overall rating) per satisfaction form.
    pub ratings: Vec<(i64, i64)>,
}

/// Loads the dashboard's facts for these events.
pub async fn facts(db: &Db, events: &[Event]) -> Result<Facts> {
    let mut out = Facts::default();
    for e in events {
        out.events.push(EventFact {
            id: e.id,
            status: e.status,
            starts_at: e.draft.starts_at,
        });
        let regs = registrations_of_event(db, e.id).await?;
        for r in regs.iter().filter(|r| r.checked_in_at.is_some()) {
            out.attendances.push(AttendanceFact {
                event: e.id,
                person: r
                    .user_id
                    .map_or(PersonKey::WalkIn(r.id), |u| PersonKey::User(UserId(u))),
                profile: r.profile,
                checked_in_at: r.checked_in_at.unwrap_or(r.registered_at),
            });
        }
        let rows = db
            .query(
                "SELECT r.id, p.correct AS pc, p.total AS pt, q.correct AS qc, q.total AS qt \
                 FROM registrations r \
                 JOIN test_results p ON p.registration_id = r.id AND p.phase = 'pre' \
                 JOIN test_results q ON q.registration_id = r.id AND q.phase = 'post' \
                 WHERE r.event_id = ?",
            )
            .bind(e.id)
            .fetch_all(db.pool())
            .await?;
        for r in rows {
            let pre = Score {
                correct: r.try_get("pc")?,
                total: r.try_get("pt")?,
            };
            let post = Score {
                correct: r.try_get("qc")?,
                total: r.try_get("qt")?,
            };
            out.gains
                .push((e.id, post.basis_points() - pre.basis_points()));
        }
        let ratings: Vec<i64> = db
            .query_scalar(
                "SELECT s.overall FROM satisfaction_responses s \
                 JOIN registrations r ON r.id = s.registration_id WHERE r.event_id = ?",
            )
            .bind(e.id)
            .fetch_all(db.pool())
            .await?;
        out.ratings.extend(ratings.into_iter().map(|r| (e.id, r)));
    }
    Ok(out)
}

/// A reminder to send.
#[derive(Debug, Clone)]
pub struct DueReminder {
    /// Registration.
    pub registration_id: i64,
    /// Recipient's address.
    pub email: String,
    /// Recipient's language.
    pub language: String,
    /// Recipient's name.
    pub name: String,
    /// The event id.
    pub event_id: i64,
    /// Event title.
    pub title: String,
    /// Event start.
    pub starts_at: i64,
}

/// Confirmed registrations with an account, of scheduled events starting within the next
/// 48 hours, whose reminder was not sent yet; the caller keeps those due today.
pub async fn pending_reminders(db: &Db, now: i64) -> Result<Vec<DueReminder>> {
    let rows = db
        .query(
            "SELECT r.id, u.email, u.language, r.name, e.id AS event_id, e.title, e.starts_at \
             FROM registrations r JOIN events e ON e.id = r.event_id \
             JOIN users u ON u.id = r.user_id \
             WHERE r.status = 'confirmed' AND e.status = 'scheduled' AND u.deleted_at IS NULL \
             AND e.starts_at > ? AND e.starts_at < ? \
             AND NOT EXISTS (SELECT 1 FROM event_reminders m WHERE m.registration_id = r.id) \
             ORDER BY r.id",
        )
        .bind(now)
        .bind(now + 48 * 3600)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok(DueReminder {
                registration_id: r.try_get("id")?,
                email: r.try_get("email")?,
                language: r.try_get("language")?,
                name: r.try_get("name")?,
                event_id: r.try_get("event_id")?,
                title: r.try_get("title")?,
                starts_at: r.try_get("starts_at")?,
            })
        })
        .collect()
}

/// Claims the reminder of a registration: true for exactly one caller, whichever process it
/// runs in (the primary key decides), so a reminder is never sent twice.
pub async fn claim_reminder(db: &Db, registration: i64, now: i64) -> Result<bool> {
    let n = db
        .query(
            "INSERT INTO event_reminders (registration_id, sent_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        )
        .bind(registration)
        .bind(now)
        .execute(db.pool())
        .await?
        .rows_affected();
    Ok(n == 1)
}
