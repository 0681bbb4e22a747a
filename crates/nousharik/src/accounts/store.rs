//! SQL for accounts: users, mailed links, sessions, memberships, resident verifications and
//! rate-limit counters. Every query is written once with `?` placeholders (see
//! [`crate::platform::db`]) and runs on SQLite and PostgreSQL.
//!
//! Changes of a right (confirmation, admin flag, membership, residence, deletion) are written in
//! the same transaction as their audit-log entry, so neither exists without the other.

use serde_json::json;
use sqlx::Row;

use crate::accounts::model::{
    Demographics, DisplayName, Email, Evidence, Language, Membership, OrgRole,
    ResidentVerification, TokenProblem, TokenPurpose, anonymised_email, check_token,
};
use crate::platform::audit::{self, Actor as AuditActor};
use crate::platform::db::Db;
use crate::platform::i18n::Locale;
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use crate::platform::permissions::{TerritoryChain, UserActor};
use crate::platform::secret::{random_token, token_digest};

/// How long a session lives without being used (sliding: each use pushes it forward).
pub const SESSION_LIFETIME_SECS: i64 = 30 * 24 * 3600;
/// A session's expiry is pushed forward at most this often, so a busy user does not cause a
/// write on every request.
pub const SESSION_TOUCH_EVERY_SECS: i64 = 300;

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Normalised address (`deleted-…@deleted.invalid` once deleted).
    pub email: String,
    /// PHC string; `None` once deleted.
    pub password_hash: Option<String>,
    /// Shown name.
    pub display_name: String,
    /// Preferred language.
    pub language: Language,
    /// Platform administrator.
    pub is_admin: bool,
    /// When the address was confirmed.
    pub email_confirmed_at: Option<i64>,
    /// Sex and age group, only under consent.
    pub demographics: Option<Demographics>,
    /// Sign-up time.
    pub created_at: i64,
    /// Deletion time (the row is anonymised).
    pub deleted_at: Option<i64>,
}

const USER_COLUMNS: &str = "id, email, password_hash, display_name, language, is_admin, \
     email_confirmed_at, sex, age_group, demographics_consent_version, demographics_consent_at, \
     created_at, deleted_at";

fn user_from_row(row: &sqlx::any::AnyRow) -> Result<User, sqlx::Error> {
    let sex: Option<String> = row.try_get("sex")?;
    let age: Option<String> = row.try_get("age_group")?;
    let version: Option<i64> = row.try_get("demographics_consent_version")?;
    let given_at: Option<i64> = row.try_get("demographics_consent_at")?;
    // The table's CHECK constraint guarantees a consent whenever a value is present.
    let demographics = match (version, given_at) {
        (Some(version), Some(given_at)) => Demographics::new(
            crate::accounts::model::Consent { version, given_at },
            sex.as_deref().and_then(crate::accounts::model::Sex::parse),
            age.as_deref()
                .and_then(crate::accounts::model::AgeGroup::parse),
        ),
        _ => None,
    };
    let language: String = row.try_get("language")?;
    Ok(User {
        id: UserId(row.try_get("id")?),
        email: row.try_get("email")?,
        password_hash: row.try_get("password_hash")?,
        display_name: row.try_get("display_name")?,
        language: Language::from_code(language.trim()).unwrap_or_default(),
        is_admin: row.try_get::<i64, _>("is_admin")? != 0,
        email_confirmed_at: row.try_get("email_confirmed_at")?,
        demographics,
        created_at: row.try_get("created_at")?,
        deleted_at: row.try_get("deleted_at")?,
    })
}

fn subject(user: UserId) -> String {
    format!("account:{}", user.0)
}

fn audit_actor(by: Option<UserId>) -> AuditActor {
    by.map_or(AuditActor::System, |u| AuditActor::Account(u.0))
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

/// A new account, validated.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Address.
    pub email: &'a Email,
    /// PHC string of the chosen password.
    pub password_hash: &'a str,
    /// Name.
    pub display_name: &'a DisplayName,
    /// Preferred language.
    pub language: Language,
}

/// Creates an account, unconfirmed. `None` when the address already has an account (the
/// caller then mails the owner instead of telling the visitor).
pub async fn create_user(
    db: &Db,
    new: &NewUser<'_>,
    now: i64,
) -> Result<Option<UserId>, sqlx::Error> {
    let id: Option<i64> = db
        .query_scalar(
            "INSERT INTO users (email, password_hash, display_name, language, is_admin, created_at) \
             VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (email) DO NOTHING RETURNING id",
        )
        .bind(new.email.as_str())
        .bind(new.password_hash)
        .bind(new.display_name.as_str())
        .bind(new.language.code())
        .bind(now)
        .fetch_optional(db.pool())
        .await?;
    Ok(id.map(UserId))
}

/// The account with this id (deleted ones included, anonymised).
pub async fn user(db: &Db, id: UserId) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?");
    let row = db.query(&sql).bind(id.0).fetch_optional(db.pool()).await?;
    row.as_ref().map(user_from_row).transpose()
}

/// The live account with this address.
pub async fn user_by_email(db: &Db, email: &Email) -> Result<Option<User>, sqlx::Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = ? AND deleted_at IS NULL");
    let row = db
        .query(&sql)
        .bind(email.as_str())
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(user_from_row).transpose()
}

/// Live accounts whose address or name contains `search` (case-insensitive), by id, one page.
pub async fn list_users(
    db: &Db,
    search: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<User>, sqlx::Error> {
    let pattern = format!("%{}%", escape_like(&search.trim().to_lowercase()));
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users WHERE deleted_at IS NULL \
         AND (email LIKE ? ESCAPE '\\' OR LOWER(display_name) LIKE ? ESCAPE '\\') \
         ORDER BY id LIMIT ? OFFSET ?"
    );
    let rows = db
        .query(&sql)
        .bind(&pattern)
        .bind(&pattern)
        .bind(limit)
        .bind(offset)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(user_from_row).collect()
}

/// Escapes `%`, `_` and `\` so a search string matches literally inside a LIKE pattern.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Marks the address confirmed (first time only) and records it.
pub async fn confirm_email(db: &Db, user: UserId, now: i64) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let changed = db
        .query(
            "UPDATE users SET email_confirmed_at = ? WHERE id = ? AND email_confirmed_at IS NULL",
        )
        .bind(now)
        .bind(user.0)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if changed {
        audit::record_in(
            db,
            &mut tx,
            AuditActor::Account(user.0),
            "account.email.confirm",
            &subject(user),
            json!({}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Replaces the password hash and drops every session of the account (a reset means the old
/// password may be known to someone else).
pub async fn set_password(db: &Db, user: UserId, phc: &str) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    db.query("UPDATE users SET password_hash = ? WHERE id = ? AND deleted_at IS NULL")
        .bind(phc)
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
    db.query("DELETE FROM sessions WHERE user_id = ?")
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// Updates name, language and demographics. `None` demographics erases sex, age group and the
/// consent (withdrawing consent deletes the data).
pub async fn update_profile(
    db: &Db,
    user: UserId,
    name: &DisplayName,
    language: Language,
    demographics: Option<&Demographics>,
) -> Result<(), sqlx::Error> {
    db.query(
        "UPDATE users SET display_name = ?, language = ?, sex = ?, age_group = ?, \
         demographics_consent_version = ?, demographics_consent_at = ? WHERE id = ?",
    )
    .bind(name.as_str())
    .bind(language.code())
    .bind(demographics.and_then(|d| d.sex()).map(|s| s.code()))
    .bind(demographics.and_then(|d| d.age_group()).map(|a| a.code()))
    .bind(demographics.map(|d| d.consent().version))
    .bind(demographics.map(|d| d.consent().given_at))
    .bind(user.0)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Grants or removes platform administrator rights, recorded with who did it. Returns whether
/// anything changed.
pub async fn set_admin(
    db: &Db,
    target: UserId,
    admin: bool,
    by: Option<UserId>,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let changed = db
        .query(
            "UPDATE users SET is_admin = ? WHERE id = ? AND is_admin <> ? AND deleted_at IS NULL",
        )
        .bind(i64::from(admin))
        .bind(target.0)
        .bind(i64::from(admin))
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if changed {
        let action = if admin {
            "account.admin.grant"
        } else {
            "account.admin.revoke"
        };
        audit::record_in(
            db,
            &mut tx,
            audit_actor(by),
            action,
            &subject(target),
            json!({}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Deletes an account: the row stays, anonymised (the audit log and the verifications this
/// person made as staff point at it); sessions, links, memberships, their own residence
/// verifications, password and demographics are removed. Recorded in the audit log.
pub async fn delete_account(db: &Db, user: UserId, now: i64) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    for sql in [
        "DELETE FROM sessions WHERE user_id = ?",
        "DELETE FROM account_tokens WHERE user_id = ?",
        "DELETE FROM memberships WHERE user_id = ?",
        "DELETE FROM resident_verifications WHERE user_id = ?",
    ] {
        db.query(sql).bind(user.0).execute(&mut *tx).await?;
    }
    db.query(
        "UPDATE users SET email = ?, password_hash = NULL, display_name = '—', is_admin = 0, \
         sex = NULL, age_group = NULL, demographics_consent_version = NULL, \
         demographics_consent_at = NULL, deleted_at = ? WHERE id = ?",
    )
    .bind(anonymised_email(user))
    .bind(now)
    .bind(user.0)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        AuditActor::Account(user.0),
        "account.delete",
        &subject(user),
        json!({}),
    )
    .await?;
    tx.commit().await
}

// ---------------------------------------------------------------------------------------------
// Mailed links
// ---------------------------------------------------------------------------------------------

/// Creates a single-use link token and returns it in clear (to be mailed); only its digest is
/// stored.
pub async fn create_token(
    db: &Db,
    user: UserId,
    purpose: TokenPurpose,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = random_token();
    db.query(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) \
         VALUES (?, ?, ?, ?, ?)",
    )
    .bind(token_digest(&token))
    .bind(user.0)
    .bind(purpose.code())
    .bind(now)
    .bind(now + purpose.lifetime_secs())
    .execute(db.pool())
    .await?;
    Ok(token)
}

/// Outcome of checking a link.
pub type TokenResult = Result<UserId, TokenProblem>;

/// Looks a link up without using it (to show the new-password form).
pub async fn peek_token(
    db: &Db,
    token: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<TokenResult, sqlx::Error> {
    let row = db
        .query(
            "SELECT user_id, expires_at, used_at FROM account_tokens \
             WHERE token_hash = ? AND purpose = ?",
        )
        .bind(token_digest(token))
        .bind(purpose.code())
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else {
        return Ok(Err(TokenProblem::Unknown));
    };
    let user = UserId(row.try_get("user_id")?);
    Ok(check_token(row.try_get("expires_at")?, row.try_get("used_at")?, now).map(|()| user))
}

/// Uses a link: valid only once, only before it expires. Two concurrent uses cannot both
/// succeed (the update is conditional on `used_at IS NULL`).
pub async fn use_token(
    db: &Db,
    token: &str,
    purpose: TokenPurpose,
    now: i64,
) -> Result<TokenResult, sqlx::Error> {
    let user = match peek_token(db, token, purpose, now).await? {
        Ok(user) => user,
        Err(problem) => return Ok(Err(problem)),
    };
    let used = db
        .query(
            "UPDATE account_tokens SET used_at = ? \
             WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
        )
        .bind(now)
        .bind(token_digest(token))
        .bind(purpose.code())
        .bind(now)
        .execute(db.pool())
        .await?
        .rows_affected();
    Ok(if used == 1 {
        Ok(user)
    } else {
        Err(TokenProblem::Used)
    })
}

/// Marks every unused link of a kind as used (after a password reset, older reset links die).
pub async fn expire_tokens(
    db: &Db,
    user: UserId,
    purpose: TokenPurpose,
    now: i64,
) -> Result<(), sqlx::Error> {
    db.query(
        "UPDATE account_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
    )
    .bind(now)
    .bind(user.0)
    .bind(purpose.code())
    .execute(db.pool())
    .await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

/// A live session, with its account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Row id.
    pub id: i64,
    /// The account.
    pub user: User,
    /// Secret the CSRF tokens of this session are derived from.
    pub csrf_secret: String,
    /// When the session was last used.
    pub last_seen_at: i64,
    /// When it ends unless used again.
    pub expires_at: i64,
    /// Whether this lookup pushed the expiry forward (the cookie is then refreshed too).
    pub touched: bool,
}

/// Opens a session and returns the token for the cookie (stored only as its digest).
pub async fn create_session(
    db: &Db,
    user: UserId,
    user_agent: &str,
    now: i64,
) -> Result<String, sqlx::Error> {
    let token = random_token();
    let agent: String = user_agent.chars().take(256).collect();
    db.query(
        "INSERT INTO sessions (token_hash, user_id, csrf_secret, created_at, last_seen_at, \
         expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(token_digest(&token))
    .bind(user.0)
    .bind(random_token())
    .bind(now)
    .bind(now)
    .bind(now + SESSION_LIFETIME_SECS)
    .bind(agent)
    .execute(db.pool())
    .await?;
    Ok(token)
}

/// The live session for a cookie token, sliding its expiry forward when it was last pushed
/// more than [`SESSION_TOUCH_EVERY_SECS`] ago. Expired sessions and deleted accounts give
/// `None`.
pub async fn session(db: &Db, token: &str, now: i64) -> Result<Option<Session>, sqlx::Error> {
    let cols: String = USER_COLUMNS
        .split(", ")
        .map(|c| format!("u.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT s.id AS session_id, s.csrf_secret, s.last_seen_at, s.expires_at, {cols} \
         FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = ? AND s.expires_at > ? AND u.deleted_at IS NULL"
    );
    let Some(row) = db
        .query(&sql)
        .bind(token_digest(token))
        .bind(now)
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    let mut session = Session {
        id: row.try_get("session_id")?,
        user: user_from_row(&row)?,
        csrf_secret: row.try_get("csrf_secret")?,
        last_seen_at: row.try_get("last_seen_at")?,
        expires_at: row.try_get("expires_at")?,
        touched: false,
    };
    if now - session.last_seen_at >= SESSION_TOUCH_EVERY_SECS {
        // Sliding the expiry is a convenience, not a condition of the request: when the
        // database is too busy to take the write (many requests of one person at once), the
        // session stays valid as it is and the next request slides it.
        let touched = db
            .query("UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?")
            .bind(now)
            .bind(now + SESSION_LIFETIME_SECS)
            .bind(session.id)
            .execute(db.pool())
            .await;
        match touched {
            Ok(_) => {
                session.touched = true;
                session.last_seen_at = now;
                session.expires_at = now + SESSION_LIFETIME_SECS;
            }
            Err(e) => tracing::debug!(error = %e, "session expiry not slid this time"),
        }
    }
    Ok(Some(session))
}

/// Ends the session with this cookie token (log-out).
pub async fn delete_session(db: &Db, token: &str) -> Result<(), sqlx::Error> {
    db.query("DELETE FROM sessions WHERE token_hash = ?")
        .bind(token_digest(token))
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes expired sessions and old rate-limit windows (housekeeping).
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, sqlx::Error> {
    let sessions = db
        .query("DELETE FROM sessions WHERE expires_at <= ?")
        .bind(now)
        .execute(db.pool())
        .await?
        .rows_affected();
    db.query("DELETE FROM rate_limits WHERE window_start < ?")
        .bind(now - 24 * 3600)
        .execute(db.pool())
        .await?;
    Ok(sessions)
}

// ---------------------------------------------------------------------------------------------
// Memberships
// ---------------------------------------------------------------------------------------------

/// A membership with the organisation's display data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipRow {
    /// The account.
    pub user: UserId,
    /// The role.
    pub membership: Membership,
    /// When it was granted.
    pub granted_at: i64,
    /// Who granted it (`None` = the platform, e.g. demo seeding).
    pub granted_by: Option<UserId>,
}

fn membership_from_row(row: &sqlx::any::AnyRow) -> Result<MembershipRow, sqlx::Error> {
    let role: String = row.try_get("role")?;
    Ok(MembershipRow {
        user: UserId(row.try_get("user_id")?),
        membership: Membership {
            organisation: OrganisationId(row.try_get("organisation_id")?),
            territory: TerritoryId(row.try_get("territory_id")?),
            // Roles are written from `OrgRole::code` only; an unknown one is a corrupt row.
            role: OrgRole::parse(&role)
                .ok_or_else(|| sqlx::Error::Decode(format!("unknown role {role:?}").into()))?,
        },
        granted_at: row.try_get("granted_at")?,
        granted_by: row.try_get::<Option<i64>, _>("granted_by")?.map(UserId),
    })
}

const MEMBERSHIP_SELECT: &str = "SELECT m.user_id, m.organisation_id, o.territory_id, m.role, \
     m.granted_at, m.granted_by FROM memberships m JOIN organisations o ON o.id = m.organisation_id";

/// Roles held by an account.
pub async fn memberships_of(db: &Db, user: UserId) -> Result<Vec<MembershipRow>, sqlx::Error> {
    let sql = format!("{MEMBERSHIP_SELECT} WHERE m.user_id = ? ORDER BY m.organisation_id, m.role");
    let rows = db.query(&sql).bind(user.0).fetch_all(db.pool()).await?;
    rows.iter().map(membership_from_row).collect()
}

/// Members of an organisation.
pub async fn members_of(
    db: &Db,
    organisation: OrganisationId,
) -> Result<Vec<MembershipRow>, sqlx::Error> {
    let sql = format!("{MEMBERSHIP_SELECT} WHERE m.organisation_id = ? ORDER BY m.user_id, m.role");
    let rows = db
        .query(&sql)
        .bind(organisation.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(membership_from_row).collect()
}

/// Grants a role (no-op when already held); recorded. Returns whether it was new.
pub async fn grant_membership(
    db: &Db,
    user: UserId,
    organisation: OrganisationId,
    role: OrgRole,
    by: Option<UserId>,
    now: i64,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let added = db
        .query(
            "INSERT INTO memberships (user_id, organisation_id, role, granted_by, granted_at) \
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, organisation_id, role) DO NOTHING",
        )
        .bind(user.0)
        .bind(organisation.0)
        .bind(role.code())
        .bind(by.map(|u| u.0))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if added {
        let details = json!({"organisation": organisation.0, "role": role.code()});
        audit::record_in(
            db,
            &mut tx,
            audit_actor(by),
            "account.membership.grant",
            &subject(user),
            details,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(added)
}

/// Revokes a role; recorded. Returns whether it was held.
pub async fn revoke_membership(
    db: &Db,
    user: UserId,
    organisation: OrganisationId,
    role: OrgRole,
    by: Option<UserId>,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let removed = db
        .query("DELETE FROM memberships WHERE user_id = ? AND organisation_id = ? AND role = ?")
        .bind(user.0)
        .bind(organisation.0)
        .bind(role.code())
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if removed {
        let details = json!({"organisation": organisation.0, "role": role.code()});
        audit::record_in(
            db,
            &mut tx,
            audit_actor(by),
            "account.membership.revoke",
            &subject(user),
            details,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(removed)
}

// ---------------------------------------------------------------------------------------------
// Territories (read-only here) and resident verification
// ---------------------------------------------------------------------------------------------

/// A territory and its ancestors, nearest first; `None` when it does not exist.
pub async fn territory_chain(
    db: &Db,
    territory: TerritoryId,
) -> Result<Option<TerritoryChain>, sqlx::Error> {
    let ids: Vec<i64> = db
        .query_scalar(
            "WITH RECURSIVE chain (id, parent_id, depth) AS ( \
               SELECT id, parent_id, 0 FROM territories WHERE id = ? \
               UNION ALL \
               SELECT t.id, t.parent_id, c.depth + 1 FROM territories t \
               JOIN chain c ON t.id = c.parent_id WHERE c.depth < 16) \
             SELECT id FROM chain ORDER BY depth",
        )
        .bind(territory.0)
        .fetch_all(db.pool())
        .await?;
    let mut it = ids.into_iter().map(TerritoryId);
    Ok(it.next().map(|first| TerritoryChain::new(first, it)))
}

/// Residences verified for an account.
pub async fn residences_of(
    db: &Db,
    user: UserId,
) -> Result<Vec<ResidentVerification>, sqlx::Error> {
    let rows = db
        .query(
            "SELECT territory_id, verified_by, verified_at, evidence FROM resident_verifications \
             WHERE user_id = ? ORDER BY verified_at",
        )
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|row| {
            let evidence: String = row.try_get("evidence")?;
            Ok(ResidentVerification {
                territory: TerritoryId(row.try_get("territory_id")?),
                verified_by: UserId(row.try_get("verified_by")?),
                verified_at: row.try_get("verified_at")?,
                evidence: Evidence::parse(&evidence).ok_or_else(|| {
                    sqlx::Error::Decode(format!("unknown evidence {evidence:?}").into())
                })?,
            })
        })
        .collect()
}

/// Records (or renews) a resident verification; recorded in the audit log with the evidence
/// kind.
pub async fn verify_resident(
    db: &Db,
    user: UserId,
    territory: TerritoryId,
    evidence: Evidence,
    by: UserId,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    db.query(
        "INSERT INTO resident_verifications (user_id, territory_id, verified_by, evidence, verified_at) \
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, territory_id) DO UPDATE SET \
         verified_by = excluded.verified_by, evidence = excluded.evidence, \
         verified_at = excluded.verified_at",
    )
    .bind(user.0)
    .bind(territory.0)
    .bind(by.0)
    .bind(evidence.code())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let details = json!({"territory": territory.0, "evidence": evidence.code()});
    audit::record_in(
        db,
        &mut tx,
        AuditActor::Account(by.0),
        "account.resident.verify",
        &subject(user),
        details,
    )
    .await?;
    tx.commit().await
}

/// Withdraws a resident verification; recorded. Returns whether there was one.
pub async fn revoke_residence(
    db: &Db,
    user: UserId,
    territory: TerritoryId,
    by: UserId,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let removed = db
        .query("DELETE FROM resident_verifications WHERE user_id = ? AND territory_id = ?")
        .bind(user.0)
        .bind(territory.0)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if removed {
        audit::record_in(
            db,
            &mut tx,
            AuditActor::Account(by.0),
            "account.resident.revoke",
            &subject(user),
            json!({"territory": territory.0}),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(removed)
}

/// Everything the permission rules need about an account.
pub async fn load_actor(db: &Db, user: &User) -> Result<UserActor, sqlx::Error> {
    let memberships = memberships_of(db, user.id)
        .await?
        .into_iter()
        .map(|m| m.membership)
        .collect();
    let mut residences = Vec::new();
    for r in residences_of(db, user.id).await? {
        if let Some(chain) = territory_chain(db, r.territory).await? {
            residences.push(chain);
        }
    }
    Ok(UserActor {
        id: user.id,
        is_admin: user.is_admin,
        email_confirmed: user.email_confirmed_at.is_some(),
        memberships,
        residences,
    })
}

// ---------------------------------------------------------------------------------------------
// Rate limits
// ---------------------------------------------------------------------------------------------

/// Counts one hit in `bucket`'s current fixed window of `window_secs` and returns the number of
/// hits in that window, this one included. Works across processes (the counter is a row).
pub async fn rate_limit_hit(
    db: &Db,
    bucket: &str,
    window_secs: i64,
    now: i64,
) -> Result<i64, sqlx::Error> {
    let window_start = now - now.rem_euclid(window_secs.max(1));
    db.query_scalar(
        "INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) \
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 \
         RETURNING hits",
    )
    .bind(bucket)
    .bind(window_start)
    .fetch_one(db.pool())
    .await
}

// ---------------------------------------------------------------------------------------------
// Names, counts and the personal-data export
// ---------------------------------------------------------------------------------------------

/// The name to show in `locale`: Tamazight falls back to Arabic, English to French (the
/// territory module's rule for names kept in four languages).
fn pick_name(row: &sqlx::any::AnyRow, locale: Locale) -> Result<String, sqlx::Error> {
    let ar: String = row.try_get("name_ar")?;
    let fr: String = row.try_get("name_fr")?;
    let zgh: Option<String> = row.try_get("name_zgh")?;
    let en: Option<String> = row.try_get("name_en")?;
    Ok(match locale {
        Locale::Ar => ar,
        Locale::Fr => fr,
        Locale::Zgh => zgh.unwrap_or(ar),
        Locale::En => en.unwrap_or(fr),
    })
}

/// An organisation's name in `locale` (`#id` if it has disappeared).
pub async fn organisation_name(
    db: &Db,
    organisation: OrganisationId,
    locale: Locale,
) -> Result<String, sqlx::Error> {
    let row = db
        .query("SELECT name_ar, name_fr, name_zgh, name_en FROM organisations WHERE id = ?")
        .bind(organisation.0)
        .fetch_optional(db.pool())
        .await?;
    row.map_or_else(
        || Ok(format!("#{}", organisation.0)),
        |r| pick_name(&r, locale),
    )
}

/// A territory's name in `locale` (`#id` if it has disappeared).
pub async fn territory_name(
    db: &Db,
    territory: TerritoryId,
    locale: Locale,
) -> Result<String, sqlx::Error> {
    let row = db
        .query("SELECT name_ar, name_fr, name_zgh, name_en FROM territories WHERE id = ?")
        .bind(territory.0)
        .fetch_optional(db.pool())
        .await?;
    row.map_or_else(
        || Ok(format!("#{}", territory.0)),
        |r| pick_name(&r, locale),
    )
}

/// Every organisation as (id, name in `locale`), by name, for the role form.
pub async fn organisation_choices(
    db: &Db,
    locale: Locale,
) -> Result<Vec<(OrganisationId, String)>, sqlx::Error> {
    let rows = db
        .query("SELECT id, name_ar, name_fr, name_zgh, name_en FROM organisations ORDER BY id")
        .fetch_all(db.pool())
        .await?;
    let mut out = rows
        .iter()
        .map(|r| Ok((OrganisationId(r.try_get("id")?), pick_name(r, locale)?)))
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// Every territory as (id, parent, name in `locale`), for the verification form.
pub async fn territory_choices(
    db: &Db,
    locale: Locale,
) -> Result<Vec<(TerritoryId, Option<TerritoryId>, String)>, sqlx::Error> {
    let rows = db
        .query("SELECT id, parent_id, name_ar, name_fr, name_zgh, name_en FROM territories ORDER BY id")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| {
            Ok((
                TerritoryId(r.try_get("id")?),
                r.try_get::<Option<i64>, _>("parent_id")?.map(TerritoryId),
                pick_name(r, locale)?,
            ))
        })
        .collect()
}

/// Whether an organisation exists.
pub async fn organisation_exists(
    db: &Db,
    organisation: OrganisationId,
) -> Result<bool, sqlx::Error> {
    let n: i64 = db
        .query_scalar("SELECT COUNT(*) FROM organisations WHERE id = ?")
        .bind(organisation.0)
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// How many live administrators there are.
pub async fn admin_count(db: &Db) -> Result<i64, sqlx::Error> {
    db.query_scalar("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND deleted_at IS NULL")
        .fetch_one(db.pool())
        .await
}

fn iso(t: i64) -> String {
    jiff::Timestamp::from_second(t).map_or_else(|_| t.to_string(), |ts| ts.to_string())
}

/// Everything the platform keeps about an account, for "download my data" (law 09-08 right
/// of access): the account, its roles, its verified residences, its sessions, and the audit
/// entries about it or made by it.
pub async fn export(db: &Db, user: UserId) -> Result<serde_json::Value, sqlx::Error> {
    let Some(u) = self::user(db, user).await? else {
        return Err(sqlx::Error::RowNotFound);
    };
    let demographics = u.demographics.map(|d| {
        json!({
            "sex": d.sex().map(|s| s.code()),
            "age_group": d.age_group().map(|a| a.code()),
            "consent_text_version": d.consent().version,
            "consent_given_at": iso(d.consent().given_at),
        })
    });
    let memberships: Vec<serde_json::Value> = memberships_of(db, user)
        .await?
        .into_iter()
        .map(|m| {
            json!({
                "organisation_id": m.membership.organisation.0,
                "role": m.membership.role.code(),
                "granted_at": iso(m.granted_at),
                "granted_by_account": m.granted_by.map(|g| g.0),
            })
        })
        .collect();
    let residences: Vec<serde_json::Value> = residences_of(db, user)
        .await?
        .into_iter()
        .map(|r| {
            json!({
                "territory_id": r.territory.0,
                "evidence": r.evidence.code(),
                "verified_at": iso(r.verified_at),
                "verified_by_account": r.verified_by.0,
            })
        })
        .collect();
    let sessions: Vec<serde_json::Value> = db
        .query(
            "SELECT created_at, last_seen_at, expires_at, user_agent FROM sessions \
             WHERE user_id = ? ORDER BY created_at",
        )
        .bind(user.0)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|r| {
            Ok(json!({
                "created_at": iso(r.try_get("created_at")?),
                "last_seen_at": iso(r.try_get("last_seen_at")?),
                "expires_at": iso(r.try_get("expires_at")?),
                "user_agent": r.try_get::<String, _>("user_agent")?,
            }))
        })
        .collect::<Result<_, sqlx::Error>>()?;
    let who = subject(user);
    let audit: Vec<serde_json::Value> = db
        .query(
            "SELECT id, at, actor, action, subject, details FROM audit_log \
             WHERE subject = ? OR actor = ? ORDER BY id",
        )
        .bind(&who)
        .bind(&who)
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|r| {
            Ok(json!({
                "id": r.try_get::<i64, _>("id")?,
                "at": iso(r.try_get("at")?),
                "actor": r.try_get::<String, _>("actor")?,
                "action": r.try_get::<String, _>("action")?,
                "subject": r.try_get::<String, _>("subject")?,
                "details": r.try_get::<String, _>("details")?,
            }))
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(json!({
        "exported_at": iso(jiff::Timestamp::now().as_second()),
        "account": {
            "id": u.id.0,
            "email": u.email,
            "display_name": u.display_name,
            "language": u.language.code(),
            "is_admin": u.is_admin,
            "created_at": iso(u.created_at),
            "email_confirmed_at": u.email_confirmed_at.map(iso),
            "demographics": demographics,
        },
        "memberships": memberships,
        "resident_verifications": residences,
        "sessions": sessions,
        "audit_log": audit,
    }))
}
