//! A small territory with councils, associations and people, inserted with plain SQL, for the
//! petition tests on both databases; and a test rule set with small thresholds.

use jiff::civil::Date;

use super::model::rules::{CouncilLevel, RuleSet};
use super::store;
use crate::accounts::model::{Membership, OrgRole};
use crate::platform::db::Db;
use crate::platform::ids::{OrganisationId, TerritoryId, UserId};
use crate::platform::permissions::{TerritoryChain, UserActor};

/// Ids of everything the fixture inserted.
#[derive(Debug, Clone)]
pub struct World {
    /// Larache province.
    pub larache_province: i64,
    /// Bni Makada arrondissement.
    pub bni_makada: i64,
    /// Larache commune.
    pub larache: i64,
    /// Councils.
    pub region_council: i64,
    /// Tangier council.
    pub tangier_council: i64,
    /// Larache council.
    pub larache_council: i64,
    /// Standing committees.
    pub tangier_committee: i64,
    /// An association of Larache, 10 years old, environment.
    pub old_association: i64,
    /// An association of Larache, 1 year old.
    pub young_association: i64,
    /// People.
    pub rep: UserActor,
    /// Residents of Tangier (Bni Makada).
    pub tangier_residents: Vec<UserActor>,
    /// A resident of Larache.
    pub larache_resident: UserActor,
    /// A member of the Tangier bureau.
    pub tangier_bureau_member: UserActor,
    /// Tangier council staff.
    pub tangier_staff: UserActor,
    /// Larache bureau member.
    pub larache_bureau_member: UserActor,
    /// Legal representative of both associations.
    pub association_rep: UserActor,
}

async fn territory(db: &Db, code: &str, level: &str, parent: Option<i64>, population: i64) -> i64 {
    db.query_scalar(
        "INSERT INTO territories (code, level, parent_id, name_ar, name_fr, population, census_year, source, \
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 2024, 'test', 0, 0) RETURNING id",
    )
    .bind(code.to_owned())
    .bind(level.to_owned())
    .bind(parent)
    .bind(format!("{code} ar"))
    .bind(format!("{code} fr"))
    .bind(population)
    .fetch_one(db.pool())
    .await
    .unwrap()
}

async fn organisation(db: &Db, code: &str, kind: &str, territory: i64, parent: Option<i64>) -> i64 {
    db.query_scalar(
        "INSERT INTO organisations (code, kind, territory_id, parent_id, name_ar, name_fr, created_at, updated_at) \
         VALUES (?, ?, ?, ?, ?, ?, 0, 0) RETURNING id",
    )
    .bind(code.to_owned())
    .bind(kind.to_owned())
    .bind(territory)
    .bind(parent)
    .bind(format!("{code} ar"))
    .bind(format!("{code} fr"))
    .fetch_one(db.pool())
    .await
    .unwrap()
}

async fn association(db: &Db, code: &str, seat: i64, created_on: &str, fields: &[&str]) -> i64 {
    let id = organisation(db, code, "association", seat, None).await;
    db.query(
        "INSERT INTO associations (organisation_id, created_on, standing, standing_on, standing_note, \
         representative_name) VALUES (?, ?, 'good', '2025-01-01', '', 'Rep')",
    )
    .bind(id)
    .bind(created_on.to_owned())
    .execute(db.pool())
    .await
    .unwrap();
    for f in fields {
        db.query("INSERT INTO association_fields (organisation_id, field) VALUES (?, ?)")
            .bind(id)
            .bind((*f).to_owned())
            .execute(db.pool())
            .await
            .unwrap();
    }
    id
}

/// A confirmed user with roles and verified residences.
pub async fn person(
    db: &Db,
    email: &str,
    roles: &[(i64, i64, OrgRole)],
    residences: &[i64],
) -> UserActor {
    let id: i64 = db
        .query_scalar(
            "INSERT INTO users (email, display_name, language, is_admin, email_confirmed_at, created_at) \
             VALUES (?, ?, 'ar', 0, 1, 0) RETURNING id",
        )
        .bind(email.to_owned())
        .bind(format!("Name {email}"))
        .fetch_one(db.pool())
        .await
        .unwrap();
    let mut memberships = Vec::new();
    for &(org, territory, role) in roles {
        db.query("INSERT INTO memberships (user_id, organisation_id, role, granted_at) VALUES (?, ?, ?, 0)")
            .bind(id)
            .bind(org)
            .bind(role.code())
            .execute(db.pool())
            .await
            .unwrap();
        memberships.push(Membership {
            organisation: OrganisationId(org),
            territory: TerritoryId(territory),
            role,
        });
    }
    let mut chains = Vec::new();
    for &t in residences {
        db.query(
            "INSERT INTO resident_verifications (user_id, territory_id, verified_by, evidence, verified_at) \
             VALUES (?, ?, ?, 'cin_shown', 0)",
        )
        .bind(id)
        .bind(t)
        .bind(id)
        .execute(db.pool())
        .await
        .unwrap();
        let chain = store::territory_chain(db, t).await.unwrap();
        chains.push(TerritoryChain::new(
            TerritoryId(chain[0]),
            chain[1..].iter().map(|&t| TerritoryId(t)),
        ));
    }
    UserActor {
        id: UserId(id),
        is_admin: false,
        email_confirmed: true,
        memberships,
        residences: chains,
    }
}

/// Inserts the world.
pub async fn world(db: &Db) -> World {
    let region = territory(db, "TTA", "region", None, 4_030_222).await;
    let tanger_assilah = territory(db, "TNA", "prefecture", Some(region), 1_494_413).await;
    let larache_province = territory(db, "LAR", "province", Some(region), 510_211).await;
    let tangier = territory(db, "TNG", "commune", Some(tanger_assilah), 1_275_428).await;
    let bni_makada = territory(db, "TNG-BM", "arrondissement", Some(tangier), 400_000).await;
    let larache = territory(db, "LRC", "commune", Some(larache_province), 126_000).await;
    let region_council = organisation(db, "c-tta", "council", region, None).await;
    organisation(db, "b-tta", "bureau", region, Some(region_council)).await;
    let tangier_council = organisation(db, "c-tng", "council", tangier, None).await;
    let tangier_bureau = organisation(db, "b-tng", "bureau", tangier, Some(tangier_council)).await;
    let tangier_committee = organisation(
        db,
        "sc-tng",
        "standing_committee",
        tangier,
        Some(tangier_council),
    )
    .await;
    let larache_council = organisation(db, "c-lrc", "council", larache, None).await;
    let larache_bureau = organisation(db, "b-lrc", "bureau", larache, Some(larache_council)).await;
    organisation(
        db,
        "sc-lrc",
        "standing_committee",
        larache,
        Some(larache_council),
    )
    .await;
    let old_association = association(
        db,
        "a-old",
        larache,
        "2015-03-01",
        &["environment", "youth"],
    )
    .await;
    let young_association =
        association(db, "a-young", larache, "2025-06-01", &["environment"]).await;
    let rep = person(db, "rep@test", &[], &[bni_makada]).await;
    let mut tangier_residents = Vec::new();
    for i in 0..4 {
        tangier_residents.push(person(db, &format!("t{i}@test"), &[], &[bni_makada]).await);
    }
    let larache_resident = person(db, "l@test", &[], &[larache]).await;
    let tangier_bureau_member = person(
        db,
        "bureau@test",
        &[(tangier_bureau, tangier, OrgRole::BureauMember)],
        &[],
    )
    .await;
    let tangier_staff = person(
        db,
        "staff@test",
        &[(tangier_council, tangier, OrgRole::Staff)],
        &[],
    )
    .await;
    let larache_bureau_member = person(
        db,
        "lbureau@test",
        &[(larache_bureau, larache, OrgRole::BureauMember)],
        &[],
    )
    .await;
    let association_rep = person(
        db,
        "arep@test",
        &[
            (old_association, larache, OrgRole::AssociationRepresentative),
            (
                young_association,
                larache,
                OrgRole::AssociationRepresentative,
            ),
        ],
        &[larache],
    )
    .await;
    World {
        larache_province,
        bni_makada,
        larache,
        region_council,
        tangier_council,
        larache_council,
        tangier_committee,
        old_association,
        young_association,
        rep,
        tangier_residents,
        larache_resident,
        tangier_bureau_member,
        tangier_staff,
        larache_bureau_member,
        association_rep,
    }
}

/// A rule set with tiny thresholds (3 for communes, 4 for regions with 50 % per
/// prefecture/province), in force from 2020: tests need a handful of signatures, not 400.
pub fn small_rules() -> RuleSet {
    let mut r = RuleSet::organic_laws_2015();
    r.name = "Test rules".into();
    r.effective_from = Date::constant(2020, 1, 1);
    for t in &mut r.thresholds {
        t.signatures = match t.level {
            CouncilLevel::Region => 4,
            _ => 3,
        };
    }
    if let Some(s) = r.spread.as_mut() {
        s.percent = 50;
    }
    r
}

/// Installs the built-in and the small rule sets.
pub async fn rules(db: &Db, now: i64) -> i64 {
    store::ensure_default_rule_set(db, now).await.unwrap();
    store::add_rule_set(db, &small_rules(), None, now)
        .await
        .unwrap()
}
