//! SQL of the results framework (one query path for SQLite and PostgreSQL through [`Db`]):
//! the framework's rows, the values of manual indicators with their evidence, and the SQL of
//! every [`NamedQuery`]. Every change runs in one transaction with its audit entry.

use jiff::civil::Date;
use serde::Serialize;
use serde_json::json;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::model::evidence::FileType;
use super::model::{
    Breakdown, IndicatorDraft, Measure, NamedQuery, Period, ProgrammeDraft, Source, ValueDraft,
};
use crate::platform::audit::{self, Actor as By};
use crate::platform::db::{Db, Tx};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such row (or it belongs to another programme).
    #[error("not found")]
    NotFound,
    /// Another programme already uses this key.
    #[error("programme key already used")]
    DuplicateKey,
    /// Values are entered for manual indicators only.
    #[error("not a manual indicator")]
    NotManual,
    /// A stored value the model does not know (a row written outside the application).
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Store result.
pub type Result<T> = std::result::Result<T, StoreError>;

/// A programme as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Programme {
    /// Id.
    pub id: i64,
    /// The key its events are tagged with.
    pub key: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Owning organisation (its staff manage the framework).
    pub organisation_id: i64,
    /// Territory counted (with everything below it).
    pub territory_id: i64,
    /// Period counted.
    pub period: Period,
    /// Demo data.
    pub demo: bool,
}

const PROGRAMME_COLUMNS: &str = "id, programme_key, title, description, organisation_id, \
     territory_id, starts_on, ends_on, demo";

fn date_of(row: &AnyRow, col: &str) -> Result<Date> {
    let raw: String = row.try_get(col)?;
    raw.parse::<Date>()
        .map_err(|_| StoreError::Corrupt(format!("{col}: {raw:?}")))
}

fn programme_of(row: &AnyRow) -> Result<Programme> {
    Ok(Programme {
        id: row.try_get("id")?,
        key: row.try_get("programme_key")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        organisation_id: row.try_get("organisation_id")?,
        territory_id: row.try_get("territory_id")?,
        period: Period {
            from: date_of(row, "starts_on")?,
            to: date_of(row, "ends_on")?,
        },
        demo: row.try_get::<i64, _>("demo")? != 0,
    })
}

async fn key_taken(db: &Db, tx: &mut Tx, key: &str, except: i64) -> Result<bool> {
    let n: i64 = db
        .query_scalar("SELECT COUNT(*) FROM results_programmes WHERE programme_key = ? AND id <> ?")
        .bind(key.to_string())
        .bind(except)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}

/// Where a new programme belongs.
#[derive(Debug, Clone, Copy)]
pub struct Owner {
    /// Owning organisation.
    pub organisation_id: i64,
    /// Territory counted.
    pub territory_id: i64,
    /// Demo data.
    pub demo: bool,
}

/// Creates a programme; audited `results.programme.create`.
pub async fn create_programme(
    db: &Db,
    owner: Owner,
    d: &ProgrammeDraft,
    by: By,
    now: i64,
) -> Result<i64> {
    let mut tx = db.begin().await?;
    if key_taken(db, &mut tx, &d.key, 0).await? {
        return Err(StoreError::DuplicateKey);
    }
    let created_by = match by {
        By::Account(id) => Some(id),
        By::System => None,
    };
    let id: i64 = db
        .query_scalar(
            "INSERT INTO results_programmes (programme_key, title, description, organisation_id, \
             territory_id, starts_on, ends_on, demo, created_by, created_at, updated_at) \
             VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        )
        .bind(d.key.clone())
        .bind(d.title.clone())
        .bind(d.description.clone())
        .bind(owner.organisation_id)
        .bind(owner.territory_id)
        .bind(d.period.from.to_string())
        .bind(d.period.to.to_string())
        .bind(i64::from(owner.demo))
        .bind(created_by)
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        "results.programme.create",
        &format!("results-programme:{id}"),
        json!({ "key": d.key, "title": d.title, "organisation": owner.organisation_id,
                "territory": owner.territory_id, "from": d.period.from.to_string(),
                "to": d.period.to.to_string() }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a programme's key, title, description and period; audited `results.programme.edit`.
pub async fn update_programme(
    db: &Db,
    id: i64,
    d: &ProgrammeDraft,
    by: By,
    now: i64,
) -> Result<()> {
    let mut tx = db.begin().await?;
    if key_taken(db, &mut tx, &d.key, id).await? {
        return Err(StoreError::DuplicateKey);
    }
    let n = db
        .query(
            "UPDATE results_programmes SET programme_key = ?, title = ?, description = ?, \
             starts_on = ?, ends_on = ?, updated_at = ? WHERE id = ?",
        )
        .bind(d.key.clone())
        .bind(d.title.clone())
        .bind(d.description.clone())
        .bind(d.period.from.to_string())
        .bind(d.period.to.to_string())
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
        by,
        "results.programme.edit",
        &format!("results-programme:{id}"),
        json!({ "key": d.key, "title": d.title, "from": d.period.from.to_string(),
                "to": d.period.to.to_string() }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every programme, newest period first.
pub async fn programmes(db: &Db) -> Result<Vec<Programme>> {
    let rows = db
        .query(&format!(
            "SELECT {PROGRAMME_COLUMNS} FROM results_programmes ORDER BY starts_on DESC, id"
        ))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(programme_of).collect()
}

/// One programme.
pub async fn programme(db: &Db, id: i64) -> Result<Option<Programme>> {
    let row = db
        .query(&format!(
            "SELECT {PROGRAMME_COLUMNS} FROM results_programmes WHERE id = ?"
        ))
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(programme_of).transpose()
}

/// One programme by its key.
pub async fn programme_by_key(db: &Db, key: &str) -> Result<Option<Programme>> {
    let row = db
        .query(&format!(
            "SELECT {PROGRAMME_COLUMNS} FROM results_programmes WHERE programme_key = ?"
        ))
        .bind(key.to_string())
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(programme_of).transpose()
}

/// A level of the framework under the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Objective (under the programme).
    Objective,
    /// Expected result (under an objective).
    Result,
    /// Activity (under an expected result).
    Activity,
}

impl Level {
    /// Table, parent column, and the SQL giving a row's programme from its parent id.
    fn sql(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Level::Objective => (
                "results_objectives",
                "programme_id",
                "SELECT id FROM results_programmes WHERE id = ?",
            ),
            Level::Result => (
                "results_expected",
                "objective_id",
                "SELECT programme_id FROM results_objectives WHERE id = ?",
            ),
            Level::Activity => (
                "results_activities",
                "result_id",
                "SELECT o.programme_id FROM results_expected r \
                 JOIN results_objectives o ON o.id = r.objective_id WHERE r.id = ?",
            ),
        }
    }

    /// Audit name.
    pub fn code(self) -> &'static str {
        match self {
            Level::Objective => "objective",
            Level::Result => "result",
            Level::Activity => "activity",
        }
    }
}

/// Adds an objective, expected result or activity under `parent`, which must belong to
/// `programme`; last in order. Audited `results.<level>.add`.
pub async fn add_node(
    db: &Db,
    programme: i64,
    level: Level,
    parent: i64,
    title: &str,
    by: By,
) -> Result<i64> {
    let (table, parent_col, owner_sql) = level.sql();
    let mut tx = db.begin().await?;
    let owner: Option<i64> = db
        .query_scalar(owner_sql)
        .bind(parent)
        .fetch_optional(&mut *tx)
        .await?;
    if owner != Some(programme) {
        return Err(StoreError::NotFound);
    }
    // `table` and `parent_col` are literals of Level::sql, never input.
    let position: i64 = db
        .query_scalar(&format!(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM {table} WHERE {parent_col} = ?"
        ))
        .bind(parent)
        .fetch_one(&mut *tx)
        .await?;
    let id: i64 = db
        .query_scalar(&format!(
            "INSERT INTO {table} ({parent_col}, position, title) VALUES (?,?,?) RETURNING id"
        ))
        .bind(parent)
        .bind(position)
        .bind(title.to_string())
        .fetch_one(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        &format!("results.{}.add", level.code()),
        &format!("results-programme:{programme}"),
        json!({ "id": id, "parent": parent, "title": title }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames an objective, expected result or activity of `programme`; audited
/// `results.<level>.rename`.
pub async fn rename_node(
    db: &Db,
    programme: i64,
    level: Level,
    id: i64,
    title: &str,
    by: By,
) -> Result<()> {
    let (table, parent_col, owner_sql) = level.sql();
    let mut tx = db.begin().await?;
    let parent: Option<i64> = db
        .query_scalar(&format!("SELECT {parent_col} FROM {table} WHERE id = ?"))
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(parent) = parent else {
        return Err(StoreError::NotFound);
    };
    let owner: Option<i64> = db
        .query_scalar(owner_sql)
        .bind(parent)
        .fetch_optional(&mut *tx)
        .await?;
    if owner != Some(programme) {
        return Err(StoreError::NotFound);
    }
    let old: String = db
        .query_scalar(&format!("SELECT title FROM {table} WHERE id = ?"))
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    db.query(&format!("UPDATE {table} SET title = ? WHERE id = ?"))
        .bind(title.to_string())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        &format!("results.{}.rename", level.code()),
        &format!("results-programme:{programme}"),
        json!({ "id": id, "from": old, "to": title }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An indicator as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indicator {
    /// Id.
    pub id: i64,
    /// Its expected result.
    pub result_id: i64,
    /// Its activity, if any.
    pub activity_id: Option<i64>,
    /// Title.
    pub title: String,
    /// Unit.
    pub unit: String,
    /// Baseline.
    pub baseline: i64,
    /// Target.
    pub target: i64,
    /// Manual or computed.
    pub source: Source,
    /// Definition and data source.
    pub note: String,
}

fn indicator_of(row: &AnyRow) -> Result<Indicator> {
    let source: String = row.try_get("source")?;
    let query: Option<String> = row.try_get("query")?;
    Ok(Indicator {
        id: row.try_get("id")?,
        result_id: row.try_get("result_id")?,
        activity_id: row.try_get("activity_id")?,
        title: row.try_get("title")?,
        unit: row.try_get("unit")?,
        baseline: row.try_get("baseline")?,
        target: row.try_get("target")?,
        source: Source::from_columns(&source, query.as_deref())
            .ok_or_else(|| StoreError::Corrupt(format!("source {source:?} {query:?}")))?,
        note: row.try_get("note")?,
    })
}

const INDICATOR_COLUMNS: &str = "i.id, i.result_id, i.activity_id, i.title, i.unit, i.baseline, i.target, i.source, i.query, i.note";

/// The ids of an expected result's activities (an indicator may point at one of them).
pub async fn activities_of(db: &Db, result: i64) -> Result<Vec<i64>> {
    Ok(db
        .query_scalar("SELECT id FROM results_activities WHERE result_id = ? ORDER BY position")
        .bind(result)
        .fetch_all(db.pool())
        .await?)
}

/// The programme an expected result belongs to.
pub async fn programme_of_result(db: &Db, result: i64) -> Result<Option<i64>> {
    Ok(db
        .query_scalar(
            "SELECT o.programme_id FROM results_expected r \
             JOIN results_objectives o ON o.id = r.objective_id WHERE r.id = ?",
        )
        .bind(result)
        .fetch_optional(db.pool())
        .await?)
}

/// Adds an indicator to an expected result of `programme`; audited `results.indicator.add`.
pub async fn add_indicator(
    db: &Db,
    programme: i64,
    result: i64,
    d: &IndicatorDraft,
    by: By,
    now: i64,
) -> Result<i64> {
    if programme_of_result(db, result).await? != Some(programme) {
        return Err(StoreError::NotFound);
    }
    let (source, query) = d.source.columns();
    let mut tx = db.begin().await?;
    let position: i64 = db
        .query_scalar(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM results_indicators WHERE result_id = ?",
        )
        .bind(result)
        .fetch_one(&mut *tx)
        .await?;
    let id: i64 = db
        .query_scalar(
            "INSERT INTO results_indicators (result_id, activity_id, position, title, unit, \
             baseline, target, source, query, note, created_at, updated_at) \
             VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        )
        .bind(result)
        .bind(d.activity)
        .bind(position)
        .bind(d.title.clone())
        .bind(d.unit.clone())
        .bind(d.baseline)
        .bind(d.target)
        .bind(source)
        .bind(query)
        .bind(d.note.clone())
        .bind(now)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        "results.indicator.add",
        &format!("results-indicator:{id}"),
        json!({ "programme": programme, "result": result, "title": d.title, "unit": d.unit,
                "baseline": d.baseline, "target": d.target, "source": source, "query": query }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes an indicator of `programme`; audited `results.indicator.edit` with the old and
/// new baseline, target and source.
pub async fn update_indicator(
    db: &Db,
    programme: i64,
    id: i64,
    d: &IndicatorDraft,
    by: By,
    now: i64,
) -> Result<()> {
    let old = indicator(db, programme, id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let (source, query) = d.source.columns();
    let mut tx = db.begin().await?;
    db.query(
        "UPDATE results_indicators SET activity_id = ?, title = ?, unit = ?, baseline = ?, \
         target = ?, source = ?, query = ?, note = ?, updated_at = ? WHERE id = ?",
    )
    .bind(d.activity)
    .bind(d.title.clone())
    .bind(d.unit.clone())
    .bind(d.baseline)
    .bind(d.target)
    .bind(source)
    .bind(query)
    .bind(d.note.clone())
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let (old_source, old_query) = old.source.columns();
    audit::record_in(
        db,
        &mut tx,
        by,
        "results.indicator.edit",
        &format!("results-indicator:{id}"),
        json!({ "programme": programme, "title": d.title,
                "baseline": [old.baseline, d.baseline], "target": [old.target, d.target],
                "source": [old_source, source], "query": [old_query, query] }),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// One indicator of `programme`.
pub async fn indicator(db: &Db, programme: i64, id: i64) -> Result<Option<Indicator>> {
    let row = db
        .query(&format!(
            "SELECT {INDICATOR_COLUMNS} FROM results_indicators i \
             JOIN results_expected r ON r.id = i.result_id \
             JOIN results_objectives o ON o.id = r.objective_id \
             WHERE i.id = ? AND o.programme_id = ?"
        ))
        .bind(id)
        .bind(programme)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(indicator_of).transpose()
}

/// An evidence file to keep with a value.
#[derive(Debug, Clone)]
pub struct EvidenceFile {
    /// Cleaned file name.
    pub name: String,
    /// Checked type.
    pub file_type: FileType,
    /// Content.
    pub bytes: Vec<u8>,
}

/// Records a value of a manual indicator of `programme`, with its evidence; audited
/// `results.value.add` (with the evidence's name, type and size, not its content).
pub async fn add_value(
    db: &Db,
    programme: i64,
    indicator_id: i64,
    d: &ValueDraft,
    file: Option<&EvidenceFile>,
    by: By,
    now: i64,
) -> Result<i64> {
    let ind = indicator(db, programme, indicator_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    if ind.source != Source::Manual {
        return Err(StoreError::NotManual);
    }
    let recorded_by = match by {
        By::Account(id) => Some(id),
        By::System => None,
    };
    let mut tx = db.begin().await?;
    let id: i64 = db
        .query_scalar(
            "INSERT INTO results_values (indicator_id, measured_on, value, note, evidence_url, \
             evidence_name, evidence_type, evidence, recorded_by, recorded_at) \
             VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
        )
        .bind(indicator_id)
        .bind(d.measured_on.to_string())
        .bind(d.value)
        .bind(d.note.clone())
        .bind(d.evidence_url.clone())
        .bind(file.map(|f| f.name.clone()))
        .bind(file.map(|f| f.file_type.content_type(&f.name)))
        .bind(file.map(|f| f.bytes.clone()))
        .bind(recorded_by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
    audit::record_in(
        db,
        &mut tx,
        by,
        "results.value.add",
        &format!("results-indicator:{indicator_id}"),
        json!({ "value_id": id, "measured_on": d.measured_on.to_string(), "value": d.value,
                "evidence_url": d.evidence_url,
                "evidence_file": file.map(|f| json!({ "name": f.name,
                    "type": f.file_type.content_type(&f.name), "bytes": f.bytes.len() })) }),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A value of a manual indicator (without the file's content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Value {
    /// Id.
    pub id: i64,
    /// The indicator.
    pub indicator_id: i64,
    /// Date of the measure.
    pub measured_on: Date,
    /// The value.
    pub value: i64,
    /// What it is based on.
    pub note: String,
    /// Link to the evidence.
    pub evidence_url: Option<String>,
    /// Name of the evidence file.
    pub evidence_name: Option<String>,
}

/// Every value of the manual indicators of `programme`, oldest first.
pub async fn values(db: &Db, programme: i64) -> Result<Vec<Value>> {
    let rows = db
        .query(
            "SELECT v.id, v.indicator_id, v.measured_on, v.value, v.note, v.evidence_url, \
             v.evidence_name FROM results_values v \
             JOIN results_indicators i ON i.id = v.indicator_id \
             JOIN results_expected r ON r.id = i.result_id \
             JOIN results_objectives o ON o.id = r.objective_id \
             WHERE o.programme_id = ? ORDER BY v.measured_on, v.id",
        )
        .bind(programme)
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| -> Result<Value> {
            Ok(Value {
                id: r.try_get("id")?,
                indicator_id: r.try_get("indicator_id")?,
                measured_on: date_of(r, "measured_on")?,
                value: r.try_get("value")?,
                note: r.try_get("note")?,
                evidence_url: r.try_get("evidence_url")?,
                evidence_name: r.try_get("evidence_name")?,
            })
        })
        .collect()
}

/// The evidence file of a value of `programme`: (name, content type, bytes).
pub async fn evidence(
    db: &Db,
    programme: i64,
    value: i64,
) -> Result<Option<(String, String, Vec<u8>)>> {
    let row = db
        .query(
            "SELECT v.evidence_name, v.evidence_type, v.evidence FROM results_values v \
             JOIN results_indicators i ON i.id = v.indicator_id \
             JOIN results_expected r ON r.id = i.result_id \
             JOIN results_objectives o ON o.id = r.objective_id \
             WHERE v.id = ? AND o.programme_id = ? AND v.evidence IS NOT NULL",
        )
        .bind(value)
        .bind(programme)
        .fetch_optional(db.pool())
        .await?;
    row.map(|r| -> Result<(String, String, Vec<u8>)> {
        Ok((
            r.try_get("evidence_name")?,
            r.try_get("evidence_type")?,
            r.try_get("evidence")?,
        ))
    })
    .transpose()
}

/// An activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
}

/// An expected result with its activities and indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedResult {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Activities, in order.
    pub activities: Vec<Activity>,
    /// Indicators, in order.
    pub indicators: Vec<Indicator>,
}

/// An objective with its expected results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Objective {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Expected results, in order.
    pub results: Vec<ExpectedResult>,
}

/// The whole tree of a programme.
pub async fn framework(db: &Db, programme: i64) -> Result<Vec<Objective>> {
    let objectives = db
        .query(
            "SELECT id, title FROM results_objectives WHERE programme_id = ? ORDER BY position, id",
        )
        .bind(programme)
        .fetch_all(db.pool())
        .await?;
    let results = db
        .query(
            "SELECT r.id, r.objective_id, r.title FROM results_expected r \
             JOIN results_objectives o ON o.id = r.objective_id \
             WHERE o.programme_id = ? ORDER BY r.position, r.id",
        )
        .bind(programme)
        .fetch_all(db.pool())
        .await?;
    let activities = db
        .query(
            "SELECT a.id, a.result_id, a.title FROM results_activities a \
             JOIN results_expected r ON r.id = a.result_id \
             JOIN results_objectives o ON o.id = r.objective_id \
             WHERE o.programme_id = ? ORDER BY a.position, a.id",
        )
        .bind(programme)
        .fetch_all(db.pool())
        .await?;
    let indicators = db
        .query(&format!(
            "SELECT {INDICATOR_COLUMNS} FROM results_indicators i \
             JOIN results_expected r ON r.id = i.result_id \
             JOIN results_objectives o ON o.id = r.objective_id \
             WHERE o.programme_id = ? ORDER BY i.position, i.id"
        ))
        .bind(programme)
        .fetch_all(db.pool())
        .await?;
    let indicators: Vec<Indicator> = indicators.iter().map(indicator_of).collect::<Result<_>>()?;
    let mut out = Vec::new();
    for o in &objectives {
        let oid: i64 = o.try_get("id")?;
        let mut node = Objective {
            id: oid,
            title: o.try_get("title")?,
            results: Vec::new(),
        };
        for r in &results {
            if r.try_get::<i64, _>("objective_id")? != oid {
                continue;
            }
            let rid: i64 = r.try_get("id")?;
            let mut acts = Vec::new();
            for a in &activities {
                if a.try_get::<i64, _>("result_id")? == rid {
                    acts.push(Activity {
                        id: a.try_get("id")?,
                        title: a.try_get("title")?,
                    });
                }
            }
            node.results.push(ExpectedResult {
                id: rid,
                title: r.try_get("title")?,
                activities: acts,
                indicators: indicators
                    .iter()
                    .filter(|i| i.result_id == rid)
                    .cloned()
                    .collect(),
            });
        }
        out.push(node);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The named queries
// ---------------------------------------------------------------------------------------------

/// What a computed figure is limited to.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The key events are tagged with.
    pub key: String,
    /// Territory (with everything below it).
    pub territory_id: i64,
    /// Period, both days included.
    pub period: Period,
    /// Events count as held once they have ended before this moment (Unix seconds).
    pub now: i64,
}

impl Scope {
    /// The scope of a programme at `now`.
    pub fn of(p: &Programme, now: i64) -> Self {
        Self {
            key: p.key.clone(),
            territory_id: p.territory_id,
            period: p.period,
            now,
        }
    }
}

/// The territory and everything below it, as the CTE `scope(id)`. First parameter: the
/// territory id.
const SCOPE: &str = "WITH RECURSIVE scope(id) AS (SELECT id FROM territories WHERE id = ? \
     UNION ALL SELECT t.id FROM territories t JOIN scope s ON t.parent_id = s.id)";

/// Events of the programme held in the scope. Parameters after the territory: key, period
/// start, period end, now.
const HELD_EVENTS: &str = "e.programme = ? AND e.status = 'scheduled' AND e.starts_at >= ? \
     AND e.starts_at < ? AND e.ends_at <= ? AND e.territory_id IN (SELECT id FROM scope)";

const TRAINING: &str = " AND e.kind = 'training_session'";

/// Attendances (check-ins) at those events, as the CTE `att(person, sex, actor_type, at, id)`;
/// a person is an account (its id) or, for a walk-in without account, the registration
/// (its id, negated so the two never collide).
fn attendance_cte(kind_filter: &str) -> String {
    format!(
        "{SCOPE}, att AS (SELECT CASE WHEN r.user_id IS NULL THEN -r.id ELSE r.user_id END \
         AS person, r.sex, r.actor_type, r.checked_in_at AS at, r.id \
         FROM registrations r JOIN events e ON e.id = r.event_id \
         WHERE r.checked_in_at IS NOT NULL AND {HELD_EVENTS}{kind_filter})"
    )
}

/// Unique people by their latest known `column` (sex or actor type), as (category, count).
fn latest_profile_sql(kind_filter: &str, column: &str) -> String {
    format!(
        "{}, ranked AS (SELECT person, {column} AS cat, ROW_NUMBER() OVER \
         (PARTITION BY person ORDER BY at DESC, id DESC) AS rn FROM att \
         WHERE {column} IS NOT NULL) \
         SELECT cat, COUNT(*) AS n FROM ranked WHERE rn = 1 GROUP BY cat ORDER BY cat",
        attendance_cte(kind_filter)
    )
}

/// Which parameters a query takes after the territory.
#[derive(Clone, Copy)]
enum Params {
    /// key, from, to, now.
    Events,
    /// from, to.
    Period,
}

/// The SQL of a figure (one row, column `n`) and of its breakdown (rows `cat`, `n`).
fn sql_of(q: NamedQuery) -> (String, Option<String>, Params) {
    let events_count = |filter: &str| {
        format!("{SCOPE} SELECT COUNT(*) AS n FROM events e WHERE {HELD_EVENTS}{filter}")
    };
    let people = |filter: &str| {
        format!(
            "{} SELECT COUNT(DISTINCT person) AS n FROM att",
            attendance_cte(filter)
        )
    };
    let petitions = |extra: &str, group: bool| {
        let (select, tail) = if group {
            (
                "p.kind AS cat, COUNT(*) AS n",
                " GROUP BY p.kind ORDER BY p.kind",
            )
        } else {
            ("COUNT(*) AS n", "")
        };
        format!(
            "{SCOPE} SELECT {select} FROM petitions p \
             WHERE p.territory_id IN (SELECT id FROM scope) AND {extra}{tail}"
        )
    };
    const DEPOSITED: &str = "p.deposited_at >= ? AND p.deposited_at < ?";
    const ADMISSIBLE: &str = "EXISTS (SELECT 1 FROM petition_events pe WHERE \
         pe.petition_id = p.id AND pe.to_state = 'admissible' AND pe.at >= ? AND pe.at < ?)";
    match q {
        NamedQuery::TrainingsHeld => (events_count(TRAINING), None, Params::Events),
        NamedQuery::PeopleTrained => (
            people(TRAINING),
            Some(latest_profile_sql(TRAINING, "actor_type")),
            Params::Events,
        ),
        NamedQuery::PeopleTrainedBySex => (
            people(TRAINING),
            Some(latest_profile_sql(TRAINING, "sex")),
            Params::Events,
        ),
        NamedQuery::AssociationsTrained => (
            format!(
                "{} SELECT COUNT(DISTINCT m.organisation_id) AS n FROM att \
                 JOIN memberships m ON m.user_id = att.person \
                 JOIN organisations o ON o.id = m.organisation_id \
                 WHERE att.person > 0 AND o.kind = 'association'",
                attendance_cte(TRAINING)
            ),
            None,
            Params::Events,
        ),
        NamedQuery::EventsHeld => (
            events_count(""),
            Some(format!(
                "{SCOPE} SELECT e.kind AS cat, COUNT(*) AS n FROM events e WHERE {HELD_EVENTS} \
                 GROUP BY e.kind ORDER BY e.kind"
            )),
            Params::Events,
        ),
        NamedQuery::PeopleReached => (
            people(""),
            Some(latest_profile_sql("", "sex")),
            Params::Events,
        ),
        NamedQuery::PetitionsDeposited => (
            petitions(DEPOSITED, false),
            Some(petitions(DEPOSITED, true)),
            Params::Period,
        ),
        NamedQuery::PetitionsAdmissible => (
            petitions(ADMISSIBLE, false),
            Some(petitions(ADMISSIBLE, true)),
            Params::Period,
        ),
        NamedQuery::PbProjectsFunded => (
            format!(
                "{SCOPE} SELECT COUNT(*) AS n FROM budget_projects p \
                 JOIN budget_campaigns c ON c.id = p.campaign_id \
                 WHERE p.funded = 1 AND c.voting_end_at >= ? AND c.voting_end_at < ? \
                 AND c.territory_id IN (SELECT id FROM scope)"
            ),
            None,
            Params::Period,
        ),
        NamedQuery::PbBallotsCast => (
            format!(
                "{SCOPE} SELECT COUNT(*) AS n FROM budget_ballots b \
                 JOIN budget_budgets bb ON bb.id = b.budget_id \
                 JOIN budget_campaigns c ON c.id = bb.campaign_id \
                 WHERE c.voting_end_at >= ? AND c.voting_end_at < ? \
                 AND c.territory_id IN (SELECT id FROM scope)"
            ),
            None,
            Params::Period,
        ),
    }
}

fn bind_scope(db: &Db, sql: &str, params: Params, s: &Scope) -> crate::platform::db::Query {
    let (from, to) = s.period.bounds();
    let q = db.query(sql).bind(s.territory_id);
    match params {
        Params::Events => q.bind(s.key.clone()).bind(from).bind(to).bind(s.now),
        Params::Period => q.bind(from).bind(to),
    }
}

/// Computes a named figure in a scope, with its breakdown when the source has one.
pub async fn compute(db: &Db, q: NamedQuery, scope: &Scope) -> Result<Measure> {
    let (sql, breakdown_sql, params) = sql_of(q);
    let row = bind_scope(db, &sql, params, scope)
        .fetch_one(db.pool())
        .await?;
    let value: i64 = row.try_get("n")?;
    let mut breakdown = Vec::new();
    if let Some(sql) = breakdown_sql {
        let rows = bind_scope(db, &sql, params, scope)
            .fetch_all(db.pool())
            .await?;
        for r in rows {
            breakdown.push((r.try_get::<String, _>("cat")?, r.try_get::<i64, _>("n")?));
        }
    }
    // Every category of the breakdown, in the model's order, zeros included.
    if let Some(b) = q.breakdown() {
        breakdown = categories(b)
            .iter()
            .map(|c| {
                let n = breakdown
                    .iter()
                    .find(|(k, _)| k == c)
                    .map_or(0, |(_, n)| *n);
                (c.to_string(), n)
            })
            .collect();
    }
    Ok(Measure { value, breakdown })
}

/// The categories of a breakdown, as stored by the module that records them.
pub fn categories(b: Breakdown) -> Vec<&'static str> {
    use crate::meetings::model::EventKind;
    use crate::meetings::model::attendance::ActorType;
    match b {
        Breakdown::Sex => vec!["female", "male"],
        Breakdown::ActorType => ActorType::ALL.iter().map(|a| a.code()).collect(),
        Breakdown::EventKind => EventKind::ALL.iter().map(|k| k.code()).collect(),
        Breakdown::PetitionKind => vec!["citizen", "association"],
    }
}
