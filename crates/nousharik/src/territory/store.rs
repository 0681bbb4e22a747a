//! SQL for territories, organisations and the association registry (one query path for SQLite
//! and PostgreSQL, through [`Db`]). Rules come from `model`; the store applies them with what
//! only the database knows (the parent's level, codes already used) inside one transaction.

use std::collections::HashMap;

use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::import::{ImportRow, Known, ParentRef};
use super::model::{
    ActivityField, Association, Code, FieldError, Level, Names, NewAssociation, NewOrganisation,
    NewTerritory, OrgKind, Organisation, Problem, Standing, Territory, Topic, check_organisation,
    check_parent,
};
use super::reference::TERRITORIES;
use crate::platform::audit::{self, Actor as By};
use crate::platform::db::{Db, Tx};
use crate::platform::now;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input breaks a rule that needed the database to check (shown to the user).
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// No such row.
    #[error("not found")]
    NotFound,
    /// A stored value the model does not know (a row written outside the application).
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

impl StoreError {
    fn invalid(field: &'static str, problem: Problem) -> Self {
        StoreError::Invalid(vec![FieldError::new(field, problem)])
    }
}

/// Result of the store's functions.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

// ---------------------------------------------------------------------------------------------
// Territories
// ---------------------------------------------------------------------------------------------

const TERRITORY_COLUMNS: &str = "id, code, level, parent_id, name_ar, name_fr, name_zgh, name_en, \
     population, census_year, source";

fn names_from(row: &AnyRow) -> Result<Names> {
    Ok(Names {
        ar: row.try_get("name_ar")?,
        fr: row.try_get("name_fr")?,
        zgh: row.try_get("name_zgh")?,
        en: row.try_get("name_en")?,
    })
}

fn territory_from(row: &AnyRow) -> Result<Territory> {
    let level: String = row.try_get("level")?;
    let census_year: i64 = row.try_get("census_year")?;
    Ok(Territory {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        level: level
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("territory level {level:?}")))?,
        parent_id: row.try_get("parent_id")?,
        names: names_from(row)?,
        population: row.try_get("population")?,
        census_year: i32::try_from(census_year)
            .map_err(|_| StoreError::Corrupt(format!("census year {census_year}")))?,
        source: row.try_get("source")?,
    })
}

/// Inserts the reference territories that are missing (matched by code) and returns how many
/// were inserted. Existing rows are left as they are: an administrator's correction stays.
pub async fn seed_reference(db: &Db) -> Result<u64> {
    let mut tx = db.begin().await?;
    let mut inserted = 0;
    let at = now();
    for t in TERRITORIES {
        let parent_id: Option<i64> = match t.parent {
            Some(code) => Some(
                db.query_scalar("SELECT id FROM territories WHERE code = ?")
                    .bind(code)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| StoreError::Corrupt(format!("reference parent {code}")))?,
            ),
            None => None,
        };
        let done = db
            .query(
                "INSERT INTO territories (code, level, parent_id, name_ar, name_fr, name_zgh, \
                 name_en, population, census_year, source, created_at, updated_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
            )
            .bind(t.code)
            .bind(t.level.as_str())
            .bind(parent_id)
            .bind(t.ar)
            .bind(t.fr)
            .bind(t.zgh)
            .bind(t.en)
            .bind(t.population)
            .bind(i64::from(t.census_year))
            .bind(t.source)
            .bind(at)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        inserted += done.rows_affected();
    }
    // Reference data shipped with the program, not a decision of anyone: no audit entry (the
    // source of every figure is stored with it).
    tx.commit().await?;
    Ok(inserted)
}

/// Every territory, top level first, then by French name.
pub async fn all_territories(db: &Db) -> Result<Vec<Territory>> {
    let rows = db
        .query(&format!(
            "SELECT {TERRITORY_COLUMNS} FROM territories ORDER BY CASE level \
             WHEN 'region' THEN 0 WHEN 'prefecture' THEN 1 WHEN 'province' THEN 1 \
             WHEN 'commune' THEN 2 ELSE 3 END, name_fr, id"
        ))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(territory_from).collect()
}

/// The territory with this code.
pub async fn territory_by_code(db: &Db, code: &str) -> Result<Option<Territory>> {
    let row = db
        .query(&format!(
            "SELECT {TERRITORY_COLUMNS} FROM territories WHERE code = ?"
        ))
        .bind(code)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(territory_from).transpose()
}

/// The territory with this id.
pub async fn territory(db: &Db, id: i64) -> Result<Option<Territory>> {
    let row = db
        .query(&format!(
            "SELECT {TERRITORY_COLUMNS} FROM territories WHERE id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(territory_from).transpose()
}

/// The direct children of a territory, by French name.
pub async fn children(db: &Db, id: i64) -> Result<Vec<Territory>> {
    let rows = db
        .query(&format!(
            "SELECT {TERRITORY_COLUMNS} FROM territories WHERE parent_id = ? ORDER BY name_fr, id"
        ))
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(territory_from).collect()
}

/// The ancestors of a territory, from the region down to its parent.
pub async fn ancestors(db: &Db, territory: &Territory) -> Result<Vec<Territory>> {
    let mut chain = Vec::new();
    let mut next = territory.parent_id;
    // The tree has 4 tiers; a longer chain would be a corrupt cycle.
    while let Some(id) = next {
        if chain.len() > 4 {
            return Err(StoreError::Corrupt(format!("territory {id} in a cycle")));
        }
        let t = self::territory(db, id).await?.ok_or(StoreError::NotFound)?;
        next = t.parent_id;
        chain.push(t);
    }
    chain.reverse();
    Ok(chain)
}

/// The ids of a territory and of everything below it.
pub async fn subtree_ids(db: &Db, id: i64) -> Result<Vec<i64>> {
    let ids = db
        .query_scalar(
            "WITH RECURSIVE sub (id) AS (SELECT id FROM territories WHERE id = ? \
             UNION ALL SELECT t.id FROM territories t JOIN sub ON t.parent_id = sub.id) \
             SELECT id FROM sub ORDER BY id",
        )
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    Ok(ids)
}

/// Code → (id, level) of every territory, for the CSV importer's lookups.
pub async fn known_territories(db: &Db) -> Result<HashMap<String, Known>> {
    Ok(all_territories(db)
        .await?
        .into_iter()
        .map(|t| {
            (
                t.code,
                Known {
                    id: t.id,
                    level: t.level,
                },
            )
        })
        .collect())
}

async fn level_of(db: &Db, tx: &mut Tx, id: i64) -> Result<Option<Level>> {
    let level: Option<String> = db
        .query_scalar("SELECT level FROM territories WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    level
        .map(|l| {
            l.parse()
                .map_err(|_| StoreError::Corrupt(format!("territory level {l:?}")))
        })
        .transpose()
}

async fn code_taken(db: &Db, tx: &mut Tx, table: &str, code: &Code) -> Result<bool> {
    let sql = match table {
        "organisations" => "SELECT COUNT(*) FROM organisations WHERE code = ?",
        _ => "SELECT COUNT(*) FROM territories WHERE code = ?",
    };
    let n: i64 = db
        .query_scalar(sql)
        .bind(code.as_str())
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

/// Inserts one territory in `tx` after checking its parent's level and its code, and records
/// it in the audit log (`via`: how it came, form or import).
async fn insert_territory_in(
    db: &Db,
    tx: &mut Tx,
    t: &NewTerritory,
    parent_id: Option<i64>,
    by: By,
    via: &str,
) -> Result<i64> {
    let parent_level = match parent_id {
        Some(id) => Some(
            level_of(db, tx, id)
                .await?
                .ok_or_else(|| StoreError::invalid("parent", Problem::UnknownParent))?,
        ),
        None => None,
    };
    check_parent(t.level, parent_level).map_err(|p| StoreError::invalid("parent", p))?;
    if code_taken(db, tx, "territories", &t.code).await? {
        return Err(StoreError::invalid("code", Problem::DuplicateCode));
    }
    let at = now();
    let id: i64 = db
        .query_scalar(
            "INSERT INTO territories (code, level, parent_id, name_ar, name_fr, name_zgh, name_en, \
             population, census_year, source, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(t.code.as_str().to_owned())
        .bind(t.level.as_str())
        .bind(parent_id)
        .bind(t.names.ar.clone())
        .bind(t.names.fr.clone())
        .bind(t.names.zgh.clone())
        .bind(t.names.en.clone())
        .bind(t.population)
        .bind(i64::from(t.census_year))
        .bind(t.source.clone())
        .bind(at)
        .bind(at)
        .fetch_one(&mut **tx)
        .await?;
    audit::record_in(
        db,
        tx,
        by,
        "territory.create",
        &format!("territory:{}", t.code),
        json!({
            "via": via,
            "level": t.level,
            "parent_id": parent_id,
            "names": t.names,
            "population": t.population,
            "census_year": t.census_year,
            "source": t.source,
        }),
    )
    .await?;
    Ok(id)
}

/// Adds a territory under `parent_id` (the form path), with its audit entry.
pub async fn insert_territory(
    db: &Db,
    t: &NewTerritory,
    parent_id: Option<i64>,
    by: By,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    let id = insert_territory_in(db, &mut tx, t, parent_id, by, "form").await?;
    tx.commit().await?;
    Ok(id)
}

/// Imports checked CSV rows in one transaction: all rows are stored, or none. Each row is
/// checked again inside the transaction (another administrator may have added a code since the
/// file was parsed); any failure rolls everything back and names the row.
pub async fn import_territories(
    db: &Db,
    rows: &[ImportRow],
    by: By,
) -> std::result::Result<Vec<i64>, ImportFailure> {
    let mut tx = db.begin().await.map_err(|e| ImportFailure::Db(e.into()))?;
    let mut ids: Vec<i64> = Vec::with_capacity(rows.len());
    for r in rows {
        let parent = match r.parent {
            ParentRef::Existing(id) => id,
            ParentRef::InFile(i) => *ids.get(i).ok_or(ImportFailure::Db(StoreError::Corrupt(
                "import parent after child".into(),
            )))?,
        };
        match insert_territory_in(db, &mut tx, &r.territory, Some(parent), by, "import").await {
            Ok(id) => ids.push(id),
            Err(StoreError::Invalid(errors)) => {
                return Err(ImportFailure::Row(r.row, errors));
            }
            Err(e) => return Err(ImportFailure::Db(e)),
        }
    }
    tx.commit().await.map_err(|e| ImportFailure::Db(e.into()))?;
    Ok(ids)
}

/// Why an import stored nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// A row broke a rule when checked again in the transaction.
    #[error("row {0}: {1:?}")]
    Row(u64, Vec<FieldError>),
    /// The database failed.
    #[error(transparent)]
    Db(StoreError),
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

const ORG_COLUMNS: &str = "o.id, o.code, o.kind, o.topic, o.territory_id, o.parent_id, o.name_ar, o.name_fr, \
     o.name_zgh, o.name_en, o.demo";

fn organisation_from(row: &AnyRow) -> Result<Organisation> {
    let kind: String = row.try_get("kind")?;
    let topic: Option<String> = row.try_get("topic")?;
    let demo: i64 = row.try_get("demo")?;
    Ok(Organisation {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        kind: kind
            .parse()
            .map_err(|_| StoreError::Corrupt(format!("organisation kind {kind:?}")))?,
        topic: topic
            .map(|t| {
                t.parse::<Topic>()
                    .map_err(|_| StoreError::Corrupt(format!("topic {t:?}")))
            })
            .transpose()?,
        territory_id: row.try_get("territory_id")?,
        parent_id: row.try_get("parent_id")?,
        names: names_from(row)?,
        demo: demo != 0,
    })
}

/// The organisation with this code.
pub async fn organisation_by_code(db: &Db, code: &str) -> Result<Option<Organisation>> {
    let row = db
        .query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.code = ?"
        ))
        .bind(code)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(organisation_from).transpose()
}

/// The organisation with this id.
pub async fn organisation(db: &Db, id: i64) -> Result<Option<Organisation>> {
    let row = db
        .query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(organisation_from).transpose()
}

const KIND_ORDER: &str = "CASE o.kind WHEN 'council' THEN 0 WHEN 'bureau' THEN 1 \
     WHEN 'standing_committee' THEN 2 WHEN 'consultative_body' THEN 3 \
     WHEN 'coordination_cell' THEN 4 ELSE 5 END";

/// The organisations seated in a territory (council first, associations last).
pub async fn organisations_of_territory(db: &Db, territory_id: i64) -> Result<Vec<Organisation>> {
    let rows = db
        .query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.territory_id = ? \
             ORDER BY {KIND_ORDER}, o.name_fr, o.id"
        ))
        .bind(territory_id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(organisation_from).collect()
}

/// The organisations that belong to this one (a council's bureau, committees and bodies).
pub async fn organisation_children(db: &Db, id: i64) -> Result<Vec<Organisation>> {
    let rows = db
        .query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.parent_id = ? \
             ORDER BY {KIND_ORDER}, o.name_fr, o.id"
        ))
        .bind(id)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(organisation_from).collect()
}

/// Every organisation except associations (for the admin lists and parent choices).
pub async fn bodies(db: &Db) -> Result<Vec<Organisation>> {
    let rows = db
        .query(&format!(
            "SELECT {ORG_COLUMNS} FROM organisations o WHERE o.kind <> 'association' \
             ORDER BY o.territory_id, {KIND_ORDER}, o.name_fr, o.id"
        ))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(organisation_from).collect()
}

/// Checks an organisation against its territory and parent, inside `tx`.
async fn check_structure(db: &Db, tx: &mut Tx, o: &NewOrganisation) -> Result<()> {
    let level = level_of(db, tx, o.territory_id)
        .await?
        .ok_or_else(|| StoreError::invalid("territory", Problem::UnknownTerritory))?;
    let parent = match o.parent_id {
        Some(pid) => {
            let row = db
                .query("SELECT kind, territory_id FROM organisations WHERE id = ?")
                .bind(pid)
                .fetch_optional(&mut **tx)
                .await?
                .ok_or_else(|| StoreError::invalid("parent", Problem::CouncilRequired))?;
            let kind: String = row.try_get("kind")?;
            let territory: i64 = row.try_get("territory_id")?;
            // A council's bureau or committee sits in the council's own territory.
            if territory != o.territory_id {
                return Err(StoreError::invalid("parent", Problem::CouncilRequired));
            }
            Some(
                kind.parse::<OrgKind>()
                    .map_err(|_| StoreError::Corrupt(format!("organisation kind {kind:?}")))?,
            )
        }
        None => None,
    };
    check_organisation(o.kind, o.topic, level, parent).map_err(|e| StoreError::Invalid(vec![e]))?;
    let clash: i64 = match o.kind {
        OrgKind::Council => {
            db.query_scalar(
                "SELECT COUNT(*) FROM organisations WHERE kind = 'council' AND territory_id = ?",
            )
            .bind(o.territory_id)
            .fetch_one(&mut **tx)
            .await?
        }
        OrgKind::Bureau => {
            db.query_scalar(
                "SELECT COUNT(*) FROM organisations WHERE kind = 'bureau' AND parent_id = ?",
            )
            .bind(o.parent_id)
            .fetch_one(&mut **tx)
            .await?
        }
        _ => 0,
    };
    if clash > 0 {
        let field = if o.kind == OrgKind::Council {
            "territory"
        } else {
            "parent"
        };
        return Err(StoreError::invalid(field, Problem::AlreadyExists));
    }
    Ok(())
}

async fn insert_organisation_in(db: &Db, tx: &mut Tx, o: &NewOrganisation, by: By) -> Result<i64> {
    check_structure(db, tx, o).await?;
    if code_taken(db, tx, "organisations", &o.code).await? {
        return Err(StoreError::invalid("code", Problem::DuplicateCode));
    }
    let at = now();
    let id: i64 = db
        .query_scalar(
            "INSERT INTO organisations (code, kind, topic, territory_id, parent_id, name_ar, \
             name_fr, name_zgh, name_en, demo, created_at, updated_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(o.code.as_str().to_owned())
        .bind(o.kind.as_str())
        .bind(o.topic.map(Topic::as_str))
        .bind(o.territory_id)
        .bind(o.parent_id)
        .bind(o.names.ar.clone())
        .bind(o.names.fr.clone())
        .bind(o.names.zgh.clone())
        .bind(o.names.en.clone())
        .bind(i64::from(o.demo))
        .bind(at)
        .bind(at)
        .fetch_one(&mut **tx)
        .await?;
    audit::record_in(
        db,
        tx,
        by,
        if o.kind == OrgKind::Association {
            "association.register"
        } else {
            "organisation.create"
        },
        &format!("organisation:{}", o.code),
        json!({
            "kind": o.kind,
            "topic": o.topic,
            "territory_id": o.territory_id,
            "parent_id": o.parent_id,
            "names": o.names,
            "demo": o.demo,
        }),
    )
    .await?;
    Ok(id)
}

/// Adds an organisation that is not an association (use [`insert_association`] for those).
pub async fn insert_organisation(db: &Db, o: &NewOrganisation, by: By) -> Result<i64> {
    if o.kind == OrgKind::Association {
        return Err(StoreError::invalid("kind", Problem::UnknownKind));
    }
    let mut tx = db.begin().await?;
    let id = insert_organisation_in(db, &mut tx, o, by).await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames an organisation (its kind, territory and place in its council do not change:
/// memberships and petitions refer to it).
pub async fn rename_organisation(db: &Db, id: i64, names: &Names, by: By) -> Result<()> {
    let mut tx = db.begin().await?;
    let code: Option<String> = db
        .query_scalar("SELECT code FROM organisations WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let code = code.ok_or(StoreError::NotFound)?;
    db.query(
        "UPDATE organisations SET name_ar = ?, name_fr = ?, name_zgh = ?, name_en = ?, \
             updated_at = ? WHERE id = ?",
    )
    .bind(names.ar.clone())
    .bind(names.fr.clone())
    .bind(names.zgh.clone())
    .bind(names.en.clone())
    .bind(now())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        "organisation.rename",
        &format!("organisation:{code}"),
        json!({ "names": names }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Associations
// ---------------------------------------------------------------------------------------------

fn parse_date(raw: &str) -> Result<Date> {
    raw.parse()
        .map_err(|_| StoreError::Corrupt(format!("date {raw:?}")))
}

/// The registry record of an association.
pub async fn association(db: &Db, organisation_id: i64) -> Result<Option<Association>> {
    let Some(row) = db
        .query(
            "SELECT organisation_id, created_on, standing, standing_on, standing_note, \
             representative_name FROM associations WHERE organisation_id = ?",
        )
        .bind(organisation_id)
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    let standing: String = row.try_get("standing")?;
    let created_on: String = row.try_get("created_on")?;
    let standing_on: String = row.try_get("standing_on")?;
    let fields: Vec<String> = db
        .query_scalar(
            "SELECT field FROM association_fields WHERE organisation_id = ? ORDER BY field",
        )
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await?;
    let mut fields = fields
        .iter()
        .map(|f| {
            f.parse::<ActivityField>()
                .map_err(|_| StoreError::Corrupt(format!("field {f:?}")))
        })
        .collect::<Result<Vec<_>>>()?;
    fields.sort();
    let branch_ids = db
        .query_scalar(
            "SELECT territory_id FROM association_branches WHERE organisation_id = ? \
             ORDER BY territory_id",
        )
        .bind(organisation_id)
        .fetch_all(db.pool())
        .await?;
    Ok(Some(Association {
        organisation_id,
        created_on: parse_date(&created_on)?,
        standing: standing
            .parse::<Standing>()
            .map_err(|_| StoreError::Corrupt(format!("standing {standing:?}")))?,
        standing_on: parse_date(&standing_on)?,
        standing_note: row.try_get("standing_note")?,
        representative_name: row.try_get("representative_name")?,
        fields,
        branch_ids,
    }))
}

async fn write_fields_and_branches(
    db: &Db,
    tx: &mut Tx,
    id: i64,
    seat: i64,
    fields: &[ActivityField],
    branches: &[i64],
) -> Result<()> {
    db.query("DELETE FROM association_fields WHERE organisation_id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    db.query("DELETE FROM association_branches WHERE organisation_id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for f in fields {
        db.query("INSERT INTO association_fields (organisation_id, field) VALUES (?, ?)")
            .bind(id)
            .bind(f.as_str())
            .execute(&mut **tx)
            .await?;
    }
    let mut seen = Vec::new();
    for &b in branches {
        if b == seat {
            return Err(StoreError::invalid("branches", Problem::BranchIsSeat));
        }
        if seen.contains(&b) {
            continue;
        }
        if level_of(db, tx, b).await?.is_none() {
            return Err(StoreError::invalid("branches", Problem::UnknownTerritory));
        }
        seen.push(b);
        db.query("INSERT INTO association_branches (organisation_id, territory_id) VALUES (?, ?)")
            .bind(id)
            .bind(b)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Registers an association: its organisation row and its registry record, in one transaction.
pub async fn insert_association(
    db: &Db,
    o: &NewOrganisation,
    a: &NewAssociation,
    branches: &[i64],
    by: By,
) -> Result<i64> {
    if o.kind != OrgKind::Association {
        return Err(StoreError::invalid("kind", Problem::UnknownKind));
    }
    let mut tx = db.begin().await?;
    let id = insert_organisation_in(db, &mut tx, o, by).await?;
    db.query(
        "INSERT INTO associations (organisation_id, created_on, standing, standing_on, \
         standing_note, representative_name) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(a.created_on.to_string())
    .bind(a.standing.as_str())
    .bind(a.standing_on.to_string())
    .bind(a.standing_note.clone())
    .bind(a.representative_name.clone())
    .execute(&mut *tx)
    .await?;
    write_fields_and_branches(db, &mut tx, id, o.territory_id, &a.fields, branches).await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        "association.record",
        &format!("organisation:{}", o.code),
        record_details(a, branches),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Updates an association's names, registry record, fields and branches (its seat and code do
/// not change).
pub async fn update_association(
    db: &Db,
    id: i64,
    names: &Names,
    a: &NewAssociation,
    branches: &[i64],
    by: By,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let row = db
        .query("SELECT territory_id, code FROM organisations WHERE id = ? AND kind = 'association'")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    let seat: i64 = row.try_get("territory_id")?;
    let code: String = row.try_get("code")?;
    let at = now();
    db.query(
        "UPDATE organisations SET name_ar = ?, name_fr = ?, name_zgh = ?, name_en = ?, \
         updated_at = ? WHERE id = ?",
    )
    .bind(names.ar.clone())
    .bind(names.fr.clone())
    .bind(names.zgh.clone())
    .bind(names.en.clone())
    .bind(at)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    db.query(
        "UPDATE associations SET created_on = ?, standing = ?, standing_on = ?, \
         standing_note = ?, representative_name = ? WHERE organisation_id = ?",
    )
    .bind(a.created_on.to_string())
    .bind(a.standing.as_str())
    .bind(a.standing_on.to_string())
    .bind(a.standing_note.clone())
    .bind(a.representative_name.clone())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    write_fields_and_branches(db, &mut tx, id, seat, &a.fields, branches).await?;
    let mut details = record_details(a, branches);
    details["names"] = json!(names);
    audit::record_in(
        db,
        &mut tx,
        by,
        "association.update",
        &format!("organisation:{code}"),
        details,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets an association's standing, with the date it was established and a note.
pub async fn set_standing(
    db: &Db,
    id: i64,
    standing: Standing,
    on: Date,
    note: &str,
    by: By,
) -> Result<()> {
    let mut tx = db.begin().await?;
    let code: Option<String> = db
        .query_scalar("SELECT code FROM organisations WHERE id = ? AND kind = 'association'")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let code = code.ok_or(StoreError::NotFound)?;
    db.query(
        "UPDATE associations SET standing = ?, standing_on = ?, standing_note = ? \
             WHERE organisation_id = ?",
    )
    .bind(standing.as_str())
    .bind(on.to_string())
    .bind(note.to_owned())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        "association.standing",
        &format!("organisation:{code}"),
        json!({ "standing": standing, "standing_on": on.to_string(), "note": note }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The audit details of an association's registry record.
fn record_details(a: &NewAssociation, branches: &[i64]) -> serde_json::Value {
    json!({
        "created_on": a.created_on.to_string(),
        "standing": a.standing,
        "standing_on": a.standing_on.to_string(),
        "standing_note": a.standing_note,
        "representative_name": a.representative_name,
        "fields": a.fields,
        "branch_ids": branches,
    })
}

/// Filters of the registry list.
#[derive(Debug, Clone, Default)]
pub struct RegistryFilter {
    /// Seat or a branch in this territory or below it.
    pub territory_id: Option<i64>,
    /// Working in this field.
    pub field: Option<ActivityField>,
}

/// One line of the registry: the organisation and its record.
#[derive(Debug, Clone)]
pub struct RegistryEntry {
    pub organisation: Organisation,
    pub association: Association,
}

/// The associations matching `filter`, by French name.
pub async fn registry(db: &Db, filter: &RegistryFilter) -> Result<Vec<RegistryEntry>> {
    let mut sql = format!("SELECT {ORG_COLUMNS} FROM organisations o WHERE o.kind = 'association'");
    let within = match filter.territory_id {
        Some(t) => Some(subtree_ids(db, t).await?),
        None => None,
    };
    if let Some(ids) = &within {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // The ids are integers from the database, never user text: safe to inline.
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        sql.push_str(&format!(
            " AND (o.territory_id IN ({list}) OR EXISTS (SELECT 1 FROM association_branches b \
             WHERE b.organisation_id = o.id AND b.territory_id IN ({list})))"
        ));
    }
    if filter.field.is_some() {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM association_fields f WHERE f.organisation_id = o.id \
             AND f.field = ?)",
        );
    }
    sql.push_str(" ORDER BY o.name_fr, o.id");
    let mut q = db.query(&sql);
    if let Some(f) = filter.field {
        q = q.bind(f.as_str());
    }
    let rows = q.fetch_all(db.pool()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let organisation = organisation_from(row)?;
        let association = association(db, organisation.id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("association {}", organisation.id)))?;
        out.push(RegistryEntry {
            organisation,
            association,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::territory::import;
    use crate::territory::model::{NamesInput, TerritoryInput, validate_names, validate_territory};
    use crate::territory::reference::REGION;
    use jiff::civil::date;

    /// The administrator of the tests' audit entries.
    const BY: By = By::Account(7);

    fn commune(code: &str) -> NewTerritory {
        validate_territory(
            &TerritoryInput {
                code: code.into(),
                level: "commune".into(),
                names: NamesInput {
                    ar: "أصيلة".into(),
                    fr: "Assilah".into(),
                    ..Default::default()
                },
                population: "1000".into(),
                census_year: "2024".into(),
                source: String::new(),
            },
            true,
        )
        .unwrap()
    }

    fn names(ar: &str, fr: &str) -> Names {
        validate_names(
            &NamesInput {
                ar: ar.into(),
                fr: fr.into(),
                ..Default::default()
            },
            &mut Vec::new(),
        )
        .unwrap()
    }

    fn org(
        code: &str,
        kind: OrgKind,
        territory_id: i64,
        parent_id: Option<i64>,
    ) -> NewOrganisation {
        NewOrganisation {
            code: Code::parse(code).unwrap(),
            kind,
            topic: None,
            territory_id,
            parent_id,
            names: names("مجلس", "Conseil"),
            demo: false,
        }
    }

    async fn id_of(db: &Db, code: &str) -> i64 {
        territory_by_code(db, code).await.unwrap().unwrap().id
    }

    crate::store_test!(
        async fn seeding_is_idempotent_and_keeps_corrections(db: Db) {
            assert_eq!(seed_reference(&db).await.unwrap(), TERRITORIES.len() as u64);
            // An administrator corrects a figure; seeding again changes nothing.
            db.query("UPDATE territories SET population = 130000 WHERE code = 'commune-larache'")
                .execute(db.pool())
                .await
                .unwrap();
            assert_eq!(seed_reference(&db).await.unwrap(), 0);
            let all = all_territories(&db).await.unwrap();
            assert_eq!(all.len(), TERRITORIES.len());
            assert_eq!(all[0].code, REGION);
            let larache = territory_by_code(&db, "commune-larache")
                .await
                .unwrap()
                .unwrap();
            assert_eq!(larache.population, 130_000);
            assert_eq!(larache.census_year, 2014);
        }
    );

    crate::store_test!(
        async fn hierarchy_queries(db: Db) {
            seed_reference(&db).await.unwrap();
            let region = territory_by_code(&db, REGION).await.unwrap().unwrap();
            let subdivisions = children(&db, region.id).await.unwrap();
            assert_eq!(subdivisions.len(), 8);
            assert_eq!(
                subdivisions.iter().map(|t| t.population).sum::<i64>(),
                4_030_222
            );
            let medina = territory_by_code(&db, "arrondissement-tanger-medina")
                .await
                .unwrap()
                .unwrap();
            let chain: Vec<String> = ancestors(&db, &medina)
                .await
                .unwrap()
                .into_iter()
                .map(|t| t.code)
                .collect();
            assert_eq!(
                chain,
                [REGION, "prefecture-tanger-assilah", "commune-tanger"]
            );
            assert_eq!(medina.names.zgh.as_deref(), Some("ⵟⴰⵏⵊⴰ ⵜⵉⵖⵕⵎⵜ"));
            let tangier = id_of(&db, "commune-tanger").await;
            assert_eq!(subtree_ids(&db, tangier).await.unwrap().len(), 5);
            assert_eq!(
                subtree_ids(&db, region.id).await.unwrap().len(),
                TERRITORIES.len()
            );
            assert!(territory(&db, 999_999).await.unwrap().is_none());
        }
    );

    crate::store_test!(
        async fn adding_a_territory_checks_its_parent_and_code(db: Db) {
            seed_reference(&db).await.unwrap();
            let prefecture = id_of(&db, "prefecture-tanger-assilah").await;
            let region = id_of(&db, REGION).await;
            let id = insert_territory(&db, &commune("commune-assilah"), Some(prefecture), BY)
                .await
                .unwrap();
            assert_eq!(
                territory(&db, id).await.unwrap().unwrap().parent_id,
                Some(prefecture)
            );
            let entries = audit::for_subject(&db, "territory:commune-assilah")
                .await
                .unwrap();
            assert_eq!(entries.len(), 1);
            assert_eq!(entries[0].action, "territory.create");
            assert_eq!(entries[0].actor, "account:7");
            let err = insert_territory(&db, &commune("commune-assilah"), Some(prefecture), BY)
                .await
                .unwrap_err();
            assert!(
                matches!(err, StoreError::Invalid(e) if e == [FieldError::new("code", Problem::DuplicateCode)])
            );
            let err = insert_territory(&db, &commune("commune-x"), Some(region), BY)
                .await
                .unwrap_err();
            assert!(matches!(err, StoreError::Invalid(e) if e[0].field == "parent"));
            let err = insert_territory(&db, &commune("commune-y"), Some(424_242), BY)
                .await
                .unwrap_err();
            assert!(
                matches!(err, StoreError::Invalid(e) if e == [FieldError::new("parent", Problem::UnknownParent)])
            );
            let err = insert_territory(&db, &commune("commune-z"), None, BY)
                .await
                .unwrap_err();
            assert!(
                matches!(err, StoreError::Invalid(e) if e == [FieldError::new("parent", Problem::ParentRequired)])
            );
        }
    );

    crate::store_test!(
        async fn an_import_stores_all_rows_or_none(db: Db) {
            seed_reference(&db).await.unwrap();
            let known = known_territories(&db).await.unwrap();
            let csv = "code,level,parent_code,name_ar,name_fr,population,census_year\n\
                       commune-ksar-kebir,commune,province-larache,القصر الكبير,Ksar El Kébir,1000,2024\n\
                       arr-a,arrondissement,commune-ksar-kebir,أ,A,10,2024\n";
            let rows = import::parse(csv.as_bytes(), |c| known.get(c).copied()).unwrap();
            // Someone adds one of the codes between parsing and storing: nothing is stored.
            let larache = id_of(&db, "commune-larache").await;
            let mut arr = commune("arr-a");
            arr.level = Level::Arrondissement;
            insert_territory(&db, &arr, Some(larache), BY)
                .await
                .unwrap();
            let before = all_territories(&db).await.unwrap().len();
            match import_territories(&db, &rows, BY).await {
                Err(ImportFailure::Row(3, e)) => {
                    assert_eq!(e, [FieldError::new("code", Problem::DuplicateCode)])
                }
                other => panic!("{other:?}"),
            }
            assert_eq!(all_territories(&db).await.unwrap().len(), before);
            // Nothing of the failed import reached the audit log either.
            assert!(
                audit::for_subject(&db, "territory:commune-ksar-kebir")
                    .await
                    .unwrap()
                    .is_empty()
            );
            assert!(
                territory_by_code(&db, "commune-ksar-kebir")
                    .await
                    .unwrap()
                    .is_none()
            );
            // Without the clash, both rows go in, the child under the new parent.
            let csv = csv.replace("arr-a", "arr-b");
            let known = known_territories(&db).await.unwrap();
            let rows = import::parse(csv.as_bytes(), |c| known.get(c).copied()).unwrap();
            let ids = import_territories(&db, &rows, BY).await.unwrap();
            let child = territory(&db, ids[1]).await.unwrap().unwrap();
            assert_eq!(child.parent_id, Some(ids[0]));
        }
    );

    crate::store_test!(
        async fn organisations_follow_the_council_rules(db: Db) {
            seed_reference(&db).await.unwrap();
            let tangier = id_of(&db, "commune-tanger").await;
            let larache = id_of(&db, "commune-larache").await;
            let council = insert_organisation(
                &db,
                &org("council-tanger", OrgKind::Council, tangier, None),
                BY,
            )
            .await
            .unwrap();
            let err = insert_organisation(
                &db,
                &org("council-tanger-2", OrgKind::Council, tangier, None),
                BY,
            )
            .await
            .unwrap_err();
            assert!(
                matches!(err, StoreError::Invalid(e) if e == [FieldError::new("territory", Problem::AlreadyExists)])
            );
            let bureau = org("bureau-tanger", OrgKind::Bureau, tangier, Some(council));
            insert_organisation(&db, &bureau, BY).await.unwrap();
            let mut second = bureau.clone();
            second.code = Code::parse("bureau-tanger-2").unwrap();
            assert!(insert_organisation(&db, &second, BY).await.is_err());
            // A committee must sit in its council's territory.
            let err = insert_organisation(
                &db,
                &org("cmt", OrgKind::StandingCommittee, larache, Some(council)),
                BY,
            )
            .await
            .unwrap_err();
            assert!(
                matches!(err, StoreError::Invalid(e) if e[0].problem == Problem::CouncilRequired)
            );
            let mut youth = org(
                "youth-tanger",
                OrgKind::ConsultativeBody,
                tangier,
                Some(council),
            );
            youth.topic = Some(Topic::Youth);
            let err = insert_organisation(&db, &youth, BY).await.unwrap_err();
            assert!(
                matches!(err, StoreError::Invalid(e) if e[0].problem == Problem::TopicNotAtLevel)
            );
            youth.topic = Some(Topic::Equality);
            insert_organisation(&db, &youth, BY).await.unwrap();
            let kids = organisation_children(&db, council).await.unwrap();
            assert_eq!(kids.len(), 2);
            assert_eq!(kids[0].kind, OrgKind::Bureau);
            assert_eq!(kids[1].topic, Some(Topic::Equality));
            rename_organisation(
                &db,
                council,
                &names("مجلس جماعة طنجة", "Conseil communal de Tanger"),
                BY,
            )
            .await
            .unwrap();
            let c = organisation_by_code(&db, "council-tanger")
                .await
                .unwrap()
                .unwrap();
            assert_eq!(c.names.fr, "Conseil communal de Tanger");
            assert_eq!(
                organisations_of_territory(&db, tangier)
                    .await
                    .unwrap()
                    .len(),
                3
            );
        }
    );

    crate::store_test!(
        async fn the_registry_filters_by_territory_subtree_and_field(db: Db) {
            seed_reference(&db).await.unwrap();
            let medina = id_of(&db, "arrondissement-tanger-medina").await;
            let larache = id_of(&db, "commune-larache").await;
            let tangier = id_of(&db, "commune-tanger").await;
            let record = NewAssociation {
                created_on: date(2015, 3, 1),
                standing: Standing::Good,
                standing_on: date(2026, 1, 10),
                standing_note: String::new(),
                representative_name: "Samira".into(),
                fields: vec![ActivityField::Youth],
            };
            let mut a = org("assoc-medina", OrgKind::Association, medina, None);
            a.names = names("جمعية المدينة", "Association Médina");
            let a_id = insert_association(&db, &a, &record, &[larache], BY)
                .await
                .unwrap();
            let mut b = org("assoc-larache", OrgKind::Association, larache, None);
            b.names = names("جمعية العرائش", "Association Larache");
            let mut env = record.clone();
            env.fields = vec![ActivityField::Environment];
            insert_association(&db, &b, &env, &[], BY).await.unwrap();

            let all = registry(&db, &RegistryFilter::default()).await.unwrap();
            assert_eq!(all.len(), 2);
            // The Médina association is in Tangier (subtree) and, by its branch, in Larache.
            let in_tangier = RegistryFilter {
                territory_id: Some(tangier),
                field: None,
            };
            let got = registry(&db, &in_tangier).await.unwrap();
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].association.branch_ids, vec![larache]);
            let in_larache = RegistryFilter {
                territory_id: Some(larache),
                field: None,
            };
            assert_eq!(registry(&db, &in_larache).await.unwrap().len(), 2);
            let youth_in_larache = RegistryFilter {
                territory_id: Some(larache),
                field: Some(ActivityField::Youth),
            };
            let got = registry(&db, &youth_in_larache).await.unwrap();
            assert_eq!(got.len(), 1);
            assert_eq!(got[0].organisation.code, "assoc-medina");

            set_standing(
                &db,
                a_id,
                Standing::NotGood,
                date(2026, 11, 1),
                "Rapport non déposé",
                BY,
            )
            .await
            .unwrap();
            let rec = association(&db, a_id).await.unwrap().unwrap();
            assert_eq!(rec.standing, Standing::NotGood);
            assert_eq!(rec.standing_on, date(2026, 11, 1));
            let trail: Vec<String> = audit::for_subject(&db, "organisation:assoc-medina")
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.action)
                .collect();
            assert_eq!(
                trail,
                [
                    "association.register",
                    "association.record",
                    "association.standing"
                ]
            );
            assert!(matches!(
                set_standing(&db, 987_654, Standing::Good, date(2026, 1, 1), "", BY).await,
                Err(StoreError::NotFound)
            ));
            // A branch in the seat itself is refused, and nothing of the update is kept.
            let err = update_association(&db, a_id, &names("ج", "J"), &record, &[medina], BY)
                .await
                .unwrap_err();
            assert!(matches!(err, StoreError::Invalid(e) if e[0].problem == Problem::BranchIsSeat));
            assert_eq!(
                organisation(&db, a_id).await.unwrap().unwrap().names.fr,
                "Association Médina"
            );
            update_association(&db, a_id, &names("ج", "J"), &env, &[], BY)
                .await
                .unwrap();
            let rec = association(&db, a_id).await.unwrap().unwrap();
            assert_eq!(rec.fields, vec![ActivityField::Environment]);
            assert!(rec.branch_ids.is_empty());
        }
    );
}
