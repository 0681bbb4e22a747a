//! `nousharik bench-petitions`: prepares a signing benchmark (and the crash test) — one petition
//! to the Tangier council, open for signatures, and `n` verified residents of Tangier, each with
//! a session, the CSRF token of that session and a distinct CIN number. Writes one line per
//! signer, `<path>\t<cookie>\t<form body>`, for a load generator (`bench/petitions/sign.lua`)
//! to POST.
//!
//! The accounts are synthetic (`bench-…@bench.invalid`, verified with no evidence shown), so the
//! command refuses to run on a database that holds any account other than demo and bench ones.

use std::fmt::Write as _;

use serde_json::json;

use super::model::eligibility::CONSENT_VERSION;
use super::model::procedure::Transition;
use super::service::{self, Texts};
use super::store;
use crate::platform::AppState;
use crate::platform::ids::{TerritoryId, UserId};
use crate::platform::permissions::{TerritoryChain, UserActor};
use crate::platform::secret::{random_token, token_digest};

/// Domain of the synthetic accounts.
pub const BENCH_DOMAIN: &str = "bench.invalid";

/// What was prepared.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The open petition.
    pub petition_id: i64,
    /// One line per signer: `<path>\t<cookie>\t<form body>`.
    pub lines: Vec<String>,
}

async fn id_by_code(state: &AppState, table: &str, code: &str) -> anyhow::Result<i64> {
    // `table` is a literal of this file, never input.
    state
        .db
        .query_scalar(&format!("SELECT id FROM {table} WHERE code = ?"))
        .bind(code.to_owned())
        .fetch_optional(state.db.pool())
        .await?
        .ok_or_else(|| anyhow::anyhow!("{table} {code} missing (demo data)"))
}

/// Refuses a database with real accounts: only demo and bench accounts may be there.
async fn check_not_production(state: &AppState) -> anyhow::Result<()> {
    let real: i64 = state
        .db
        .query_scalar(
            "SELECT COUNT(*) FROM users WHERE email NOT LIKE '%@demo.nousharik.ma' \
             AND email NOT LIKE '%@bench.invalid'",
        )
        .fetch_one(state.db.pool())
        .await?;
    if real > 0 {
        anyhow::bail!(
            "this database holds {real} real account(s): the benchmark adds synthetic verified \
             residents and must run on a throw-away data directory"
        );
    }
    Ok(())
}

/// Inserts `n` verified residents of `territory` with a session each; returns
/// `(user id, session token, csrf secret)`.
async fn signers(
    state: &AppState,
    run: &str,
    n: usize,
    territory: i64,
    verifier: i64,
    now: i64,
) -> anyhow::Result<Vec<(i64, String, String)>> {
    let db = &state.db;
    let mut out = Vec::with_capacity(n);
    let mut tx = db.begin().await?;
    for i in 0..n {
        let id: i64 = db
            .query_scalar(
                "INSERT INTO users (email, display_name, language, is_admin, email_confirmed_at, created_at) \
                 VALUES (?, ?, 'ar', 0, ?, ?) RETURNING id",
            )
            .bind(format!("bench-{run}-{i}@{BENCH_DOMAIN}"))
            .bind(format!("Bench signer {i}"))
            .bind(now)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
        db.query(
            "INSERT INTO resident_verifications (user_id, territory_id, verified_by, evidence, verified_at) \
             VALUES (?, ?, ?, 'cin_shown', ?)",
        )
        .bind(id)
        .bind(territory)
        .bind(verifier)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let token = random_token();
        let csrf_secret = random_token();
        db.query(
            "INSERT INTO sessions (token_hash, user_id, csrf_secret, created_at, last_seen_at, \
             expires_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, 'bench')",
        )
        .bind(token_digest(&token))
        .bind(id)
        .bind(csrf_secret.clone())
        .bind(now)
        .bind(now)
        .bind(now + crate::accounts::store::SESSION_LIFETIME_SECS)
        .execute(&mut *tx)
        .await?;
        out.push((id, token, csrf_secret));
    }
    tx.commit().await?;
    Ok(out)
}

fn resident(id: i64, chain: &[i64]) -> UserActor {
    UserActor {
        id: UserId(id),
        is_admin: false,
        email_confirmed: true,
        memberships: Vec::new(),
        residences: vec![TerritoryChain::new(
            TerritoryId(chain[0]),
            chain[1..].iter().map(|&t| TerritoryId(t)),
        )],
    }
}

/// Seeds the demo data if needed, then one open petition and `n` signers (see the module doc).
pub async fn prepare(state: &AppState, n: usize, now: i64) -> anyhow::Result<Prepared> {
    check_not_production(state).await?;
    crate::demo::seed(state).await?;
    let db = &state.db;
    let bni_makada = id_by_code(state, "territories", "arrondissement-bni-makada").await?;
    let council = id_by_code(state, "organisations", "council-tanger").await?;
    let run = random_token()[..8].to_owned();
    let chain = store::territory_chain(db, bni_makada).await?;
    // The synthetic residents are recorded as verified by the demo staff of Tangier.
    let verifier: i64 = db
        .query_scalar("SELECT id FROM users WHERE email = 'staff.tanger@demo.nousharik.ma'")
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo staff account missing"))?;
    let rep = signers(state, &format!("{run}-rep"), 1, bni_makada, verifier, now).await?[0].0;
    let texts = Texts {
        title: "Benchmark: public lighting in Bni Makada".into(),
        request: "Put the public lighting of the Bni Makada streets on the agenda.".into(),
        reasons: "A synthetic petition made by nousharik bench-petitions to measure signing."
            .into(),
        representative_name: "Bench representative".into(),
        deputy_name: "Bench deputy".into(),
    };
    let actor = resident(rep, &chain);
    let petition_id = service::draft_citizen(db, &actor, council, &texts, now).await?;
    service::transition(db, &actor, petition_id, Transition::Open, now).await?;
    let people = signers(state, &run, n, bni_makada, verifier, now).await?;
    let key = state.secret.bytes();
    let mut lines = Vec::with_capacity(n);
    for (i, (_, token, csrf_secret)) in people.iter().enumerate() {
        let csrf = crate::platform::session::csrf_token_for_session(key, csrf_secret);
        let cin = format!("BK{}", 100_000 + i);
        let mut body = String::new();
        let _ = write!(
            body,
            "csrf={csrf}&full_name=Bench+signer+{i}&cin={cin}&basis=resident&electoral_roll=1&consent={CONSENT_VERSION}"
        );
        lines.push(format!(
            "/petitions/{petition_id}/sign\tnk_session={token}\t{body}"
        ));
    }
    crate::platform::audit::record(
        db,
        crate::platform::audit::Actor::System,
        "petition.bench.prepare",
        &format!("petition:{petition_id}"),
        json!({ "signers": n }),
    )
    .await?;
    Ok(Prepared { petition_id, lines })
}
