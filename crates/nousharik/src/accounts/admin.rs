//! Administration of accounts: the user list and page (administrators), rights (admin flag,
//! memberships) and resident verification by staff.
//!
//! Every change goes through [`allowed`] first and is written with its audit-log entry by the
//! store.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::accounts::model::{Email, Evidence, OrgRole, VerificationLevel};
use crate::accounts::routes::{now, render};
use crate::accounts::store::{self, User};
use crate::accounts::views::{
    Feedback, FieldErrors, SelectOption, email_error_key, evidence_label, evidence_options,
    level_label, role_label, role_options,
};
use crate::platform::AppState;
use crate::platform::error::AppError;
use crate::platform::i18n::{Arg, Locale};
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use crate::platform::layout::Page;
use crate::platform::permissions::{Action, Actor, Denied, TerritoryChain, allowed};
use crate::platform::session::{Csrf, RequireAdmin, RequireUser};

/// Page size of the user list.
const PAGE_SIZE: i64 = 50;

/// The administration routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/users", get(users))
        .route("/admin/users/{id}", get(user_page))
        .route("/admin/users/{id}/admin", post(set_admin))
        .route("/admin/users/{id}/memberships", post(membership))
        .route(
            "/admin/users/{id}/residences/{territory}/revoke",
            post(revoke_residence),
        )
        .route("/staff/residents", get(verify_form).post(verify))
}

// ---------------------------------------------------------------------------------------------
// User list
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ListQuery {
    q: String,
    page: String,
}

/// A row of the user list.
struct UserRow {
    id: i64,
    name: String,
    email: String,
    level: String,
    created: String,
    is_admin: bool,
}

#[derive(Template)]
#[template(path = "accounts/admin_users.html")]
struct UsersTemplate<'a> {
    page: &'a Page,
    q: String,
    users: Vec<UserRow>,
    prev: Option<String>,
    next: Option<String>,
}

async fn users(
    State(state): State<AppState>,
    page: Page,
    RequireAdmin(me): RequireAdmin,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::ListUsers)?;
    let q: String = query.q.trim().chars().take(254).collect();
    let number = query.page.parse::<i64>().unwrap_or(1).clamp(1, 100_000);
    let mut found =
        store::list_users(&state.db, &q, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE).await?;
    let has_more = found.len() as i64 > PAGE_SIZE;
    found.truncate(usize::try_from(PAGE_SIZE).unwrap_or(50));
    let href = |n: i64| format!("/admin/users?q={}&page={n}", urlencoding::encode(&q));
    let rows = found
        .iter()
        .map(|u| UserRow {
            id: u.id.0,
            name: u.display_name.clone(),
            email: u.email.clone(),
            level: level_label(
                page.locale,
                if u.email_confirmed_at.is_some() {
                    VerificationLevel::EmailConfirmed
                } else {
                    VerificationLevel::Unconfirmed
                },
            ),
            created: page.date(&u.created_at),
            is_admin: u.is_admin,
        })
        .collect();
    render(
        StatusCode::OK,
        &UsersTemplate {
            page: &page,
            q: q.clone(),
            users: rows,
            prev: (number > 1).then(|| href(number - 1)),
            next: has_more.then(|| href(number + 1)),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// One user: rights
// ---------------------------------------------------------------------------------------------

struct MembershipItem {
    organisation: i64,
    role: &'static str,
    label: String,
}

struct ResidenceItem {
    territory: i64,
    label: String,
}

#[derive(Template)]
#[template(path = "accounts/admin_user.html")]
struct UserTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    id: i64,
    name: String,
    email: String,
    level: String,
    created: String,
    is_admin: bool,
    memberships: Vec<MembershipItem>,
    residences: Vec<ResidenceItem>,
    organisations: Vec<SelectOption>,
    roles: Vec<SelectOption>,
    errors: FieldErrors,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct NoticeQuery {
    notice: String,
}

fn admin_notice(page: &Page, code: &str) -> Option<String> {
    let key = match code {
        "granted-admin" => "accounts-admin-admin-granted",
        "revoked-admin" => "accounts-admin-admin-revoked",
        "role-granted" => "accounts-admin-role-granted",
        "role-revoked" => "accounts-admin-role-revoked",
        "residence-revoked" => "accounts-admin-residence-revoked",
        _ => return None,
    };
    Some(page.t(key))
}

async fn live_user(state: &AppState, id: i64) -> Result<User, AppError> {
    store::user(&state.db, UserId(id))
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(AppError::NotFound)
}

async fn render_user(
    state: &AppState,
    page: &Page,
    csrf: &str,
    user: &User,
    errors: FieldErrors,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let locale = page.locale;
    let residences = store::residences_of(&state.db, user.id).await?;
    let level = VerificationLevel::of(user.email_confirmed_at.is_some(), &residences);
    let mut memberships = Vec::new();
    for m in store::memberships_of(&state.db, user.id).await? {
        let org = store::organisation_name(&state.db, m.membership.organisation, locale).await?;
        memberships.push(MembershipItem {
            organisation: m.membership.organisation.0,
            role: m.membership.role.code(),
            label: format!("{} — {org}", role_label(locale, m.membership.role)),
        });
    }
    let mut residence_items = Vec::new();
    for r in &residences {
        let name = store::territory_name(&state.db, r.territory, locale).await?;
        residence_items.push(ResidenceItem {
            territory: r.territory.0,
            label: page.tr(
                "accounts-residence-line",
                &[
                    ("territory", Arg::from(name)),
                    ("date", Arg::from(page.date(&r.verified_at))),
                    ("evidence", Arg::from(evidence_label(locale, r.evidence))),
                ],
            ),
        });
    }
    let organisations = store::organisation_choices(&state.db, locale)
        .await?
        .into_iter()
        .map(|(id, name)| SelectOption {
            code: id.0.to_string(),
            label: name,
        })
        .collect();
    render(
        status,
        &UserTemplate {
            page,
            csrf,
            id: user.id.0,
            name: user.display_name.clone(),
            email: user.email.clone(),
            level: level_label(locale, level),
            created: page.date(&user.created_at),
            is_admin: user.is_admin,
            memberships,
            residences: residence_items,
            organisations,
            roles: role_options(locale),
            errors,
            notice,
        },
    )
}

async fn user_page(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireAdmin(me): RequireAdmin,
    Path(id): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    allowed(&me.actor(), &Action::ListUsers)?;
    let user = live_user(&state, id).await?;
    let notice = admin_notice(&page, &q.notice);
    render_user(
        &state,
        &page,
        &csrf,
        &user,
        FieldErrors::default(),
        notice,
        StatusCode::OK,
    )
    .await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct GrantForm {
    grant: String,
    organisation: String,
    role: String,
}

async fn set_admin(
    State(state): State<AppState>,
    RequireAdmin(me): RequireAdmin,
    Path(id): Path<i64>,
    Form(input): Form<GrantForm>,
) -> Result<Response, AppError> {
    let target = live_user(&state, id).await?;
    let grant = match input.grant.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("accounts-error-bad-form")),
    };
    let action = if grant {
        Action::GrantAdmin { target: target.id }
    } else {
        Action::RevokeAdmin { target: target.id }
    };
    allowed(&me.actor(), &action)?;
    store::set_admin(&state.db, target.id, grant, Some(me.user.id)).await?;
    let notice = if grant {
        "granted-admin"
    } else {
        "revoked-admin"
    };
    Ok(Redirect::to(&format!("/admin/users/{id}?notice={notice}")).into_response())
}

async fn membership(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireAdmin(me): RequireAdmin,
    Path(id): Path<i64>,
    Form(input): Form<GrantForm>,
) -> Result<Response, AppError> {
    let target = live_user(&state, id).await?;
    let locale = page.locale;
    let mut errors = FieldErrors::default();
    let organisation = match input.organisation.trim().parse::<i64>() {
        Ok(o) if store::organisation_exists(&state.db, OrganisationId(o)).await? => {
            Some(OrganisationId(o))
        }
        _ => {
            errors.add(locale, "organisation", "accounts-error-organisation");
            None
        }
    };
    let role = OrgRole::parse(input.role.trim());
    if role.is_none() {
        errors.add(locale, "role", "accounts-error-role");
    }
    let grant = match input.grant.as_str() {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("accounts-error-bad-form")),
    };
    let (Some(organisation), Some(role)) = (organisation, role) else {
        return render_user(
            &state,
            &page,
            &csrf,
            &target,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    allowed(&me.actor(), &Action::ManageMembers(organisation))?;
    let now = now();
    if grant {
        store::grant_membership(
            &state.db,
            target.id,
            organisation,
            role,
            Some(me.user.id),
            now,
        )
        .await?;
    } else {
        store::revoke_membership(&state.db, target.id, organisation, role, Some(me.user.id))
            .await?;
    }
    let notice = if grant {
        "role-granted"
    } else {
        "role-revoked"
    };
    Ok(Redirect::to(&format!("/admin/users/{id}?notice={notice}")).into_response())
}

async fn revoke_residence(
    State(state): State<AppState>,
    RequireUser(me): RequireUser,
    Path((id, territory)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let target = live_user(&state, id).await?;
    let chain = store::territory_chain(&state.db, TerritoryId(territory))
        .await?
        .ok_or(AppError::NotFound)?;
    allowed(
        &me.actor(),
        &Action::VerifyResident {
            target: target.id,
            territory: chain,
        },
    )?;
    store::revoke_residence(&state.db, target.id, TerritoryId(territory), me.user.id).await?;
    Ok(Redirect::to(&format!("/admin/users/{id}?notice=residence-revoked")).into_response())
}

// ---------------------------------------------------------------------------------------------
// Resident verification (staff)
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct VerifyForm {
    email: String,
    territory: String,
    evidence: String,
}

#[derive(Debug, Default)]
struct VerifyValues {
    email: String,
    territory: String,
    evidence: String,
}

#[derive(Template)]
#[template(path = "accounts/staff_residents.html")]
struct VerifyTemplate<'a> {
    page: &'a Page,
    csrf: &'a str,
    form: VerifyValues,
    territories: Vec<SelectOption>,
    evidence_options: Vec<SelectOption>,
    errors: FieldErrors,
    notice: Option<String>,
}

/// Territories where `actor` may verify residents, in tree order, indented by depth.
async fn verifiable_territories(
    state: &AppState,
    actor: &Actor,
    locale: Locale,
) -> Result<Vec<SelectOption>, AppError> {
    let all = store::territory_choices(&state.db, locale).await?;
    let parents: HashMap<TerritoryId, Option<TerritoryId>> =
        all.iter().map(|(id, parent, _)| (*id, *parent)).collect();
    let chain_of = |t: TerritoryId| {
        let mut ancestors = Vec::new();
        let mut cur = parents.get(&t).copied().flatten();
        while let Some(p) = cur {
            if ancestors.len() > 16 || ancestors.contains(&p) {
                break;
            }
            ancestors.push(p);
            cur = parents.get(&p).copied().flatten();
        }
        TerritoryChain::new(t, ancestors)
    };
    // The person is not known yet: ask the rule with a target that is nobody, so only the
    // territorial part of the rule decides which territories are offered.
    let nobody = UserId(i64::MIN);
    let mut out: Vec<(Vec<String>, SelectOption)> = Vec::new();
    let names: HashMap<TerritoryId, &str> =
        all.iter().map(|(id, _, n)| (*id, n.as_str())).collect();
    for (id, _, name) in &all {
        let chain = chain_of(*id);
        let action = Action::VerifyResident {
            target: nobody,
            territory: chain.clone(),
        };
        if allowed(actor, &action).is_ok() {
            let depth = chain.ids().len().saturating_sub(1);
            // Sort by the names along the path from the root, so children follow parents.
            let path: Vec<String> = chain
                .ids()
                .iter()
                .rev()
                .map(|a| names.get(a).copied().unwrap_or("").to_owned())
                .collect();
            out.push((
                path,
                SelectOption {
                    code: id.0.to_string(),
                    label: format!("{}{name}", "— ".repeat(depth)),
                },
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out.into_iter().map(|(_, o)| o).collect())
}

fn may_use_verification(actor: &Actor) -> bool {
    actor.user().is_some_and(|u| {
        u.email_confirmed && (u.is_admin || u.memberships.iter().any(|m| m.role == OrgRole::Staff))
    })
}

async fn verify_page(
    state: &AppState,
    page: &Page,
    csrf: &str,
    actor: &Actor,
    form: VerifyValues,
    feedback: Feedback,
) -> Result<Response, AppError> {
    let Feedback {
        errors,
        notice,
        status,
    } = feedback;
    let territories = verifiable_territories(state, actor, page.locale).await?;
    render(
        status,
        &VerifyTemplate {
            page,
            csrf,
            form,
            territories,
            evidence_options: evidence_options(page.locale),
            errors,
            notice,
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct VerifyQuery {
    email: String,
}

async fn verify_form(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireUser(me): RequireUser,
    Query(q): Query<VerifyQuery>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    if !may_use_verification(&actor) {
        return Err(AppError::Forbidden);
    }
    let form = VerifyValues {
        email: q.email.chars().take(300).collect(),
        ..VerifyValues::default()
    };
    verify_page(&state, &page, &csrf, &actor, form, Feedback::ok(None)).await
}

async fn verify(
    State(state): State<AppState>,
    page: Page,
    Csrf(csrf): Csrf,
    RequireUser(me): RequireUser,
    Form(input): Form<VerifyForm>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    if !may_use_verification(&actor) {
        return Err(AppError::Forbidden);
    }
    let locale = page.locale;
    let mut errors = FieldErrors::default();
    let person = match Email::parse(&input.email) {
        Ok(email) => match store::user_by_email(&state.db, &email).await? {
            Some(u) if u.email_confirmed_at.is_some() => Some(u),
            _ => {
                errors.add(locale, "email", "accounts-staff-user-unknown");
                None
            }
        },
        Err(e) => {
            errors.add(locale, "email", email_error_key(e));
            None
        }
    };
    let chain = match input.territory.trim().parse::<i64>() {
        Ok(t) => store::territory_chain(&state.db, TerritoryId(t)).await?,
        Err(_) => None,
    };
    if chain.is_none() {
        errors.add(locale, "residence_territory", "accounts-error-territory");
    }
    let evidence = Evidence::parse(input.evidence.trim());
    if evidence.is_none() {
        errors.add(locale, "evidence", "accounts-error-evidence");
    }
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    if let (Some(person), Some(chain), Some(evidence)) = (&person, &chain, evidence) {
        let action = Action::VerifyResident {
            target: person.id,
            territory: chain.clone(),
        };
        match allowed(&actor, &action) {
            Ok(()) => {
                store::verify_resident(
                    &state.db,
                    person.id,
                    chain.territory(),
                    evidence,
                    me.user.id,
                    now(),
                )
                .await?;
                let name = store::territory_name(&state.db, chain.territory(), locale).await?;
                let notice = page.tr(
                    "accounts-staff-verified",
                    &[
                        ("name", Arg::from(person.display_name.as_str())),
                        ("territory", Arg::from(name)),
                    ],
                );
                return verify_page(
                    &state,
                    &page,
                    &csrf,
                    &actor,
                    VerifyValues::default(),
                    Feedback::ok(Some(notice)),
                )
                .await;
            }
            Err(Denied::OwnAccount) => {
                errors.add(locale, "email", "accounts-staff-not-yourself");
                status = StatusCode::FORBIDDEN;
            }
            Err(_) => {
                errors.add(
                    locale,
                    "residence_territory",
                    "accounts-staff-territory-not-allowed",
                );
                status = StatusCode::FORBIDDEN;
            }
        }
    }
    let form = VerifyValues {
        email: input.email.chars().take(300).collect(),
        territory: input.territory.chars().take(20).collect(),
        evidence: input.evidence.chars().take(40).collect(),
    };
    verify_page(
        &state,
        &page,
        &csrf,
        &actor,
        form,
        Feedback::errors(errors, status),
    )
    .await
}
