//! Demo accounts for `serve --demo`: an administrator, a Tangier commune staff member, a
//! regional bureau member, an association representative and two verified citizens (Tangier
//! and Larache). Their passwords are public on purpose — demo data only, printed at start.
//!
//! Idempotent: accounts are created when missing; roles and residences are added when missing
//! and when the territory module's demo organisations exist (they are seeded first).

use crate::accounts::model::{DisplayName, Email, Evidence, Language, OrgRole};
use crate::accounts::store::{self, NewUser};
use crate::demo::DemoLogin;
use crate::platform::AppState;
use crate::platform::db::Db;
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use crate::platform::password;

struct DemoAccount {
    email: &'static str,
    password: &'static str,
    name: &'static str,
    language: Language,
    role: &'static str,
    admin: bool,
    /// (organisation code, role)
    membership: Option<(&'static str, OrgRole)>,
    /// (territory code, verified by (email), evidence)
    residence: Option<(&'static str, &'static str, Evidence)>,
}

const ADMIN: &str = "admin@demo.nousharik.ma";
const TANGIER_STAFF: &str = "staff.tanger@demo.nousharik.ma";

const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: ADMIN,
        password: "demo-admin-2026",
        name: "مسؤول المنصة (تجريبي)",
        language: Language::Ar,
        role: "platform administrator",
        admin: true,
        membership: None,
        residence: None,
    },
    DemoAccount {
        email: TANGIER_STAFF,
        password: "demo-staff-2026",
        name: "Karim Staff Tanger (démo)",
        language: Language::Fr,
        role: "Tangier commune staff",
        admin: false,
        membership: Some(("council-tanger", OrgRole::Staff)),
        residence: None,
    },
    DemoAccount {
        email: "bureau.region@demo.nousharik.ma",
        password: "demo-bureau-2026",
        name: "نادية عضوة المكتب (تجريبي)",
        language: Language::Ar,
        role: "regional council bureau member",
        admin: false,
        membership: Some(("bureau-region", OrgRole::BureauMember)),
        residence: None,
    },
    DemoAccount {
        email: "association@demo.nousharik.ma",
        password: "demo-assoc-2026",
        name: "Samira Association (démo)",
        language: Language::Fr,
        role: "association representative",
        admin: false,
        membership: Some(("assoc-nassaim", OrgRole::AssociationRepresentative)),
        residence: None,
    },
    DemoAccount {
        email: "citizen.tanger@demo.nousharik.ma",
        password: "demo-citizen-2026",
        name: "أمينة من طنجة (تجريبي)",
        language: Language::Ar,
        role: "verified citizen, Tangier",
        admin: false,
        membership: None,
        residence: Some(("commune-tanger", TANGIER_STAFF, Evidence::CinShownAtCounter)),
    },
    DemoAccount {
        email: "citizen.larache@demo.nousharik.ma",
        password: "demo-citizen-2026",
        name: "ⵢⵓⵙⴼ ⵏ ⵍⵄⵔⴰⵢⵛ (demo)",
        language: Language::Zgh,
        role: "verified citizen, Larache",
        admin: false,
        membership: None,
        residence: Some(("commune-larache", ADMIN, Evidence::ResidenceCertificate)),
    },
];

async fn id_by_code(db: &Db, table: &str, code: &str) -> Result<Option<i64>, sqlx::Error> {
    // `table` is one of two literals below, never input.
    let sql = format!("SELECT id FROM {table} WHERE code = ?");
    db.query_scalar(&sql)
        .bind(code)
        .fetch_optional(db.pool())
        .await
}

async fn ensure_account(db: &Db, a: &DemoAccount, now: i64) -> anyhow::Result<UserId> {
    let email = Email::parse(a.email)?;
    if let Some(u) = store::user_by_email(db, &email).await? {
        return Ok(u.id);
    }
    let pw = a.password.to_owned();
    let phc = tokio::task::spawn_blocking(move || password::hash(&pw)).await??;
    let name = DisplayName::parse(a.name)?;
    let new = NewUser {
        email: &email,
        password_hash: &phc,
        display_name: &name,
        language: a.language,
    };
    let id = match store::create_user(db, &new, now).await? {
        Some(id) => id,
        None => store::user_by_email(db, &email)
            .await?
            .map(|u| u.id)
            .ok_or_else(|| anyhow::anyhow!("demo account {} vanished", a.email))?,
    };
    store::confirm_email(db, id, now).await?;
    if a.admin {
        store::set_admin(db, id, true, None).await?;
    }
    Ok(id)
}

/// Seeds the demo accounts and returns their logins.
pub async fn seed(state: &AppState) -> anyhow::Result<Vec<DemoLogin>> {
    let db = &state.db;
    let now = jiff::Timestamp::now().as_second();
    let mut ids = Vec::new();
    for a in ACCOUNTS {
        ids.push((a, ensure_account(db, a, now).await?));
    }
    let id_of = |email: &str| {
        ids.iter()
            .find(|(a, _)| a.email == email)
            .map(|(_, id)| *id)
    };
    for (a, id) in &ids {
        if let Some((org_code, role)) = a.membership
            && let Some(org) = id_by_code(db, "organisations", org_code).await?
        {
            store::grant_membership(db, *id, OrganisationId(org), role, None, now).await?;
        }
        if let Some((territory_code, verifier, evidence)) = a.residence
            && let Some(territory) = id_by_code(db, "territories", territory_code).await?
            && let Some(by) = id_of(verifier)
            && store::residences_of(db, *id).await?.is_empty()
        {
            store::verify_resident(db, *id, TerritoryId(territory), evidence, by, now).await?;
        }
    }
    Ok(ACCOUNTS
        .iter()
        .map(|a| DemoLogin {
            role: a.role.to_owned(),
            email: a.email.to_owned(),
            password: a.password.to_owned(),
        })
        .collect())
}
